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
// there. Exports use it too.
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
			return err
		}
		// Some file systems have no hard links: check, then rename.
		if _, serr := os.Lstat(dest); serr == nil {
			return &fs.PathError{Op: "create", Path: dest, Err: fs.ErrExist}
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
