package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// writeCopy writes a consistent copy of the database seen by tx to dest,
// 0600: into a temporary file in dest's folder, synced, then moved into
// place. Unless replace, an existing dest is left alone and the error wraps
// fs.ErrExist.
func writeCopy(tx *bbolt.Tx, dest string, replace bool) error {
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	err = f.Chmod(0o600)
	if err == nil {
		_, err = tx.WriteTo(f)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return PlaceFile(tmp, dest, replace)
}

// PlaceFile moves the finished temporary file tmp to dest and syncs the
// folder, so the file is there whole or not at all. Without replace it uses
// a hard link, which fails (fs.ErrExist) rather than replace a file that is
// there: the error is then a sentence wrapping fs.ErrExist. Exports use it
// too.
//
// A destination that is there and is not an ordinary file (a device node,
// a FIFO, a socket, a folder) is never replaced, even with replace: the
// error is a sentence wrapping ErrNotRegular and fs.ErrExist. A symbolic
// link is replaced by the file, not followed.
func PlaceFile(tmp, dest string, replace bool) error {
	if fi, err := os.Lstat(dest); err == nil && !fi.Mode().IsRegular() && fi.Mode()&fs.ModeSymlink == 0 {
		return sentence(fmt.Sprintf("the path %s is %s, not an ordinary file, and vigil will not replace it; give the path of a file", dest, fileKind(fi.Mode())), ErrNotRegular, fs.ErrExist)
	}
	if replace {
		if err := os.Rename(tmp, dest); err != nil {
			return err
		}
	} else if err := os.Link(tmp, dest); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existsError(dest, err)
		}
		// Some file systems have no hard links: check, then rename.
		if _, serr := os.Lstat(dest); serr == nil {
			return existsError(dest, fs.ErrExist)
		}
		if err := os.Rename(tmp, dest); err != nil {
			return err
		}
	}
	return syncDir(filepath.Dir(dest))
}

// syncDir makes a rename or link in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}

// CheckDest refuses, before any work, a destination for a file that vigil
// writes beside the database (a backup, an export) when it cannot or must
// not be written: its folder is missing, it is a folder or not an ordinary
// file, it is the notes database at dbPath itself, or it is there and force
// is not set. what names the file in the sentence ("backup", "export");
// example is a file name to suggest when dest is a folder. The error is one
// sentence wrapping fs.ErrNotExist, fs.ErrExist or ErrNotRegular.
func CheckDest(dbPath, dest string, force bool, what, example string) error {
	dir := filepath.Dir(dest)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return sentence(fmt.Sprintf("the folder %s does not exist; create it, or give another path for the %s", dir, what), err, fs.ErrNotExist)
	}
	fi, err := os.Stat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return sentence(fmt.Sprintf("vigil cannot write %s%s; give another path for the %s", dest, because(err), what), err)
	case fi.IsDir():
		return sentence(fmt.Sprintf("the path %s is a folder; give the path of the file to write, such as %s", dest, filepath.Join(dest, example)), fs.ErrExist)
	case !fi.Mode().IsRegular():
		return nonRegularError("give the path of an ordinary file for the "+what, dest, fi.Mode())
	case sameFile(dbPath, fi):
		return sentence(fmt.Sprintf("the path %s is the notes database itself; give another path for the %s", dest, what), fs.ErrExist)
	case !force:
		return existsError(dest, fs.ErrExist)
	}
	return nil
}

// existsError is what vigil says when it will not replace a file.
func existsError(dest string, cause error) error {
	return sentence(fmt.Sprintf("the file %s already exists; pass --force to replace it, or give another path", dest), cause)
}

// sameFile reports whether fi is the file at path.
func sameFile(path string, fi os.FileInfo) bool {
	other, err := os.Stat(path)
	return err == nil && os.SameFile(fi, other)
}
