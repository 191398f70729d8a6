//go:build unix

package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"vigil/store"
)

// TestToFileRefusesANamedPipe: an export onto a FIFO (or any path that is
// not an ordinary file) is refused at once, with or without --force,
// before anything is written: the FIFO stays, and nothing is left beside
// it.
func TestToFileRefusesANamedPipe(t *testing.T) {
	st, ids := storeWith(t, fixture())
	dir := t.TempDir()
	fifo := filepath.Join(dir, "notes.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, force := range []bool{false, true} {
		done := make(chan error, 1)
		go func() { done <- ToFile(st, ids, Markdown, leader(), fifo, force) }()
		var err error
		select {
		case err = <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("ToFile(force=%v) hangs on a FIFO", force)
		}
		if !errors.Is(err, store.ErrNotRegular) || !strings.Contains(err.Error(), "named pipe") || strings.Contains(err.Error(), "\n") {
			t.Errorf("ToFile onto a FIFO (force=%v): %v; want one sentence saying it is a named pipe", force, err)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	if names := listing(t, dir); len(names) != 1 {
		t.Errorf("left behind: %q", names)
	}
}
