package room

import (
	"bytes"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenSaysWhyItCannot: a room that cannot open says which step
// failed (the leader's screens turn that into a sentence), changes no
// file it found, and gives back the loggers it took.
func TestOpenSaysWhyItCannot(t *testing.T) {
	before := slog.Default()
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("a file, not a folder\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	damaged := t.TempDir()
	keyPath := filepath.Join(damaged, "room", HostKeyName)
	if err := os.MkdirAll(filepath.Dir(keyPath), 0o700); err != nil {
		t.Fatal(err)
	}
	junk := []byte("not a key\n")
	if err := os.WriteFile(keyPath, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	for _, tt := range []struct {
		name  string
		cfg   Config
		wants []string
	}{
		{"no data folder", Config{Addr: "127.0.0.1:0"}, []string{"data directory"}},
		{"data folder under a file", Config{Addr: "127.0.0.1:0", DataDir: file}, []string{"make the room's folder", file}},
		{"damaged host key", Config{Addr: "127.0.0.1:0", DataDir: damaged}, []string{keyPath, "is damaged", "move it away"}},
		{"log under a file", Config{Addr: "127.0.0.1:0", DataDir: t.TempDir(), LogPath: filepath.Join(file, "room.log")},
			[]string{"the room's log", file}},
		{"address in use", Config{Addr: busy.Addr().String(), DataDir: t.TempDir()}, []string{"open the room on " + busy.Addr().String()}},
		{"not an address", Config{Addr: "nowhere", DataDir: t.TempDir()}, []string{"open the room on nowhere"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.cfg)
			if err == nil {
				r.Close()
				t.Fatal("the room opened")
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error does not say %q: %v", w, err)
				}
			}
			if slog.Default() != before {
				t.Error("a room that did not open kept the global logger")
			}
		})
	}
	if got, _ := os.ReadFile(keyPath); !bytes.Equal(got, junk) {
		t.Error("a damaged host key was overwritten")
	}
}
