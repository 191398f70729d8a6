package export

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vigil/store"
)

// TestRescueErrorPaths: an unknown session gives ErrNotFound and writes no
// file; an existing file is kept without force; what is written is JSON,
// 0600, with every record of the session.
func TestRescueErrorPaths(t *testing.T) {
	st, ids := storeWith(t, fixture())
	dir := t.TempDir()

	missing := filepath.Join(dir, "missing.json")
	if err := RescueToFile(st, 999, missing, false); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rescue of an unknown session: %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed rescue left a file: %v", err)
	}

	nowhere := filepath.Join(dir, "no-such-folder", "rescue.json")
	if err := RescueToFile(st, ids[0], nowhere, false); err == nil || !strings.Contains(err.Error(), "does not exist; create it") {
		t.Errorf("rescue into a missing folder: %v", err)
	}
	if names := listing(t, dir); len(names) != 0 {
		t.Errorf("a failed rescue left %q", names)
	}

	taken := filepath.Join(dir, "taken.json")
	if err := os.WriteFile(taken, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := RescueToFile(st, ids[0], taken, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("rescue onto an existing file without force: %v", err)
	}
	if b, _ := os.ReadFile(taken); string(b) != "keep me" {
		t.Errorf("the existing file was changed: %q", b)
	}

	out := filepath.Join(dir, "rescue.json")
	if err := RescueToFile(st, ids[0], out, false); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var r rescueJSON
	if err := json.Unmarshal(b, &r); err != nil || r.Session != ids[0] || len(r.Entries) == 0 {
		t.Fatalf("the rescue file: %+v, %v", r, err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the rescue file's mode: %v, %v", fi.Mode().Perm(), err)
	}
}
