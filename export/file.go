package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"vigil/store"
)

// ToFile exports the sessions ids in format f, as opts say (see Write), to
// the file at path, readable by its owner alone (0600). The export is written to a temporary file in the
// same folder, synced, and only then moved into place, so a failed export
// leaves no half-written file. An existing file is replaced only when
// force is set, and never when it is the notes database itself. Errors are
// one sentence that says what to do.
func ToFile(st *store.Store, ids []uint64, f Format, opts Options, path string, force bool) error {
	if err := checkView(opts.View); err != nil {
		return err
	}
	var damaged *store.DamagedError
	err := placeFile(st, path, force, func(w io.Writer) error {
		// A damaged session is left out and named; the file holds the rest.
		if err := Write(w, st, ids, f, opts); !errors.As(err, &damaged) {
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	if damaged != nil {
		return damaged
	}
	return nil
}

// placeFile writes what write writes to the file at path, 0600, through a
// temporary file beside it that is synced and then put in place: a reader
// never sees half a file, and an existing file is replaced only with
// force, and never when it is the database or not an ordinary file.
func placeFile(st *store.Store, path string, force bool, write func(io.Writer) error) error {
	if err := checkDest(st, path, force); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s (%w); check that the folder is yours to write in", path, plain(err))
	}
	defer os.Remove(tmp.Name()) // after a rename or a link, there is nothing left to remove
	err = tmp.Chmod(0o600)
	if err == nil {
		err = write(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := store.PlaceFile(tmp.Name(), path, force); errors.Is(err, fs.ErrExist) {
		return err // a sentence: the file appeared meanwhile, or is not an ordinary one
	} else if err != nil {
		return fmt.Errorf("cannot write %s (%w); check the folder", path, plain(err))
	}
	return nil
}

// checkDest refuses, before any work, a path that cannot or must not be
// written (see store.CheckDest).
func checkDest(st *store.Store, path string, force bool) error {
	return store.CheckDest(st.Path(), path, force, "export", "notes.md")
}
