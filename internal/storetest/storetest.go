// Package storetest opens notes databases for the tests of several
// packages, so that each test package does not keep a copy of its own.
package storetest

import (
	"path/filepath"
	"testing"
	"time"

	"vigil/store"
)

// Open opens a real bbolt file in the test's temporary folder, with no
// automatic backups and now as the store's clock (nil: time.Now), and
// checks the file (bbolt's tx.Check, every page read) when the test ends.
func Open(t testing.TB, now func() time.Time) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "vigil.db"), store.Options{Timeout: time.Second, NoAutoBackup: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Check(); err != nil {
			t.Errorf("database check: %v", err)
		}
		st.Close()
	})
	return st
}
