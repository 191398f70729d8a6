package store

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// importAt adds sessions with the given groups and created times through
// Import, so their IDs and their times can disagree.
func importAt(t *testing.T, s *Store, sessions ...Session) {
	t.Helper()
	var recs []Record
	for _, sess := range sessions {
		recs = append(recs, Record{Session: sess})
	}
	if _, _, err := s.Import(recs); err != nil {
		t.Fatal(err)
	}
}

func TestWalkHandsOverRecordsInTheOrderGiven(t *testing.T) {
	s, c := openTest(t)
	var ids []uint64
	for _, text := range []string{"first", "second", "third"} {
		sess, err := s.CreateSession(fullSession(c))
		if err != nil {
			t.Fatal(err)
		}
		note := Note{Key: "faq/what-is-it", Kind: NoteSection, Text: text}
		if err := s.Apply(Change{SessionID: sess.ID, Notes: []Note{note}}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sess.ID)
	}
	var got []string
	err := s.Walk([]uint64{ids[2], ids[0]}, func(rec Record) error {
		got = append(got, rec.Notes["faq/what-is-it"].Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"third", "first"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Walk gave %q, want %q", got, want)
	}
}

func TestWalkChecksEveryIDBeforeTheFirstCall(t *testing.T) {
	s, c := openTest(t)
	sess, err := s.CreateSession(fullSession(c))
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	err = s.Walk([]uint64{sess.ID, 99}, func(Record) error { calls++; return nil })
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Walk with a missing id: %v, want ErrNotFound", err)
	}
	if calls != 0 {
		t.Errorf("fn ran %d times before the missing id was reported", calls)
	}
}

func TestWalkStopsAtTheFirstError(t *testing.T) {
	s, c := openTest(t)
	for range 3 {
		if _, err := s.CreateSession(fullSession(c)); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	calls := 0
	err := s.Walk([]uint64{1, 2, 3}, func(Record) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Walk returned %v after %d calls, want the fn's error after 1", err, calls)
	}
}

func TestAllIDsAndGroupIDsAreOldestFirst(t *testing.T) {
	s, _ := openTest(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 19, 30, 0, 0, time.UTC) }
	importAt(t, s,
		Session{UID: "a", GuideID: "g", Group: "Thursday group", Created: day(20)}, // ID 1
		Session{UID: "b", GuideID: "g", Group: "Tuesday", Created: day(5)},         // ID 2
		Session{UID: "c", GuideID: "g", Group: "thursday group ", Created: day(6)}, // ID 3
		Session{UID: "d", GuideID: "g", Created: day(6)},                           // ID 4
	)
	all, err := s.AllIDs()
	if err != nil {
		t.Fatal(err)
	}
	if want := []uint64{2, 3, 4, 1}; !reflect.DeepEqual(all, want) {
		t.Errorf("AllIDs = %v, want %v (by created, ties by id)", all, want)
	}
	group, err := s.GroupIDs("Thursday Group")
	if err != nil {
		t.Fatal(err)
	}
	if want := []uint64{3, 1}; !reflect.DeepEqual(group, want) {
		t.Errorf("GroupIDs = %v, want %v", group, want)
	}
	none, err := s.GroupIDs("Sunday")
	if err != nil || len(none) != 0 {
		t.Errorf("GroupIDs of a group with no sessions = %v, %v", none, err)
	}
}
