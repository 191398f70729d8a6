package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// confidential is text that must not survive a delete anywhere.
const confidential = "pray-for-my-brother-zq7"

// fillSession writes the phrase into every kind of item of a new session.
func fillSession(t *testing.T, s *Store, phrase string) Session {
	t.Helper()
	sess, err := s.CreateSession(Session{Title: "title " + phrase, Group: "g"})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Apply(Change{
		SessionID:   sess.ID,
		Notes:       []Note{{Key: "leader#" + phrase, Kind: NoteLeader, Text: "note " + phrase}},
		Requests:    []Request{{ID: 1, Text: "request " + phrase, Private: true}},
		Commitments: []Commitment{{ID: 1, Text: "commitment " + phrase}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

func TestDeleteSessionLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	c := newClock()
	s := openAt(t, path, c.withBackups())
	gone := fillSession(t, s, confidential)
	kept := fillSession(t, s, "other-group-words")
	s.Close()
	c.Add(24 * time.Hour)
	s = openAt(t, path, c.withBackups()) // today's backup holds the session too
	if found := filesContaining(t, dir, confidential); len(found) != 2 {
		t.Fatalf("before the delete the phrase is in %v, want the database and one backup", found)
	}

	if err := s.DeleteSession(gone.ID); err != nil {
		t.Fatal(err)
	}
	if found := filesContaining(t, dir, confidential); len(found) != 0 {
		t.Errorf("after the delete the phrase is still in %v", found)
	}
	if _, err := s.Load(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after delete: %v", err)
	}
	// The store goes on working on the new file, and IDs are not reused.
	rec, err := s.Load(kept.ID)
	if err != nil || rec.Requests[0].Text != "request other-group-words" {
		t.Errorf("the other session: %+v, %v", rec, err)
	}
	next, err := s.CreateSession(Session{})
	if err != nil || next.ID != 3 {
		t.Errorf("next ID = %d, %v; want 3", next.ID, err)
	}
	if err := s.Apply(Change{SessionID: kept.ID, Notes: []Note{{Key: "after", Text: "after"}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path, c.withBackups())
	if rec, err := s.Load(kept.ID); err != nil || rec.Notes["after"].Text != "after" {
		t.Errorf("after reopening: %+v, %v", rec.Notes, err)
	}
	if perm(t, path) != 0o600 {
		t.Errorf("compacted file is %v, want 0600", perm(t, path))
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".vigil.db.*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestPlainDeleteKeepsText shows why DeleteSession compacts: bbolt leaves a
// deleted bucket's bytes in free pages, and tx.WriteTo copies them.
func TestPlainDeleteKeepsText(t *testing.T) {
	path := dbPath(t)
	s := openAt(t, path, newClock().opts())
	gone := fillSession(t, s, confidential)
	fillSession(t, s, "other")
	s.mu.Lock()
	err := s.db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketSessions).DeleteBucket(itob(gone.ID)) })
	s.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if len(filesContaining(t, filepath.Dir(path), confidential)) == 0 {
		t.Skip("bbolt reused the freed pages; nothing to show")
	}
	var buf bytes.Buffer
	if _, err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(confidential)) {
		t.Error("tx.WriteTo dropped the freed pages; the note in delete.go is out of date")
	}
}

func TestOwedScrubIsFinishedAtOpen(t *testing.T) {
	path := dbPath(t)
	s := openAt(t, path, newClock().opts())
	gone := fillSession(t, s, confidential)
	fillSession(t, s, "other")
	// As if the process died between the delete and the compaction.
	s.mu.Lock()
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketSessions).DeleteBucket(itob(gone.ID)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyCompact, []byte{1})
	})
	s.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openAt(t, path, newClock().opts())
	if found := filesContaining(t, filepath.Dir(path), confidential); len(found) != 0 {
		t.Errorf("phrase still in %v", found)
	}
	s.view(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(keyCompact) != nil {
			t.Error("the compact flag is still set")
		}
		return nil
	})
}

// TestReplacedFileIsNotUsed opens the old, unlinked file the way a vigil
// that was waiting for the lock during a DeleteSession would.
func TestReplacedFileIsNotUsed(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc/self/fd")
	}
	path := dbPath(t)
	s := openAt(t, path, newClock().opts())
	gone := fillSession(t, s, confidential)
	old, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if err := s.DeleteSession(gone.ID); err != nil {
		t.Fatal(err)
	}
	stale := fmt.Sprintf("/proc/self/fd/%d", old.Fd())
	if _, _, err := openReadOnlyOnce(stale, 100*time.Millisecond); !errors.Is(err, errReplaced) {
		t.Errorf("opening the replaced file: %v, want errReplaced", err)
	}
}
