package session

import (
	"errors"
	"reflect"
	"testing"

	"vigil/store"
)

func note(key, text string) store.Note {
	return store.Note{Key: key, Kind: store.NoteSection, Text: text}
}

func TestMergeLaterNoteWins(t *testing.T) {
	got := Merge(nil,
		store.Change{SessionID: 1, Notes: []store.Note{note("a", "one"), note("b", "b")}},
		store.Change{SessionID: 2, Notes: []store.Note{note("a", "other session")}},
		store.Change{SessionID: 1, Notes: []store.Note{note("a", "two")}},
	)
	want := []store.Change{
		{SessionID: 1, Notes: []store.Note{note("a", "two"), note("b", "b")}},
		{SessionID: 2, Notes: []store.Note{note("a", "other session")}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge:\n got %+v\nwant %+v", got, want)
	}
}

func TestMergeRemovalDropsAnEarlierUpsert(t *testing.T) {
	got := Merge(nil,
		store.Change{SessionID: 1, Requests: []store.Request{{ID: 1, Text: "a"}, {ID: 2, Text: "b"}},
			Commitments: []store.Commitment{{ID: 1, Text: "c"}}},
		store.Change{SessionID: 1, RemoveRequests: []uint64{1}, RemoveCommitments: []uint64{1}},
	)
	want := []store.Change{{SessionID: 1, Requests: []store.Request{{ID: 2, Text: "b"}}, Commitments: []store.Commitment{},
		RemoveRequests: []uint64{1}, RemoveCommitments: []uint64{1}}}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Requests, want[0].Requests) || len(got[0].Commitments) != 0 ||
		!reflect.DeepEqual(got[0].RemoveRequests, want[0].RemoveRequests) || !reflect.DeepEqual(got[0].RemoveCommitments, want[0].RemoveCommitments) {
		t.Errorf("Merge:\n got %+v\nwant %+v", got, want)
	}
	// Removing twice names the item once.
	got = Merge(got, store.Change{SessionID: 1, RemoveRequests: []uint64{1}})
	if !reflect.DeepEqual(got[0].RemoveRequests, []uint64{1}) {
		t.Errorf("removed twice: %v", got[0].RemoveRequests)
	}
}

func TestMergeUpsertAfterRemovalCancelsIt(t *testing.T) {
	got := Merge(nil,
		store.Change{SessionID: 1, RemoveRequests: []uint64{1, 2}, RemoveCommitments: []uint64{3}},
		store.Change{SessionID: 1, Requests: []store.Request{{ID: 1, Text: "back"}}, Commitments: []store.Commitment{{ID: 3, Text: "back too"}}},
	)
	if len(got) != 1 || !reflect.DeepEqual(got[0].RemoveRequests, []uint64{2}) || len(got[0].RemoveCommitments) != 0 ||
		len(got[0].Requests) != 1 || got[0].Requests[0].Text != "back" || len(got[0].Commitments) != 1 {
		t.Errorf("Merge: %+v", got)
	}
}

func TestMergeReplacesTheHeader(t *testing.T) {
	s1 := store.Session{Attendance: "Ana", Budget: map[string]int{"faq": 20}}
	s2 := store.Session{Attendance: "Ana, Ben", Budget: map[string]int{"faq": 10}}
	got := Merge(nil, store.Change{SessionID: 1, Session: &s1}, store.Change{SessionID: 1, Notes: []store.Note{note("a", "x")}},
		store.Change{SessionID: 1, Session: &s2})
	if len(got) != 1 || got[0].Session == nil || got[0].Session.Attendance != "Ana, Ben" || len(got[0].Notes) != 1 {
		t.Fatalf("Merge: %+v", got)
	}
	// The merged header is a copy: the caller's later edits do not reach it.
	s2.Budget["faq"] = 99
	s2.Attendance = "changed"
	if got[0].Session.Budget["faq"] != 10 || got[0].Session.Attendance != "Ana, Ben" {
		t.Errorf("the queued header follows the caller's session: %+v", got[0].Session)
	}
}

// TestMergeNeverChangesItsInput merges twice into the same list: neither
// merge may change the list or the other's result.
func TestMergeNeverChangesItsInput(t *testing.T) {
	reqs := make([]store.Request, 2, 8) // room to grow in place
	reqs[0], reqs[1] = store.Request{ID: 1, Text: "a"}, store.Request{ID: 2, Text: "b"}
	removed := make([]uint64, 1, 8)
	removed[0] = 5
	into := []store.Change{{SessionID: 1, Requests: reqs, RemoveRequests: removed}}
	before := []store.Change{{SessionID: 1, Requests: []store.Request{{ID: 1, Text: "a"}, {ID: 2, Text: "b"}}, RemoveRequests: []uint64{5}}}

	first := Merge(into, store.Change{SessionID: 1, RemoveRequests: []uint64{1}})
	second := Merge(into, store.Change{SessionID: 1, RemoveRequests: []uint64{2}})
	if !reflect.DeepEqual(into, before) {
		t.Errorf("Merge changed its input:\n got %+v\nwant %+v", into, before)
	}
	if !reflect.DeepEqual(first[0].RemoveRequests, []uint64{5, 1}) || len(first[0].Requests) != 1 || first[0].Requests[0].ID != 2 {
		t.Errorf("the first merge is now %+v", first[0])
	}
	if !reflect.DeepEqual(second[0].RemoveRequests, []uint64{5, 2}) || len(second[0].Requests) != 1 || second[0].Requests[0].ID != 1 {
		t.Errorf("the second merge is %+v", second[0])
	}
}

// newSession makes a bare session in the store.
func newSession(t *testing.T, st *store.Store) store.Session {
	t.Helper()
	s, err := st.CreateSession(store.Session{GuideID: "g", Created: day(5)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSaveWritesAndEmpties(t *testing.T) {
	st, _ := openStore(t)
	s := newSession(t, st)
	sv := NewSaver(st)
	if sv.Pending() || sv.Save() != nil {
		t.Fatal("an empty saver has something to save")
	}
	sv.Queue() // nothing
	sv.Queue(store.Change{SessionID: s.ID, Notes: []store.Note{note("a", "one")}},
		store.Change{SessionID: s.ID, Notes: []store.Note{note("a", "two")}, Requests: []store.Request{{ID: 1, Text: "r"}}})
	if !sv.Pending() {
		t.Fatal("nothing pending after Queue")
	}
	if err := sv.Save(); err != nil {
		t.Fatal(err)
	}
	if sv.Pending() {
		t.Error("changes still pending after a save")
	}
	rec := load(t, st, s.ID)
	if rec.Notes["a"].Text != "two" || len(rec.Requests) != 1 {
		t.Errorf("stored %+v", rec)
	}
	// A removal reaches the store too.
	sv.Queue(store.Change{SessionID: s.ID, RemoveRequests: []uint64{1}})
	if err := sv.Save(); err != nil {
		t.Fatal(err)
	}
	if rec := load(t, st, s.ID); len(rec.Requests) != 0 {
		t.Errorf("the removed request is still stored: %+v", rec.Requests)
	}
}

// TestFailedSaveKeepsItsChanges saves a change for a session that is not
// there yet, while the screen queues a newer note in the middle of the
// write: the save fails, keeps everything, and the newer note wins when
// the next save succeeds.
func TestFailedSaveKeepsItsChanges(t *testing.T) {
	st, clk := openStore(t)
	s := newSession(t, st)
	missing := s.ID + 1 // the next session the store makes
	sv := NewSaver(st)
	sv.Queue(store.Change{SessionID: s.ID, Notes: []store.Note{note("a", "old")}},
		store.Change{SessionID: missing, Notes: []store.Note{note("x", "kept")}})
	// The store reads its clock inside the first write: the user types on.
	clk.hook = func() { sv.Queue(store.Change{SessionID: s.ID, Notes: []store.Note{note("a", "new")}}) }
	err := sv.Save()
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Save = %v, want ErrNotFound", err)
	}
	if clk.hook != nil {
		t.Fatal("the store did not read its clock during the save")
	}
	if !sv.Pending() {
		t.Fatal("a failed save dropped its changes")
	}
	if got := load(t, st, s.ID).Notes["a"].Text; got != "old" {
		t.Errorf("before the retry the store has %q", got)
	}
	// Still failing: still kept.
	if err := sv.Save(); !errors.Is(err, store.ErrNotFound) || !sv.Pending() {
		t.Fatalf("second Save = %v, pending %v", err, sv.Pending())
	}
	if s2 := newSession(t, st); s2.ID != missing {
		t.Fatalf("the store made session %d, want %d", s2.ID, missing)
	}
	if err := sv.Save(); err != nil {
		t.Fatal(err)
	}
	if sv.Pending() {
		t.Error("changes pending after a good save")
	}
	if got := load(t, st, s.ID).Notes["a"].Text; got != "new" {
		t.Errorf("the retried old note beat the newer one: %q", got)
	}
	if got := load(t, st, missing).Notes["x"].Text; got != "kept" {
		t.Errorf("the failed change was lost: %q", got)
	}
}

func TestCloseWritesTheFinalChanges(t *testing.T) {
	st, _ := openStore(t)
	s := newSession(t, st)
	sv := NewSaver(st)
	sv.Queue(store.Change{SessionID: s.ID, Notes: []store.Note{note("a", "queued"), note("b", "queued")}})
	final := s
	final.Attendance = "Ana"
	if _, err := sv.Close(store.Change{SessionID: s.ID, Session: &final, Notes: []store.Note{note("a", "final")}}); err != nil {
		t.Fatal(err)
	}
	rec := load(t, st, s.ID)
	if rec.Notes["a"].Text != "final" || rec.Notes["b"].Text != "queued" || rec.Session.Attendance != "Ana" {
		t.Errorf("after Close: %+v", rec)
	}
	// A save still in flight after Close is older: it writes nothing.
	sv.Queue(store.Change{SessionID: s.ID, Notes: []store.Note{note("a", "too late")}})
	if err := sv.Save(); err != nil {
		t.Fatal(err)
	}
	if got := load(t, st, s.ID).Notes["a"].Text; got != "final" {
		t.Errorf("a save after Close wrote %q", got)
	}
}

func TestApplyWritesAtOnceInOrder(t *testing.T) {
	st, _ := openStore(t)
	s := newSession(t, st)
	sv := NewSaver(st)
	err := sv.Apply(store.Change{SessionID: s.ID, Requests: []store.Request{{ID: 1, Text: "r"}}},
		store.Change{}, // nothing: skipped
		store.Change{SessionID: s.ID, RemoveRequests: []uint64{1}, Notes: []store.Note{note("a", "n")}})
	if err != nil {
		t.Fatal(err)
	}
	rec := load(t, st, s.ID)
	if len(rec.Requests) != 0 || rec.Notes["a"].Text != "n" || sv.Pending() {
		t.Errorf("after Apply: %+v", rec)
	}
	if err := sv.Apply(store.Change{SessionID: 999, Notes: []store.Note{note("a", "n")}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Apply to no session: %v", err)
	}
}
