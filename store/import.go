package store

import (
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
)

// ErrInvalidRecord means a record given to Import cannot be stored as it
// is: a required field is missing or a value is out of range. Nothing is
// written.
var ErrInvalidRecord = errors.New("invalid session record")

// Import adds the given sessions, with their notes, requests and
// commitments, in one transaction: all of them or, on any error, none.
//
// Sessions are told apart by Session.UID. A record whose UID is already in
// the database, or earlier in recs, is skipped, so importing the same
// export twice adds nothing the second time. Each added session gets a new
// local ID from the sessions bucket's sequence; Session.ID in recs is
// ignored. Everything else is stored exactly as given: times are not
// touched, so an export of the imported sessions matches the one imported.
//
// A record without a UID, GuideID or Created time, a note without a key or
// kind, or a request or commitment without an ID (or with one used twice)
// gives an error wrapping ErrInvalidRecord that names the record by its
// position, never by its text.
func (s *Store) Import(recs []Record) (added, skipped int, err error) {
	for i, rec := range recs {
		if err := validateRecord(rec); err != nil {
			return 0, 0, fmt.Errorf("session %d of %d: %w: %w", i+1, len(recs), ErrInvalidRecord, err)
		}
	}
	err = s.update(func(tx *bbolt.Tx) error {
		added, skipped = 0, 0
		sessions := tx.Bucket(bucketSessions)
		have, err := storedUIDs(sessions)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			if have[rec.Session.UID] {
				skipped++
				continue
			}
			have[rec.Session.UID] = true
			if err := putRecord(sessions, rec); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	if err != nil {
		return 0, 0, writeError(s.path, "import the sessions", err)
	}
	return added, skipped, nil
}

// storedUIDs reads the UID of every session in the database.
func storedUIDs(sessions *bbolt.Bucket) (map[string]bool, error) {
	have := map[string]bool{}
	err := sessions.ForEachBucket(func(k []byte) error {
		var head struct {
			UID string `json:"uid"`
		}
		if err := getJSON(sessions.Bucket(k), keySession, &head); err != nil {
			return nil // a damaged header matches nothing; it must not stop an import
		}
		if head.UID != "" {
			have[head.UID] = true
		}
		return nil
	})
	return have, err
}

// putRecord stores one record as a new session.
func putRecord(sessions *bbolt.Bucket, rec Record) error {
	id, err := sessions.NextSequence()
	if err != nil {
		return err
	}
	sb, err := createSessionBucket(sessions, itob(id))
	if err != nil {
		return err
	}
	sess := rec.Session
	sess.ID = id
	if err := putJSON(sb, keySession, sess); err != nil {
		return err
	}
	for _, n := range rec.Notes {
		if err := putJSON(sb.Bucket(bucketNotes), []byte(n.Key), n); err != nil {
			return err
		}
	}
	for _, r := range rec.Requests {
		if err := putJSON(sb.Bucket(bucketRequests), itob(r.ID), r); err != nil {
			return err
		}
	}
	for _, c := range rec.Commitments {
		if err := putJSON(sb.Bucket(bucketCommitments), itob(c.ID), c); err != nil {
			return err
		}
	}
	return nil
}

// validateRecord checks what the store needs to keep a record whole and
// findable. It names fields, never the text in them.
func validateRecord(rec Record) error {
	sess := rec.Session
	var errs []error
	if sess.UID == "" {
		errs = append(errs, errors.New("it has no uid"))
	}
	if sess.GuideID == "" {
		errs = append(errs, errors.New("it has no guide_id"))
	}
	if sess.Created.IsZero() {
		errs = append(errs, errors.New("it has no created time"))
	}
	if sess.Seen < 0 || sess.Total < 0 {
		errs = append(errs, errors.New("its page counts are negative"))
	}
	for key, n := range rec.Notes {
		switch {
		case n.Key == "" || len(n.Key) > bbolt.MaxKeySize:
			errs = append(errs, errors.New("a note has an empty or too long key"))
		case n.Key != key:
			errs = append(errs, errors.New("a note is filed under another key than its own"))
		case n.Kind != NoteSection && n.Kind != NoteResponse && n.Kind != NoteLeader:
			errs = append(errs, fmt.Errorf("a note has the unknown kind %q", n.Kind))
		}
	}
	if err := uniqueIDs("request", rec.Requests, func(r Request) uint64 { return r.ID }); err != nil {
		errs = append(errs, err)
	}
	if err := uniqueIDs("commitment", rec.Commitments, func(c Commitment) uint64 { return c.ID }); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// uniqueIDs checks that every item has an ID and no two share one.
func uniqueIDs[T any](what string, items []T, id func(T) uint64) error {
	seen := make(map[uint64]bool, len(items))
	for i, it := range items {
		n := id(it)
		if n == 0 {
			return fmt.Errorf("%s %d has no id", what, i+1)
		}
		if seen[n] {
			return fmt.Errorf("two %ss have the id %d", what, n)
		}
		seen[n] = true
	}
	return nil
}
