//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs fn and fails the test when it takes more than a second; a
// FIFO is then opened for writing, so that the stuck reader lets go.
func within(t *testing.T, fifo string, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("hangs on a FIFO")
		return nil
	}
}

func TestFIFOAtDatabasePathIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigil.db")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	opens := map[string]func() error{
		"Open": func() error {
			s, err := Open(path, Options{NoAutoBackup: true})
			if err == nil {
				s.Close()
			}
			return err
		},
		"OpenReadOnly": func() error {
			s, err := OpenReadOnly(path, Options{})
			if err == nil {
				s.Close()
			}
			return err
		},
		"Doctor": func() error { _, err := Doctor(path, 0); return err },
	}
	for name, open := range opens {
		err := within(t, path, open)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "named pipe") || strings.Count(err.Error(), ";") > 1 {
			t.Errorf("%s(FIFO) = %v, want one sentence saying it is a named pipe", name, err)
		}
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", fi, err)
	}
}

func TestPlaceFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	targets := []string{fifo}
	// A device node needs root; /dev/null's numbers are 1, 3.
	dev := filepath.Join(dir, "out.dev")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o600, 1<<8|3); err == nil {
		targets = append(targets, dev)
	} else {
		t.Logf("no device node test: %v", err)
	}
	for _, dest := range targets {
		for _, replace := range []bool{true, false} {
			tmp := filepath.Join(dir, "tmp")
			if err := os.WriteFile(tmp, []byte("export"), 0o600); err != nil {
				t.Fatal(err)
			}
			before, _ := os.Lstat(dest)
			err := PlaceFile(tmp, dest, replace)
			if !errors.Is(err, ErrNotRegular) || !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "will not replace it") {
				t.Errorf("PlaceFile(%s, replace=%v) = %v, want a refusal", dest, replace, err)
			}
			after, err := os.Lstat(dest)
			if err != nil || after.Mode() != before.Mode() {
				t.Errorf("%s was replaced: %v → %v (%v)", dest, before.Mode(), after.Mode(), err)
			}
			os.Remove(tmp)
		}
	}
	// A backup onto a FIFO is refused the same way, at once.
	path := filepath.Join(dir, "vigil.db")
	openAt(t, path, Options{NoAutoBackup: true}).Close()
	if err := within(t, fifo, func() error { return BackupFile(path, fifo, true, 0) }); !errors.Is(err, ErrNotRegular) {
		t.Errorf("BackupFile onto a FIFO = %v", err)
	}
}

// TestBackupsFolderMustBePrivate checks the daily backup's folder: made
// 0700 under umask 0, and one that is a symbolic link or open to others is
// refused with a sentence, the backup skipped and the database opened.
func TestBackupsFolderMustBePrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	c := newClock()

	t.Run("made private", func(t *testing.T) {
		dir := t.TempDir()
		s := openAt(t, filepath.Join(dir, "vigil.db"), c.withBackups())
		if got := perm(t, filepath.Join(dir, "backups")); got != 0o700 {
			t.Errorf("backups is %v, want 0700", got)
		}
		if p := s.BackupProblem(); p != "" {
			t.Errorf("BackupProblem = %q, want none", p)
		}
	})
	t.Run("open to others", func(t *testing.T) {
		dir := t.TempDir()
		backups := filepath.Join(dir, "backups")
		if err := os.Mkdir(backups, 0o755); err != nil {
			t.Fatal(err)
		}
		os.Chmod(backups, 0o755)
		s := openAt(t, filepath.Join(dir, "vigil.db"), c.withBackups())
		if p := s.BackupProblem(); !strings.Contains(p, "other users") || !strings.Contains(p, "chmod 700") {
			t.Errorf("BackupProblem = %q, want a sentence about the folder's mode", p)
		}
		if entries, _ := os.ReadDir(backups); len(entries) != 0 {
			t.Errorf("a backup was written into a folder open to others: %v", entries)
		}
		if st, err := s.Stats(); err != nil || st.BackupProblem == "" {
			t.Errorf("Stats = %+v, %v; want the backup problem", st, err)
		}
		// doctor only reads: the problem is kept in the file for it, and
		// cleared once a backup works again.
		s.Close()
		ro, err := OpenReadOnly(filepath.Join(dir, "vigil.db"), c.opts())
		if err != nil {
			t.Fatal(err)
		}
		if p := ro.BackupProblem(); !strings.Contains(p, "chmod 700") {
			t.Errorf("read-only BackupProblem = %q, want the problem kept from the last open", p)
		}
		ro.Close()
		os.Chmod(backups, 0o700)
		s = openAt(t, filepath.Join(dir, "vigil.db"), c.withBackups())
		s.Close()
		ro, err = OpenReadOnly(filepath.Join(dir, "vigil.db"), c.opts())
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if p := ro.BackupProblem(); p != "" {
			t.Errorf("after a backup worked, BackupProblem = %q, want none", p)
		}
	})
	t.Run("symbolic link", func(t *testing.T) {
		dir, elsewhere := t.TempDir(), t.TempDir()
		os.Chmod(elsewhere, 0o700)
		if err := os.Symlink(elsewhere, filepath.Join(dir, "backups")); err != nil {
			t.Fatal(err)
		}
		s := openAt(t, filepath.Join(dir, "vigil.db"), c.withBackups())
		if p := s.BackupProblem(); !strings.Contains(p, "symbolic link") {
			t.Errorf("BackupProblem = %q, want a sentence about the link", p)
		}
		if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
			t.Errorf("a backup was written through the link: %v", entries)
		}
	})
}
