package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// Open opens the notes database at path, creating it (0600, in a 0700
// folder) when nothing is there. It never writes to a file that is not a
// vigil database: such a file gives an error wrapping ErrNotDatabase and is
// left byte for byte as it was. Another vigil holding the file gives
// ErrLocked after opts.Timeout. An older schema is migrated in one
// transaction after a copy of the file is kept next to it; a newer one gives
// ErrNewerSchema. Unless opts.NoAutoBackup, the first Open of each day writes
// a backup (see doc.go).
func Open(path string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	if err := prepareDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := createFresh(path, opts); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, pathError(path, err)
	}

	// Validate with a read-only handle before anything can write.
	ro, version, err := openReadOnly(path, opts.Timeout)
	if err != nil {
		return nil, err
	}
	if version > SchemaVersion {
		ro.Close()
		return nil, newerSchemaError(path, version)
	}
	if version < SchemaVersion {
		err = ro.View(func(tx *bbolt.Tx) error { return keepOldCopy(tx, path, version) })
	}
	ro.Close()
	if err != nil {
		return nil, err
	}

	s, err := openWritable(path, opts)
	if err != nil {
		return nil, err
	}
	if !opts.NoAutoBackup {
		s.backupProblem = s.autoBackup()
		s.warning = errors.Join(s.warning, s.backupProblem)
		// Kept in the file, so that doctor, which only reads, can say it
		// too; a later backup that works clears it.
		var kept []byte
		_ = s.view(func(tx *bbolt.Tx) error {
			kept = bytes.Clone(tx.Bucket(bucketMeta).Get(keyBackupProblem)) // valid only in the transaction
			return nil
		})
		switch {
		case s.backupProblem != nil && string(kept) != s.backupProblem.Error():
			_ = s.update(func(tx *bbolt.Tx) error {
				return tx.Bucket(bucketMeta).Put(keyBackupProblem, []byte(s.backupProblem.Error()))
			})
		case s.backupProblem == nil && kept != nil: // nothing to write otherwise: a write costs an fsync
			_ = s.update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyBackupProblem) })
		}
	}
	return s, nil
}

// OpenReadOnly opens the notes database at path for reading only, for
// commands that change nothing (sessions, export, doctor, guides): bbolt
// opens it read-only with a shared lock, so a read-only file works, and
// nothing is created, upgraded, backed up or chmod-ed. Every read method
// works; write methods return an error wrapping ErrReadOnly.
//
// The checks are Open's: a missing file, a folder, a FIFO, device or socket,
// or a file that is not a vigil database gives one sentence (wrapping
// fs.ErrNotExist, ErrNotRegular or ErrNotDatabase); another vigil writing
// it gives ErrLocked after opts.Timeout; a newer schema gives
// ErrNewerSchema. A schema 1 file (the layout of today without the kept
// guide copies) is read as it is; schema 0 must be upgraded first and gives
// ErrOlderSchema with a sentence saying that a command that writes will
// upgrade it.
func OpenReadOnly(path string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	db, version, err := openReadOnly(path, opts.Timeout)
	if err != nil {
		return nil, err
	}
	switch {
	case version > SchemaVersion:
		db.Close()
		return nil, newerSchemaError(path, version)
	case version < minReadableSchema:
		db.Close()
		return nil, sentence(fmt.Sprintf("the notes database %s is from an older vigil and must be upgraded before it can be read; open it once with a command that writes (such as vigil, or vigil new), which upgrades it and keeps a copy of the old file", path), ErrOlderSchema)
	}
	st := &Store{path: path, opts: opts, readOnly: true, db: db}
	_ = db.View(func(tx *bbolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			if v := meta.Get(keyBackupProblem); len(v) > 0 {
				st.backupProblem = errors.New(string(v))
			}
		}
		return nil
	})
	return st, nil
}

// minReadableSchema is the oldest schema the read methods understand as it
// is: schema 1 differs from 2 only by the guides bucket, which GuideCopy
// treats as empty when it is missing.
const minReadableSchema = 1

// BackupProblem says in one sentence why today's automatic backup could
// not be written at Open, or "" when it was written (or was not due). The
// database itself opened all the same; the home screen and doctor show
// this once.
func (s *Store) BackupProblem() string {
	if s.backupProblem == nil {
		return ""
	}
	return s.backupProblem.Error()
}

// openWritable opens a validated database for writing, brings its schema up
// to date, and finishes a scrub that an earlier DeleteSession left owed.
func openWritable(path string, opts Options) (*Store, error) {
	var db *bbolt.DB
	var pending bool
	for attempt := 0; ; attempt++ {
		var err error
		db, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opts.Timeout})
		if err != nil {
			return nil, openError(path, err)
		}
		err = guard(path, func() error {
			// Most opens find the file up to date: then nothing is
			// written, for a write transaction costs two fsyncs before
			// the first screen.
			var current bool
			if err := db.View(func(tx *bbolt.Tx) error {
				current = schemaCurrent(tx)
				pending = current && tx.Bucket(bucketMeta).Get(keyCompact) != nil
				return nil
			}); err != nil || current {
				return err
			}
			return db.Update(func(tx *bbolt.Tx) error {
				if err := initSchema(tx, false); err != nil {
					return err
				}
				pending = tx.Bucket(bucketMeta).Get(keyCompact) != nil
				return nil
			})
		})
		if err == nil {
			break
		}
		db.Close()
		if errors.Is(err, errReplaced) && attempt < 3 {
			continue
		}
		var nv *newerError
		switch {
		case errors.As(err, &nv):
			return nil, newerSchemaError(path, nv.found)
		case errors.Is(err, ErrNotDatabase):
			return nil, err
		case errors.Is(err, errNotOurs):
			return nil, notDatabaseError(path, err)
		case errors.Is(err, errMigration):
			return nil, sentence(fmt.Sprintf("vigil could not upgrade the notes database %s (%v); the file is unchanged, and a copy of it is next to it", path, err), err)
		}
		return nil, fmt.Errorf("open notes database %s: %w", path, err)
	}
	s := &Store{path: path, opts: opts, db: db}
	// An older vigil, or a copy, may have left the file readable by others.
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o600 {
		if err := os.Chmod(path, 0o600); err != nil {
			s.Close()
			return nil, pathError(path, err)
		}
	}
	if pending {
		s.mu.Lock()
		if err := s.compactLocked(); err != nil {
			s.warning = fmt.Errorf("finish scrubbing deleted notes from %s: %w", path, err)
		}
		s.mu.Unlock()
	}
	return s, nil
}

// prepareDir makes sure dir exists. Folders it creates are 0700 whatever
// the umask; a folder that already exists (the home folder, /tmp) is left
// as it is.
func prepareDir(dir string) error {
	fi, err := os.Stat(dir)
	if err == nil {
		if !fi.IsDir() {
			return sentence(fmt.Sprintf("vigil cannot use the folder %s, because it is a file; pass --db with another path", dir), fs.ErrExist)
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return pathError(dir, err)
	}
	// Remember which folders are missing, so only those get the Chmod.
	var missing []string
	for p := dir; ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil || p == filepath.Dir(p) {
			break
		}
		missing = append(missing, p)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return pathError(dir, err)
	}
	for _, p := range missing {
		if err := os.Chmod(p, 0o700); err != nil {
			return pathError(p, err)
		}
	}
	return nil
}

// createFresh builds a new, initialised database in a temporary file and
// links it into place, so the path never holds a half-made file, and a file
// that appeared there meanwhile is not replaced.
func createFresh(path string, opts Options) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".new-*")
	if err != nil {
		return pathError(path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return pathError(path, err)
	}
	f.Close()
	db, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return fmt.Errorf("create notes database %s: %w", path, err)
	}
	err = db.Update(func(tx *bbolt.Tx) error { return initSchema(tx, true) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create notes database %s: %w", path, err)
	}
	if err := PlaceFile(tmp, path, false); err != nil && !errors.Is(err, fs.ErrExist) {
		return pathError(path, err)
	}
	return nil
}
