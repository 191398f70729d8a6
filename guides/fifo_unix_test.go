//go:build unix

package guides

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadSkipsFIFO checks that a FIFO named like a guide is named as a
// problem at once, and the guides beside it are loaded, instead of Load
// waiting forever for someone to write into the pipe.
func TestLoadSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	good, err := os.ReadFile("testdata/good/minimal.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "y.md"), good, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan Library, 1)
	go func() { done <- Load(dir) }()
	var lib Library
	select {
	case lib = <-done:
	case <-time.After(time.Second):
		// Let the stuck reader go, so the test ends.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("Load hangs on a FIFO in the guides folder")
	}
	if len(lib.Broken) != 1 || !strings.Contains(lib.Broken[0].Error(), "x.md: this is a named pipe (FIFO), not a guide file") {
		t.Errorf("Broken = %v, want one problem naming the FIFO", lib.Broken)
	}
	if len(lib.Guides) != len(Embedded())+1 {
		t.Errorf("Load found %d guides, want the embedded ones and y.md", len(lib.Guides))
	}
	start := time.Now()
	if _, err := ReadFile(fifo); err == nil || time.Since(start) > time.Second {
		t.Errorf("ReadFile(FIFO) = %v after %v, want a problem at once", err, time.Since(start))
	}
}
