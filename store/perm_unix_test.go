//go:build unix

package store

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestPermissionsUnderLooseUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	c := newClock()
	root := t.TempDir()
	path := filepath.Join(root, "new", "deeper", "vigil.db")
	openAt(t, path, c.withBackups())

	for _, dir := range []string{filepath.Join(root, "new"), filepath.Dir(path), filepath.Join(filepath.Dir(path), "backups")} {
		if got := perm(t, dir); got != 0o700 {
			t.Errorf("%s is %v, want 0700", dir, got)
		}
	}
	for _, file := range []string{path, filepath.Join(filepath.Dir(path), "backups", "vigil-2025-03-01.db")} {
		if got := perm(t, file); got != 0o600 {
			t.Errorf("%s is %v, want 0600", file, got)
		}
	}
	if got := perm(t, root); got == 0o700 {
		t.Errorf("the existing folder %s was changed to 0700", root)
	}
}
