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
	return sentence(fmt.Sprintf("the file %s is not a vigil notes database (it may be damaged, or be another kind of file); move it aside or pass --db with another path", path), ErrNotDatabase, cause)
}

func folderError(path string) error {
	return sentence(fmt.Sprintf("the path %s is a folder, not a vigil notes database; pass --db with the path of a file", path), ErrNotDatabase)
}

func damagedError(path string, cause error) error {
	return sentence(fmt.Sprintf("the notes database %s is damaged; run vigil doctor, or restore a backup", path), ErrNotDatabase, cause)
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
	return sentence(fmt.Sprintf("vigil cannot open %s%s; pass --db with another path", path, because(err)), err)
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

// PlainCause says in plain words why the system refused, for the common
// causes, or "" when there are no plain words for it. The cause itself stays
// reachable with errors.Is and errors.As; its text (Go's and the kernel's
// wording, "file resize error: truncate …") is not shown.
func PlainCause(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "the disk is full"
	case errors.Is(err, syscall.EFBIG):
		return "the file has reached the largest size allowed here"
	case errors.Is(err, syscall.EROFS):
		return "the disk is read-only"
	case errors.Is(err, fs.ErrPermission):
		return "permission was denied"
	case errors.Is(err, syscall.EIO):
		return "the disk reported an error"
	case errors.Is(err, fs.ErrNotExist):
		return "the file or folder is missing"
	}
	return ""
}

// because returns ", because <plain cause>" or "".
func because(err error) string {
	if c := PlainCause(err); c != "" {
		return ", because " + c
	}
	return ""
}

// writeError turns a failed write transaction into one sentence. what says
// what vigil was doing ("save session 3"). A cause that is already a
// sentence is kept as it is.
func writeError(path, what string, err error) error {
	var ue *userError
	if errors.As(err, &ue) {
		return err
	}
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrInvalidRecord) || errors.Is(err, ErrDamaged) {
		return fmt.Errorf("%s in %s: %w", what, path, err)
	}
	return sentence(fmt.Sprintf("vigil could not %s in the notes database %s%s; what was already saved is safe", what, path, because(err)), err)
}

// nonRegularError refuses a path that is a FIFO, device or socket at once,
// before anything opens it (opening a FIFO would wait for a writer).
func nonRegularError(what, path string, mode fs.FileMode) error {
	return sentence(fmt.Sprintf("the path %s is %s, not an ordinary file; %s", path, fileKind(mode), what), ErrNotRegular)
}

// fileKind names the kind of file mode describes, for sentences.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0, mode&fs.ModeDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not an ordinary file"
}

// checkRegular refuses anything at path but a regular file (after
// following links). A missing path is no error here.
func checkRegular(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return pathError(path, err)
	}
	if fi.IsDir() {
		return folderError(path)
	}
	if !fi.Mode().IsRegular() {
		return nonRegularError("vigil keeps notes only in an ordinary file: pass --db with another path", path, fi.Mode())
	}
	return nil
}
