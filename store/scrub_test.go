package store

import (
	"path/filepath"
	"testing"
	"time"
)

// TestScrubSessionLeavesNoTraceOfARemovedItem: a request removed from a
// session is gone from the database file and from the daily backup that
// held it, while what the session still has stays.
func TestScrubSessionLeavesNoTraceOfARemovedItem(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	c := newClock()
	s := openAt(t, path, c.withBackups())
	sess, err := s.CreateSession(Session{GuideID: "g", Created: c.Now()})
	if err != nil {
		t.Fatal(err)
	}
	const secret, kept = "Xremovedrequest1", "Xkeptrequest2"
	if err := s.Apply(Change{SessionID: sess.ID,
		Requests:    []Request{{ID: 1, Text: secret}, {ID: 2, Text: kept}},
		Commitments: []Commitment{{ID: 1, Text: "Xremovedstep3"}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c.Add(24 * time.Hour)
	s = openAt(t, path, c.withBackups()) // today's backup holds both requests
	if found := filesContaining(t, dir, secret); len(found) != 2 {
		t.Fatalf("before: the phrase is in %v, want the database and one backup", found)
	}
	if err := s.Apply(Change{SessionID: sess.ID, RemoveRequests: []uint64{1}, RemoveCommitments: []uint64{1}}); err != nil {
		t.Fatal(err)
	}
	if found := filesContaining(t, dir, secret); len(found) == 0 {
		t.Fatal("the removed text is already gone before scrubbing, so this test cannot tell")
	}
	if err := s.ScrubSession(sess.ID); err != nil {
		t.Fatal(err)
	}
	for _, phrase := range []string{secret, "Xremovedstep3"} {
		if found := filesContaining(t, dir, phrase); len(found) != 0 {
			t.Errorf("after scrubbing, %q is still in %v", phrase, found)
		}
	}
	if found := filesContaining(t, dir, kept); len(found) != 2 {
		t.Errorf("the request still in the session is in %v, want the database and the backup", found)
	}
	rec, err := s.Load(sess.ID)
	if err != nil || len(rec.Requests) != 1 || rec.Requests[0].Text != kept {
		t.Errorf("after scrubbing the session holds %+v, %v", rec.Requests, err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
