package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"
)

// Walk loads the given sessions one at a time, in the order given, and
// hands each record to fn. Only one record is in memory at a time, so
// exporting 10,000 sessions costs no more memory than exporting one.
//
// Walk first checks, in one read transaction, that every id exists: a
// missing one gives an error wrapping ErrNotFound before fn is called at
// all, so an export never stops half-written for that. Each record is then
// read in a short read transaction of its own, and fn runs outside any
// transaction, so a slow writer (a pipe, a disk) never holds the database.
// An error from fn stops the walk and is returned as it is.
//
// A damaged session (see Load) is passed over and the walk goes on; when
// it has handed every other record to fn, Walk returns a *DamagedError
// naming the ones passed over (errors.Is(err, ErrDamaged)).
func (s *Store) Walk(ids []uint64, fn func(Record) error) error {
	err := s.view(func(tx *bbolt.Tx) error {
		sessions := tx.Bucket(bucketSessions)
		for _, id := range ids {
			if sessions.Bucket(itob(id)) == nil {
				return fmt.Errorf("session %d: %w", id, ErrNotFound)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read sessions from %s: %w", s.path, err)
	}
	var bad []Damaged
	for _, id := range ids {
		rec, err := s.Load(id)
		var de *damageErr
		if errors.As(err, &de) {
			bad = append(bad, de.d)
			continue
		}
		if err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	return damagedOrNil(s.path, bad)
}

// AllIDs returns the ID of every session, oldest (by Created) first; ties,
// and sessions imported with the same time, go by ID. A session whose
// header cannot be read comes last, so that Walk names it.
func (s *Store) AllIDs() ([]uint64, error) {
	return s.idsWhere(func(string) bool { return true }, true)
}

// GroupIDs returns the IDs of the sessions of one group, oldest (by
// Created) first. The name matches as in Groups: without regard to case or
// to spaces at either end.
func (s *Store) GroupIDs(group string) ([]uint64, error) {
	return s.idsWhere(func(g string) bool { return SameGroup(g, group) }, false)
}

// idsWhere lists the sessions whose group passes keep, oldest first. It
// decodes only the two header fields it needs. A session whose header
// cannot be read is listed last when withDamaged, else left out.
func (s *Store) idsWhere(keep func(group string) bool, withDamaged bool) ([]uint64, error) {
	type found struct {
		id      uint64
		created time.Time
	}
	var list []found
	var damaged []uint64
	err := s.view(func(tx *bbolt.Tx) error {
		sessions := tx.Bucket(bucketSessions)
		return sessions.ForEachBucket(func(k []byte) error {
			var head struct {
				Created time.Time `json:"created"`
				Group   string    `json:"group"`
			}
			data := sessions.Bucket(k).Get(keySession)
			if data == nil || json.Unmarshal(data, &head) != nil {
				if withDamaged {
					damaged = append(damaged, btoi(k))
				}
				return nil
			}
			if keep(head.Group) {
				list = append(list, found{id: btoi(k), created: head.Created})
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list sessions in %s: %w", s.path, err)
	}
	slices.SortStableFunc(list, func(a, b found) int { return a.created.Compare(b.created) })
	ids := make([]uint64, len(list), len(list)+len(damaged))
	for i, f := range list {
		ids[i] = f.id
	}
	return append(ids, damaged...), nil
}
