package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// userError carries one plain sentence for the person at the keyboard, while
// errors.Is still finds the sentinel and the underlying cause.
type userError struct {
	msg  string
	errs []error
}

func (e *userError) Error() string   { return e.msg }
func (e *userError) Unwrap() []error { return e.errs }

// sentence builds a userError; nil causes are dropped.
func sentence(msg string, errs ...error) error {
	e := &userError{msg: msg}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

func lockedError(path string, cause error) error {
	return sentence(fmt.Sprintf("the notes database %s is open in another vigil; close that one and try again", path), ErrLocked, cause)
}

func notDatabaseError(path string, cause error) error {
	return sentence(fmt.Sprintf("%s is not a vigil notes database (it may be damaged, or be another kind of file); move it aside or pass --db with another path", path), ErrNotDatabase, cause)
}

func folderError(path string) error {
	return sentence(fmt.Sprintf("%s is a folder, not a vigil notes database; pass --db with the path of a file", path), ErrNotDatabase)
}

func damagedError(path string, cause error) error {
	return sentence(fmt.Sprintf("the notes database %s is damaged (%v); run vigil doctor, or restore a backup", path, cause), ErrNotDatabase, cause)
}

func newerSchemaError(path string, found uint64) error {
	return sentence(fmt.Sprintf("the notes database %s has schema version %d, but this vigil knows only versions up to %d; update vigil to open it", path, found, SchemaVersion), ErrNewerSchema)
}

// pathError explains why a path could not be opened or created.
func pathError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return sentence(fmt.Sprintf("there is no notes database at %s; check the path", path), err)
	case errors.Is(err, fs.ErrPermission):
		return sentence(fmt.Sprintf("vigil may not open %s (permission denied); check its permissions or pass --db with another path", path), err)
	case errors.Is(err, syscall.ENOTDIR):
		if file := fileInPath(path); file != "" {
			return sentence(fmt.Sprintf("vigil cannot use %s, because %s is a file, not a folder; pass --db with another path", path, file), err)
		}
		return sentence(fmt.Sprintf("vigil cannot use %s, because part of that path is a file, not a folder; pass --db with another path", path), err)
	}
	return sentence(fmt.Sprintf("vigil cannot open %s (%v); pass --db with another path", path, err), err)
}

// fileInPath returns the first ancestor of path that exists and is not a
// folder, or "".
func fileInPath(path string) string {
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
		if p == filepath.Dir(p) {
			return ""
		}
	}
}
