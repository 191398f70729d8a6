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
	return s.exclusive(func() error {
		live := map[string]map[string]bool{}
		err := guard(s.path, func() error {
			return s.db.View(func(tx *bbolt.Tx) error {
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
		for _, b := range list {
			copies = append(copies, b.path)
		}
		var errs []error
		for _, c := range copies {
			if err := scrubItemsIn(c, id, live, s.opts); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", c, err))
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("what was removed from session %d is gone from %s, but not from every copy: %w", id, s.path, errors.Join(errs...))
		}
		return nil
	})
}

// scrubItemsIn deletes, from the copy of the session in the file at path,
// the items the live session no longer has (live holds the keys of each
// child bucket), and rewrites the file when it deleted any. An upgrade
// copy keeps its schema: in schema 0, the notes and requests of every
// session are in flat buckets, under keys that start with the session's
// ID.
func scrubItemsIn(path string, id uint64, live map[string]map[string]bool, opts Options) error {
	return rewriteCopy(path, opts, func(tx *bbolt.Tx, version uint64) (bool, error) {
		deleted := false
		for _, name := range sessionChildren {
			b, prefix := tx.Bucket(name), itob(id) // schema 0
			if version >= 1 {
				b, prefix = nil, nil
				if sessions := tx.Bucket(bucketSessions); sessions != nil {
					if sb := sessions.Bucket(itob(id)); sb != nil {
						b = sb.Bucket(name)
					}
				}
			}
			if b == nil {
				continue
			}
			d, err := deleteGone(b, prefix, live[string(name)])
			deleted = deleted || d
			if err != nil {
				return deleted, err
			}
		}
		return deleted, nil
	})
}
