package store

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// damage writes raw bytes over one key of session id, straight into the
// bbolt file: child "" is the session's own bucket.
func damageRecord(t *testing.T, path string, id uint64, child string, key, value []byte) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSessions).Bucket(itob(id))
		if child != "" {
			b = b.Bucket([]byte(child))
		}
		return b.Put(key, value)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// jargon is Go's and bbolt's wording that must not reach a user.
var jargon = []string{"invalid character", "unexpected end of JSON", "json:", "file resize error", "truncate", "panic", "runtime error"}

func noJargon(t *testing.T, what string, err error) {
	t.Helper()
	for _, j := range jargon {
		if err != nil && strings.Contains(err.Error(), j) {
			t.Errorf("%s: %q holds %q", what, err, j)
		}
	}
}

// TestDamagedSessionLocksOutNothing damages the header of one session and
// a note of another, in a real file: lists, walks and groups go on past
// them and name them, Load says ErrDamaged in a plain sentence, LoadRaw
// rescues the bytes, Doctor finds both and fails, and DeleteSession removes
// a damaged one.
func TestDamagedSessionLocksOutNothing(t *testing.T) {
	c := newClock()
	path := dbPath(t)
	s := openAt(t, path, c.opts())
	var ids []uint64
	for i := 0; i < 4; i++ {
		ids = append(ids, fillSession(t, s, "words").ID)
	}
	s.Close()
	badHead, badNote := ids[1], ids[2]
	damageRecord(t, path, badHead, "", keySession, []byte(`{"id": garbage`))
	damageRecord(t, path, badNote, "notes", []byte("faq/x"), []byte(`{"key":"faq/x","text":"half a no`))

	s = openAt(t, path, c.opts())
	list, err := s.Sessions(0)
	var de *DamagedError
	if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) || !slices.Equal(de.SessionIDs(), []uint64{badHead, badNote}) {
		t.Errorf("Sessions error = %v, want a DamagedError naming %d and %d", err, badHead, badNote)
	}
	if err != nil && err.Error() != "sessions 2 and 3 are damaged; `vigil doctor` says more" {
		t.Errorf("Sessions error reads %q", err)
	}
	if got := sessionIDs(list); !slices.Equal(got, []uint64{ids[3], ids[0]}) {
		t.Errorf("Sessions listed %v, want the two whole ones", got)
	}
	if list, err := s.Sessions(1); len(list) != 1 || list[0].ID != ids[3] || err != nil {
		t.Errorf("Sessions(1) = %v, %v", sessionIDs(list), err)
	}

	for _, id := range []uint64{badHead, badNote} {
		_, err := s.Load(id)
		var se *json.SyntaxError
		if !errors.Is(err, ErrDamaged) || !errors.As(err, &se) || !strings.Contains(err.Error(), "vigil doctor") {
			t.Errorf("Load(%d) = %v, want ErrDamaged with the JSON error inside", id, err)
		}
		noJargon(t, "Load", err)
	}
	if _, err := s.Load(ids[0]); err != nil {
		t.Errorf("Load of a whole session: %v", err)
	}

	raw, err := s.LoadRaw(badNote)
	if err != nil {
		t.Fatal(err)
	}
	var rescued bool
	for _, e := range raw {
		if e.Bucket == "notes" && string(e.Key) == "faq/x" && strings.Contains(string(e.Value), "half a no") {
			rescued = true
		}
	}
	if !rescued || len(raw) != 5 { // header, the leader note, faq/x, a request, a commitment
		t.Errorf("LoadRaw = %d entries, rescued %v", len(raw), rescued)
	}

	walked := map[uint64]bool{}
	all, err := s.AllIDs()
	if err != nil || len(all) != 4 {
		t.Fatalf("AllIDs = %v, %v", all, err)
	}
	err = s.Walk(all, func(r Record) error { walked[r.Session.ID] = true; return nil })
	if !errors.As(err, &de) || len(walked) != 2 || !walked[ids[0]] || !walked[ids[3]] {
		t.Errorf("Walk = %v, walked %v; want the whole ones walked and the others named", err, walked)
	}
	if groups, err := s.Groups(); err != nil || len(groups) != 1 || groups[0].Sessions != 3 {
		t.Errorf("Groups = %+v, %v", groups, err)
	}
	if reqs, err := s.GroupRequests("g"); err != nil || len(reqs) != 3 {
		t.Errorf("GroupRequests = %d, %v", len(reqs), err)
	}
	if ids, err := s.GroupIDs("g"); err != nil || len(ids) != 3 {
		t.Errorf("GroupIDs = %v, %v", ids, err)
	}
	s.Close()

	st, err := Doctor(path, 0)
	if !errors.Is(err, ErrDamaged) || len(st.Damaged) != 2 {
		t.Fatalf("Doctor = %+v, %v; want both damaged records and an error", st.Damaged, err)
	}
	if got := st.Damaged[0].String() + "\n" + st.Damaged[1].String(); got != "session 2: header: its data cannot be read\nsession 3: note \"faq/x\": its data cannot be read" {
		t.Errorf("Doctor lists:\n%s", got)
	}

	s = openAt(t, path, c.opts())
	for _, id := range []uint64{badHead, badNote} {
		if err := s.DeleteSession(id); err != nil {
			t.Errorf("DeleteSession(%d): %v", id, err)
		}
	}
	if list, err := s.Sessions(0); err != nil || len(list) != 2 {
		t.Errorf("after deleting the damaged ones, Sessions = %v, %v", sessionIDs(list), err)
	}
	s.Close()
	if st, err := Doctor(path, 0); err != nil || len(st.Damaged) != 0 {
		t.Errorf("Doctor after the delete = %+v, %v", st.Damaged, err)
	}
}

func sessionIDs(list []Session) []uint64 {
	var ids []uint64
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

// TestDeleteScrubsUpgradeCopy upgrades the schema 1 fixture, which keeps a
// .v1.bak copy, and deletes a session: no byte of it is left in any file of
// the folder, and Stats names the copy, which keeps its schema.
func TestDeleteScrubsUpgradeCopy(t *testing.T) {
	for _, fx := range []struct {
		fixture, copy string
		version       uint64
		phrases       []string
	}{
		{v1Fixture, "vigil.db.v1.bak", 1, []string{"v1 note 1", "v1 request 1", "v1 commitment 1"}},
		{v0Fixture, "vigil.db.v0.bak", 0, []string{"v0 note 1", "v0 request 1"}},
	} {
		t.Run(fx.fixture, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "vigil.db")
			copyFile(t, fx.fixture, path)
			c := newClock()
			s := openAt(t, path, c.withBackups())
			bak := filepath.Join(dir, fx.copy)
			st, err := s.Stats()
			if err != nil || !slices.Equal(st.UpgradeCopies, []string{bak}) {
				t.Errorf("Stats.UpgradeCopies = %v, %v; want %s", st.UpgradeCopies, err, bak)
			}
			for _, p := range fx.phrases {
				if len(filesContaining(t, dir, p)) < 3 {
					t.Fatalf("%q is not in the database, the backup and the copy to begin with", p)
				}
			}
			if err := s.DeleteSession(1); err != nil {
				t.Fatal(err)
			}
			for _, p := range fx.phrases {
				if found := filesContaining(t, dir, p); len(found) > 0 {
					t.Errorf("%q is still in %v", p, found)
				}
			}
			s.Close()
			if other := strings.TrimSuffix(fx.phrases[0], "1") + "2"; len(filesContaining(t, dir, other)) < 3 {
				t.Error("the other session went too")
			}
			db, version, err := openReadOnly(bak, 0)
			if err != nil || version != fx.version {
				t.Errorf("the copy is now schema %d (%v), want %d", version, err, fx.version)
			} else {
				db.Close()
			}
			if err := checkFile(bak); fx.version > 0 && err != nil {
				t.Errorf("the copy fails its check: %v", err)
			}
			if _, err := Doctor(path, 0); err != nil {
				t.Error(err)
			}
			if st, _ := Doctor(path, 0); !slices.Equal(st.UpgradeCopies, []string{bak}) {
				t.Errorf("Doctor lists %v", st.UpgradeCopies)
			}
		})
	}
}

// TestDamagedNewestSession damages the header of the newest session:
// Latest says so rather than put an older session in its place, an import
// goes on past it, and PreviousInGroup finds the meeting before it.
func TestDamagedNewestSession(t *testing.T) {
	c := newClock()
	path := dbPath(t)
	s := openAt(t, path, c.opts())
	first := fillSession(t, s, "first")
	second := fillSession(t, s, "second")
	newest := fillSession(t, s, "newest")
	s.Close()
	damageRecord(t, path, newest.ID, "", keySession, []byte(`{"id": 3, "group": "g", "cre`))

	s = openAt(t, path, c.opts())
	if got, err := s.Latest(); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "vigil doctor") || got.ID != 0 {
		t.Errorf("Latest = %d, %v; want ErrDamaged and no session", got.ID, err)
	}
	noJargon(t, "Latest", func() error { _, err := s.Latest(); return err }())

	prev, found, err := s.PreviousInGroup(" G ", Session{ID: 99, Created: c.Now().Add(time.Hour)})
	if err != nil || !found || prev.Session.ID != second.ID || prev.Requests[0].Text != "request second" {
		t.Errorf("PreviousInGroup past the damaged one = %d, %v, %v; want session %d with its items", prev.Session.ID, found, err, second.ID)
	}
	if _, found, err := s.PreviousInGroup("g", first); found || err != nil {
		t.Errorf("PreviousInGroup before the first = %v, %v; want none", found, err)
	}
	if _, found, err := s.PreviousInGroup("  ", second); found || err != nil {
		t.Errorf("PreviousInGroup without a group = %v, %v; want none", found, err)
	}

	added, skipped, err := s.Import([]Record{{Session: Session{UID: "imported", GuideID: "g", Created: c.Now()}}})
	if err != nil || added != 1 || skipped != 0 {
		t.Errorf("Import past a damaged header: added %d, skipped %d, %v", added, skipped, err)
	}
}
