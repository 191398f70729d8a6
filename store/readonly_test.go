package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenReadOnlyChangesNothing lists and loads a 0400 database through
// OpenReadOnly; its bytes, mode and folder stay exactly as they were.
func TestOpenReadOnlyChangesNothing(t *testing.T) {
	c := newClock()
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	s := openAt(t, path, c.opts())
	sess := fillSession(t, s, "read-only-words")
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before, folder := fileSum(t, path), fileSum(t, dir)
	stat := func() os.FileInfo {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	fi := stat()

	r, err := OpenReadOnly(path, Options{Now: c.Now})
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	list, err := r.Sessions(0)
	if err != nil || len(list) != 1 || list[0].ID != sess.ID {
		t.Errorf("Sessions = %v, %v", list, err)
	}
	rec, err := r.Load(sess.ID)
	if err != nil || rec.Requests[0].Text != "request read-only-words" {
		t.Errorf("Load = %+v, %v", rec, err)
	}
	if _, err := r.Stats(); err != nil {
		t.Errorf("Stats: %v", err)
	}
	if err := r.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := r.Walk([]uint64{sess.ID}, func(Record) error { return nil }); err != nil {
		t.Errorf("Walk: %v", err)
	}
	if _, err := r.CreateSession(Session{}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("CreateSession on a read-only store: %v, want ErrReadOnly", err)
	}
	if err := r.Apply(Change{SessionID: sess.ID}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Apply on a read-only store: %v, want ErrReadOnly", err)
	}
	if err := r.DeleteSession(sess.ID); !errors.Is(err, ErrReadOnly) {
		t.Errorf("DeleteSession on a read-only store: %v, want ErrReadOnly", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	after := stat()
	if fileSum(t, path) != before || after.Mode() != fi.Mode() || !after.ModTime().Equal(fi.ModTime()) {
		t.Errorf("the file changed: mode %v→%v, mtime %v→%v", fi.Mode(), after.Mode(), fi.ModTime(), after.ModTime())
	}
	if fileSum(t, dir) != folder {
		t.Error("OpenReadOnly added or removed files in the folder")
	}
}

func TestOpenReadOnlyMissingPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no", "such", "vigil.db")
	s, err := OpenReadOnly(path, Options{})
	if err == nil {
		s.Close()
		t.Fatal("OpenReadOnly opened a missing file")
	}
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "stat ") {
		t.Errorf("OpenReadOnly(missing) = %q, want a sentence naming the path", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenReadOnly created a folder: %v", err)
	}
	// The folder is there, the file is not.
	path = filepath.Join(dir, "vigil.db")
	if _, err := OpenReadOnly(path, Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenReadOnly(missing file) = %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenReadOnly created the file: %v", err)
	}
}

// TestOpenReadOnlyOlderSchemas reads a schema 1 file as it is, refuses
// schema 0 with a sentence, and upgrades neither: no copy is kept, the
// bytes stay.
func TestOpenReadOnlyOlderSchemas(t *testing.T) {
	dir := t.TempDir()
	v1 := filepath.Join(dir, "one.db")
	v0 := filepath.Join(dir, "zero.db")
	copyFile(t, v1Fixture, v1)
	copyFile(t, v0Fixture, v0)
	sums := map[string]string{v1: fileSum(t, v1), v0: fileSum(t, v0)}

	s, err := OpenReadOnly(v1, Options{})
	if err != nil {
		t.Fatalf("OpenReadOnly(schema 1): %v", err)
	}
	list, err := s.Sessions(0)
	if err != nil || len(list) != 2 {
		t.Errorf("Sessions of schema 1 = %v, %v", list, err)
	}
	if rec, err := s.Load(1); err != nil || rec.Notes["reflection/hope"].Text != "v1 note 1" {
		t.Errorf("Load of schema 1 = %+v, %v", rec, err)
	}
	if _, err := s.GuideCopy(v1Hash); !errors.Is(err, ErrNotFound) {
		t.Errorf("GuideCopy of schema 1 = %v, want ErrNotFound", err)
	}
	if st, err := s.Stats(); err != nil || st.Schema != 1 {
		t.Errorf("Stats of schema 1 = %+v, %v", st, err)
	}
	s.Close()

	_, err = OpenReadOnly(v0, Options{})
	if !errors.Is(err, ErrOlderSchema) || !strings.Contains(err.Error(), "a command that writes") {
		t.Errorf("OpenReadOnly(schema 0) = %v, want ErrOlderSchema and a way on", err)
	}
	for path, sum := range sums {
		if fileSum(t, path) != sum {
			t.Errorf("%s changed", path)
		}
	}
	if copies, _ := listUpgradeCopies(v1); len(copies) != 0 {
		t.Errorf("a read-only open kept upgrade copies: %v", copies)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder has %d entries, want the 2 fixtures", len(entries))
	}
}

// TestOpenReadOnlyWhileInUse: while another vigil writes the database,
// OpenReadOnly gives up after its timeout with the sentence Open gives.
func TestOpenReadOnlyWhileInUse(t *testing.T) {
	path := dbPath(t)
	openAt(t, path, newClock().opts())
	start := time.Now()
	r, err := OpenReadOnly(path, Options{Timeout: 100 * time.Millisecond})
	if err == nil {
		r.Close()
		t.Fatal("OpenReadOnly opened a database another vigil holds")
	}
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "open in another vigil") {
		t.Errorf("OpenReadOnly while in use: %v, want ErrLocked and a sentence", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("took %v, want about the timeout", elapsed)
	}
}
