package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// clock is an injected Options.Now that tests move by hand.
type clock struct{ t time.Time }

func newClock() *clock { return &clock{t: time.Date(2025, 3, 1, 19, 30, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time       { return c.t }
func (c *clock) Add(d time.Duration)  { c.t = c.t.Add(d) }
func (c *clock) opts() Options        { return Options{Now: c.Now, NoAutoBackup: true} }
func (c *clock) withBackups() Options { return Options{Now: c.Now} }
func dbPath(t *testing.T) string      { return filepath.Join(t.TempDir(), "vigil.db") }
func openTest(t *testing.T) (*Store, *clock) {
	c := newClock()
	return openAt(t, dbPath(t), c.opts()), c
}

// openAt opens the store at path and checks the whole file when the test
// ends: with the store itself while open, else with Doctor.
func openAt(t *testing.T, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		err := s.Check()
		if errors.Is(err, errClosed) {
			err = checkFile(path)
		}
		if err != nil {
			t.Error(err)
		}
		s.Close()
	})
	return s
}

// checkFile runs Check on the database at path, read-only.
func checkFile(path string) error {
	db, _, err := openReadOnly(path, time.Second)
	if err != nil {
		return err
	}
	s := &Store{path: path, readOnly: true, db: db}
	defer s.Close()
	return s.Check()
}

// fileSum is the sha256 of the file at path, or of the folder listing.
func fileSum(t *testing.T, path string) string {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if fi.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			h.Write([]byte(e.Name() + "\n"))
		}
	} else {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// filesContaining lists the files under dir whose bytes contain phrase.
func filesContaining(t *testing.T, dir, phrase string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(phrase)) {
			found = append(found, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func perm(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}
