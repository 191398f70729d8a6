package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// TestScrubSessionReachesUpgradeCopies: a request removed from a session
// of a database upgraded from schema 0 or 1 is gone from the copy kept at
// the upgrade too, which keeps its own schema and the other session's
// request.
func TestScrubSessionReachesUpgradeCopies(t *testing.T) {
	for _, fx := range []struct {
		fixture, copy, prefix string
		version               uint64
	}{
		{v0Fixture, "vigil.db.v0.bak", "v0", 0},
		{v1Fixture, "vigil.db.v1.bak", "v1", 1},
	} {
		t.Run(fx.fixture, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "vigil.db")
			copyFile(t, fx.fixture, path)
			s := openAt(t, path, newClock().withBackups())
			removed, other := fx.prefix+" request 1", fx.prefix+" request 2"
			if found := filesContaining(t, dir, removed); len(found) != 3 {
				t.Fatalf("%q is in %v, want the database, the backup and the upgrade copy", removed, found)
			}
			if err := s.Apply(Change{SessionID: 1, RemoveRequests: []uint64{1}}); err != nil {
				t.Fatal(err)
			}
			if err := s.ScrubSession(1); err != nil {
				t.Fatal(err)
			}
			if found := filesContaining(t, dir, removed); len(found) != 0 {
				t.Errorf("after scrubbing, %q is still in %v", removed, found)
			}
			if found := filesContaining(t, dir, other); len(found) != 3 {
				t.Errorf("the other session's request is in %v, want all three files", found)
			}
			bak := filepath.Join(dir, fx.copy)
			db, version, err := openReadOnly(bak, 0)
			if err != nil || version != fx.version {
				t.Errorf("the copy is now schema %d (%v), want %d", version, err, fx.version)
			} else {
				db.Close()
			}
		})
	}
}

// TestScrubSessionNeedsAWritableStore: on a store opened read-only, or
// closed, ScrubSession refuses and changes nothing.
func TestScrubSessionNeedsAWritableStore(t *testing.T) {
	c := newClock()
	path := dbPath(t)
	s := openAt(t, path, c.opts())
	sess := fillSession(t, s, "scrub-words")
	s.Close()
	before := fileSum(t, path)
	r, err := OpenReadOnly(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.ScrubSession(sess.ID); !errors.Is(err, ErrReadOnly) {
		t.Errorf("ScrubSession on a read-only store: %v, want ErrReadOnly", err)
	}
	r.Close()
	if err := r.ScrubSession(sess.ID); !errors.Is(err, errClosed) {
		t.Errorf("ScrubSession on a closed store: %v", err)
	}
	if fileSum(t, path) != before {
		t.Error("the file changed")
	}
	w := openAt(t, path, c.opts())
	if err := w.ScrubSession(sess.ID + 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("ScrubSession of a missing session: %v, want ErrNotFound", err)
	}
}

// TestScrubbingPastADamagedCopy: a file among the backups that is not a
// vigil database is left as it is and named, while the database and the
// other backups are scrubbed all the same, by DeleteSession and by
// ScrubSession.
func TestScrubbingPastADamagedCopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	c := newClock()
	s := openAt(t, path, c.withBackups()) // today's backup
	gone := fillSession(t, s, "deleted-words")
	kept := fillSession(t, s, "kept-words")
	s.Close()
	c.Add(24 * time.Hour)
	s = openAt(t, path, c.withBackups()) // tomorrow's, which holds both sessions
	garbage := filepath.Join(dir, "backups", "vigil-2025-02-27.db")
	if err := os.WriteFile(garbage, []byte("not a database: request deleted-words"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, garbage)

	err := s.DeleteSession(gone.ID)
	if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "not from every backup") || !strings.Contains(err.Error(), garbage) {
		t.Errorf("DeleteSession past a damaged backup: %v", err)
	}
	if _, err := s.Load(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the session is still there: %v", err)
	}
	if found := filesContaining(t, dir, "note deleted-words"); len(found) != 0 {
		t.Errorf("the deleted session is still in %v", found)
	}

	if err := s.Apply(Change{SessionID: kept.ID, RemoveRequests: []uint64{1}}); err != nil {
		t.Fatal(err)
	}
	err = s.ScrubSession(kept.ID)
	if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "not from every copy") {
		t.Errorf("ScrubSession past a damaged backup: %v", err)
	}
	if found := filesContaining(t, dir, "request kept-words"); len(found) != 0 {
		t.Errorf("the removed request is still in %v", found)
	}
	if fileSum(t, garbage) != before {
		t.Error("the damaged backup was changed")
	}
}
