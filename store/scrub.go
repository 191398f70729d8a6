package store

import (
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
)

// ScrubSession makes what was removed from session id (a deleted request
// or commitment) gone from every copy, as DeleteSession does for a whole
// session: the database file is rewritten with only its live data, and
// in each daily backup and upgrade copy that holds the session, every
// request, commitment and note it no longer has is deleted and that file
// rewritten too. Front ends call it once, when the program ends, after an
// item was removed: it rewrites files, which takes a while on a large
// database.
func (s *Store) ScrubSession(id uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return errClosed
	}
	if s.readOnly {
		return s.readOnlyError()
	}
	live := map[string]map[string]bool{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		sb, err := sessionBucket(tx, id)
		if err != nil {
			return err
		}
		for _, name := range sessionChildren {
			keys := map[string]bool{}
			if b := sb.Bucket(name); b != nil {
				_ = b.ForEach(func(k, _ []byte) error {
					keys[string(k)] = true
					return nil
				})
			}
			live[string(name)] = keys
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("scrub session %d in %s: %w", id, s.path, err)
	}
	if err := s.compactLocked(); err != nil {
		return fmt.Errorf("scrub session %d in %s: %w", id, s.path, err)
	}
	list, err := listBackups(s.path)
	if err != nil {
		return err
	}
	copies, err := listUpgradeCopies(s.path)
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range list {
		copies = append(copies, b.path)
	}
	for _, c := range copies {
		if err := scrubItemsIn(c, id, live, s.opts); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c, err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("what was removed from session %d is gone from %s, but not from every copy: %w", id, s.path, errors.Join(errs...))
	}
	return nil
}

// scrubItemsIn deletes, from the copy of the session in the file at path,
// the items the live session no longer has, and rewrites the file when it
// deleted any. A copy without the session, or of a layout without
// per-session buckets (schema 0), is left as it is.
func scrubItemsIn(path string, id uint64, live map[string]map[string]bool, opts Options) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return openError(path, err)
	}
	deleted := false
	err = guard(path, func() error {
		return db.Update(func(tx *bbolt.Tx) error {
			sessions := tx.Bucket(bucketSessions)
			if sessions == nil {
				return nil
			}
			sb := sessions.Bucket(itob(id))
			if sb == nil {
				return nil
			}
			for _, name := range sessionChildren {
				b := sb.Bucket(name)
				if b == nil {
					continue
				}
				var gone [][]byte
				_ = b.ForEach(func(k, _ []byte) error {
					if !live[string(name)][string(k)] {
						gone = append(gone, append([]byte(nil), k...))
					}
					return nil
				})
				for _, k := range gone {
					if err := b.Delete(k); err != nil {
						return err
					}
					deleted = true
				}
			}
			return nil
		})
	})
	if err != nil || !deleted {
		return errors.Join(err, db.Close())
	}
	dst, err := compactInto(db, path, opts)
	if err == nil {
		err = dst.Close()
	}
	return errors.Join(err, db.Close())
}
