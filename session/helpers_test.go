package session

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"vigil/guides"
	"vigil/store"
)

// testClock is an injected store clock that tests move by hand. hook, when
// set, runs once on the next reading: a way to act while a write is in
// flight, without goroutines or sleeps.
type testClock struct {
	t    time.Time
	hook func()
}

func (c *testClock) Now() time.Time {
	if h := c.hook; h != nil {
		c.hook = nil
		h()
	}
	return c.t
}

func (c *testClock) set(t time.Time)        { c.t = t }
func day(d int) time.Time                   { return time.Date(2026, 11, d, 19, 0, 0, 0, time.UTC) }
func minutes(t0 time.Time, m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
func seed() *guides.Guide                   { return guides.Default() }
func keysOf(pages []Page) (out []string) {
	return mapPages(pages, func(p Page) string { return p.Key })
}
func mapPages[T any](pages []Page, f func(Page) T) []T {
	var out []T
	for _, p := range pages {
		out = append(out, f(p))
	}
	return out
}

// openStore opens a real bbolt file in a temporary folder, with an
// injected clock, and checks the whole file when the test ends.
func openStore(t *testing.T) (*store.Store, *testClock) {
	t.Helper()
	clk := &testClock{t: day(5)}
	st, err := store.Open(filepath.Join(t.TempDir(), "vigil.db"), store.Options{Now: clk.Now, NoAutoBackup: true})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Check(); err != nil {
			t.Errorf("the database is not sound: %v", err)
		}
		st.Close()
	})
	return st, clk
}

// newMeeting starts a session of g for a group at now and opens it.
func newMeeting(t *testing.T, st *store.Store, g *guides.Guide, group string, now time.Time) Meeting {
	t.Helper()
	o, err := NewSession(st, g, Start{Group: group, Now: now})
	if err != nil {
		t.Fatalf("NewSession: %v", err)
	}
	return Open(o, now)
}

// applyAll writes changes to the store at once, in order.
func applyAll(t *testing.T, st *store.Store, cs []store.Change) {
	t.Helper()
	for _, c := range cs {
		if err := st.Apply(c); err != nil {
			t.Fatalf("Apply: %v", err)
		}
	}
}

func load(t *testing.T, st *store.Store, id uint64) store.Record {
	t.Helper()
	rec, err := st.Load(id)
	if err != nil {
		t.Fatalf("Load(%d): %v", id, err)
	}
	return rec
}

// normal makes two records comparable: the store sets Updated itself, and
// an empty map or list reads back as none.
func normal(rec store.Record) store.Record {
	s := copySession(rec.Session)
	s.Updated = time.Time{}
	if len(s.Spent) == 0 {
		s.Spent = nil
	}
	if len(s.Prayed) == 0 {
		s.Prayed = nil
	}
	if len(s.Budget) == 0 {
		s.Budget = nil
	}
	if len(s.Revisited) == 0 {
		s.Revisited = nil
	}
	rec.Session = s
	if len(rec.Notes) == 0 {
		rec.Notes = nil
	}
	if len(rec.Requests) == 0 {
		rec.Requests = nil
	}
	if len(rec.Commitments) == 0 {
		rec.Commitments = nil
	}
	return rec
}

func sameRecord(t *testing.T, got, want store.Record) {
	t.Helper()
	if g, w := normal(got), normal(want); !reflect.DeepEqual(g, w) {
		t.Errorf("records differ:\n got %+v\nwant %+v", g, w)
	}
}

// goToKey shows the page with a key, failing when there is none.
func goToKey(t *testing.T, m *Meeting, key string, now time.Time) []store.Change {
	t.Helper()
	i := indexOfKey(m.Pages, key)
	if i < 0 {
		t.Fatalf("no page %q in %v", key, keysOf(m.Pages))
	}
	cs, _ := m.GoTo(i, now)
	return cs
}

// libraryOf is the embedded guides only.
func libraryOf() guides.Library { return guides.Load("") }
