package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestSentencesDoNotStartWithAPath: front ends capitalise the first letter
// of a message, which must not change a relative path ("Zero.db is not …"
// for zero.db), so no sentence store gives starts with one.
func TestSentencesDoNotStartWithAPath(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("zero.db", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("folder.db", 0o700); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, "good.db", Options{NoAutoBackup: true})
	s.Close()
	if err := os.WriteFile("taken.db", []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func() error{
		"Open(zero.db)":   func() error { _, err := Open("zero.db", Options{}); return err },
		"Open(folder.db)": func() error { _, err := Open("folder.db", Options{}); return err },
		"OpenReadOnly(zero.db)": func() error {
			_, err := OpenReadOnly("zero.db", Options{})
			return err
		},
		"Doctor(zero.db)":             func() error { _, err := Doctor("zero.db", 0); return err },
		"BackupFile onto taken.db":    func() error { return BackupFile("good.db", "taken.db", false, 0) },
		"BackupFile onto folder.db":   func() error { return BackupFile("good.db", "folder.db", true, 0) },
		"BackupFile onto the db":      func() error { return BackupFile("good.db", "good.db", true, 0) },
		"BackupFile from zero.db":     func() error { return BackupFile("zero.db", "new.db", false, 0) },
		"OpenReadOnly(missing.db)":    func() error { _, err := OpenReadOnly("missing.db", Options{}); return err },
		"Doctor(missing.db)":          func() error { _, err := Doctor("missing.db", 0); return err },
		"PlaceFile onto the folder":   func() error { return PlaceFile("taken.db", "folder.db", true) },
		"OpenReadOnly(folder.db)":     func() error { _, err := OpenReadOnly("folder.db", Options{}); return err },
		"BackupFile into missing dir": func() error { return BackupFile("good.db", "nowhere/x.db", false, 0) },
	}
	for name, fn := range cases {
		err := fn()
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		msg := err.Error()
		for _, p := range []string{"zero.db", "folder.db", "taken.db", "good.db", "missing.db", "nowhere"} {
			if strings.HasPrefix(msg, p) {
				t.Errorf("%s: %q starts with the path", name, msg)
			}
		}
		var ue *userError
		if !errors.As(err, &ue) {
			t.Errorf("%s: %q is not one of store's sentences", name, msg)
		}
		noJargon(t, name, err)
	}
}

// TestPlainCause: the common system refusals in plain words, and none for
// the rest, whatever wraps them.
func TestPlainCause(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("write vigil.db: %w", syscall.ENOSPC), "the disk is full"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "the disk is read-only"},
		{fmt.Errorf("file resize error: %w", fs.ErrPermission), "permission was denied"},
		{syscall.EFBIG, "the file has reached the largest size allowed here"},
		{errors.New("something else"), ""},
		{nil, ""},
	} {
		if got := PlainCause(c.err); got != c.want {
			t.Errorf("PlainCause(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
