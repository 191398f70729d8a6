package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// compactTxSize bounds each transaction of a compaction. Small transactions
// were faster than large ones here: 0.43 s against 2.6 s at 64 MiB for
// 10,000 sessions.
const compactTxSize = 256 << 10

// DeleteSession deletes session id and everything typed in it, for real:
// bbolt keeps freed pages, with their old bytes, inside the file, so the
// file is then rewritten with only the live data (bbolt.Compact walks the
// live tree into a fresh file), synced, and renamed over the original. The
// daily backups that hold the session are scrubbed the same way. A missing
// session gives an error wrapping ErrNotFound.
//
// If the rewrite fails, the session is still deleted, and a flag in the
// meta bucket makes the next Open finish the job for the database file;
// backups are scrubbed by DeleteSession only.
func (s *Store) DeleteSession(id uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return errClosed
	}
	err := guard(s.path, func() error {
		return s.db.Update(func(tx *bbolt.Tx) error {
			if _, err := sessionBucket(tx, id); err != nil {
				return err
			}
			if err := tx.Bucket(bucketSessions).DeleteBucket(itob(id)); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keyCompact, []byte{1})
		})
	})
	if err != nil {
		return fmt.Errorf("delete session %d from %s: %w", id, s.path, err)
	}
	if err := s.compactLocked(); err != nil {
		return fmt.Errorf("session %d was deleted from %s, but its text is not yet scrubbed from the file (vigil tries again when it next opens): %w", id, s.path, err)
	}
	if err := scrubBackups(s.path, id, s.opts); err != nil {
		return fmt.Errorf("session %d was deleted from %s, but not from every backup: %w", id, s.path, err)
	}
	return nil
}

// compactLocked replaces the file with a compacted copy and swaps the
// handle. The caller holds s.mu for writing.
//
// The new file is opened (and so locked) before it is renamed into place,
// and the old file is marked replaced before its lock is let go: a vigil
// that opened the old file meanwhile, and was waiting for the lock, sees the
// mark and opens the path again.
func (s *Store) compactLocked() error {
	dst, err := compactInto(s.db, s.path, s.opts)
	if err != nil {
		return err
	}
	old := s.db
	s.db = dst
	// The new file is in place and in use; failing to mark or close the
	// old, unlinked one changes nothing for the caller.
	_ = old.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyReplace, []byte{1})
	})
	_ = old.Close()
	return nil
}

// compactInto writes the live data of src into a new file, renames it over
// path and returns it open for writing. src is left open.
func compactInto(src *bbolt.DB, path string, opts Options) (*bbolt.DB, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".compact-*")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	f.Close() // empty, 0600: bbolt initialises it
	done := false
	defer func() {
		if !done {
			os.Remove(tmp)
		}
	}()
	dst, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: opts.Timeout, NoSync: true})
	if err != nil {
		return nil, err
	}
	err = bbolt.Compact(dst, src, compactTxSize)
	if err == nil {
		err = dst.Update(func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketMeta).Delete(keyCompact)
		})
	}
	if err == nil {
		err = dst.Sync()
	}
	if err == nil {
		err = PlaceFile(tmp, path, true)
	}
	if err != nil {
		dst.Close()
		return nil, fmt.Errorf("compact %s: %w", path, err)
	}
	done = true
	dst.NoSync = false
	return dst, nil
}

// scrubBackups deletes session id from every daily backup of the database
// at path that holds it, and compacts those files.
func scrubBackups(path string, id uint64, opts Options) error {
	list, err := listBackups(path)
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range list {
		if err := scrubFile(b.path, id, opts); err != nil {
			errs = append(errs, fmt.Errorf("backup %s: %w", b.path, err))
		}
	}
	return errors.Join(errs...)
}

// scrubFile deletes session id from the vigil database at path, if it is
// there, and compacts the file. A backup from before an upgrade is migrated
// first, which is what Open would do to it when restored.
func scrubFile(path string, id uint64, opts Options) error {
	ro, version, err := openReadOnly(path, opts.Timeout)
	if err != nil {
		return err
	}
	ro.Close()
	if version > SchemaVersion {
		return newerSchemaError(path, version)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return openError(path, err)
	}
	found := false
	err = guard(path, func() error {
		return db.Update(func(tx *bbolt.Tx) error {
			if err := initSchema(tx, false); err != nil {
				return err
			}
			sessions := tx.Bucket(bucketSessions)
			if found = sessions.Bucket(itob(id)) != nil; !found {
				return nil
			}
			return sessions.DeleteBucket(itob(id))
		})
	})
	if err != nil || !found {
		return errors.Join(err, db.Close())
	}
	dst, err := compactInto(db, path, opts)
	if err == nil {
		err = dst.Close()
	}
	return errors.Join(err, db.Close())
}
