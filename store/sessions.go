package store

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
)

// createSessionBucket makes the bucket for one session and its children.
func createSessionBucket(sessions *bbolt.Bucket, key []byte) (*bbolt.Bucket, error) {
	sb, err := sessions.CreateBucket(key)
	if err != nil {
		return nil, err
	}
	for _, name := range sessionChildren {
		if _, err := sb.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	return sb, nil
}

// sessionBucket finds the bucket of session id.
func sessionBucket(tx *bbolt.Tx, id uint64) (*bbolt.Bucket, error) {
	sb := tx.Bucket(bucketSessions).Bucket(itob(id))
	if sb == nil {
		return nil, fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	return sb, nil
}

// readSession decodes the header of the session in sb. A header that
// cannot be read gives a *damageErr.
func readSession(sb *bbolt.Bucket, id uint64) (Session, error) {
	var sess Session
	data := sb.Get(keySession)
	if data == nil {
		return Session{}, newDamage(id, "header", errMissing)
	}
	if err := json.Unmarshal(data, &sess); err != nil {
		return Session{}, newDamage(id, "header", err)
	}
	sess.ID = id
	return sess, nil
}

// CreateSession stores a new session and returns it with its ID, which
// comes from the sessions bucket's sequence and is never reused. Created
// and Updated are set from the clock when zero, and UID is made when empty.
func (s *Store) CreateSession(sess Session) (Session, error) {
	now := s.now()
	if sess.Created.IsZero() {
		sess.Created = now
	}
	if sess.Updated.IsZero() {
		sess.Updated = now
	}
	if sess.UID == "" {
		uid, err := newUID()
		if err != nil {
			return Session{}, err
		}
		sess.UID = uid
	}
	err := s.update(func(tx *bbolt.Tx) error {
		sessions := tx.Bucket(bucketSessions)
		id, err := sessions.NextSequence()
		if err != nil {
			return err
		}
		sess.ID = id
		sb, err := createSessionBucket(sessions, itob(id))
		if err != nil {
			return err
		}
		return putJSON(sb, keySession, sess)
	})
	if err != nil {
		return Session{}, writeError(s.path, "create a session", err)
	}
	return sess, nil
}

// Sessions returns up to limit sessions, newest (highest ID) first; limit
// <= 0 means all. It reads from the end of the sessions bucket, so the cost
// depends on limit, not on how many sessions there are.
//
// A session that is damaged (its header cannot be read, or one of its
// notes, requests or commitments is not well-formed) is left out of the
// list and does not count towards limit. The others are listed all the
// same, and the error is then a *DamagedError naming the damaged ones
// (errors.Is(err, ErrDamaged)): print it after the list.
func (s *Store) Sessions(limit int) ([]Session, error) {
	var out []Session
	var bad []Damaged
	err := s.view(func(tx *bbolt.Tx) error {
		sessions := tx.Bucket(bucketSessions)
		c := sessions.Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			if v != nil {
				continue // only session buckets live here
			}
			sb := sessions.Bucket(k)
			sess, err := readSession(sb, btoi(k))
			var de *damageErr
			if errors.As(err, &de) {
				bad = append(bad, de.d)
				continue
			}
			if err != nil {
				return err
			}
			if de := quickDamage(sb, sess.ID); de != nil {
				bad = append(bad, de.d)
				continue
			}
			out = append(out, sess)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list sessions in %s: %w", s.path, err)
	}
	return out, damagedOrNil(s.path, bad)
}

// Latest returns the newest session, or an error wrapping ErrNotFound when
// there is none. When the newest session's header is damaged, the error
// wraps ErrDamaged: an older session is not put in its place.
func (s *Store) Latest() (Session, error) {
	var sess Session
	err := s.view(func(tx *bbolt.Tx) error {
		sessions := tx.Bucket(bucketSessions)
		c := sessions.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if v != nil {
				continue
			}
			var err error
			sess, err = readSession(sessions.Bucket(k), btoi(k))
			return err
		}
		return ErrNotFound
	})
	var de *damageErr
	switch {
	case errors.As(err, &de):
		return Session{}, damagedLoadError(s.path, de)
	case err != nil:
		return Session{}, fmt.Errorf("latest session in %s: %w", s.path, err)
	}
	return sess, nil
}

// Load returns session id with its notes, requests and commitments, or an
// error wrapping ErrNotFound. A session with a record that cannot be read
// gives an error wrapping ErrDamaged (LoadRaw still reads it as stored).
func (s *Store) Load(id uint64) (Record, error) {
	rec := Record{Notes: map[string]Note{}}
	err := s.view(func(tx *bbolt.Tx) error {
		sb, err := sessionBucket(tx, id)
		if err != nil {
			return err
		}
		if rec.Session, err = readSession(sb, id); err != nil {
			return err
		}
		_, err = decodeChildren(id, sb, bucketNotes, false, func(n Note) { rec.Notes[n.Key] = n })
		if err == nil {
			_, err = decodeChildren(id, sb, bucketRequests, false, func(r Request) { rec.Requests = append(rec.Requests, r) })
		}
		if err == nil {
			_, err = decodeChildren(id, sb, bucketCommitments, false, func(c Commitment) { rec.Commitments = append(rec.Commitments, c) })
		}
		return err
	})
	var de *damageErr
	switch {
	case errors.As(err, &de):
		return Record{}, damagedLoadError(s.path, de)
	case err != nil:
		return Record{}, fmt.Errorf("load session from %s: %w", s.path, err)
	}
	return rec, nil
}

// forEachJSON decodes every value of b, in key order, and hands it to fn.
// A value that cannot be read is passed over: the lists that use this go on
// past a damaged item (Load and Damage report it). A missing bucket has
// nothing in it.
func forEachJSON[T any](b *bbolt.Bucket, fn func(T)) error {
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		var item T
		if v != nil && json.Unmarshal(v, &item) == nil {
			fn(item)
		}
		return nil
	})
}

// Apply writes everything in c in one transaction: the session header when
// c.Session is set (its Created is kept when zero), and each note, request
// and commitment, replacing any with the same key or ID. Session.Updated is
// always set from the clock; a note's Updated and an item's Created are set
// when zero. Requests and commitments need an ID (from 1, chosen by the
// caller). A missing session gives an error wrapping ErrNotFound.
func (s *Store) Apply(c Change) error {
	if err := c.validate(); err != nil {
		return fmt.Errorf("save session %d in %s: %w", c.SessionID, s.path, err)
	}
	now := s.now()
	err := s.update(func(tx *bbolt.Tx) error {
		sb, err := sessionBucket(tx, c.SessionID)
		if err != nil {
			return err
		}
		stored, err := readSession(sb, c.SessionID)
		if err != nil {
			return err
		}
		sess := stored
		if c.Session != nil {
			sess = *c.Session
			sess.ID = c.SessionID
			if sess.Created.IsZero() {
				sess.Created = stored.Created
			}
		}
		sess.Updated = now
		if err := putJSON(sb, keySession, sess); err != nil {
			return err
		}
		for _, n := range c.Notes {
			if n.Updated.IsZero() {
				n.Updated = now
			}
			if err := putChild(sb, bucketNotes, []byte(n.Key), n); err != nil {
				return err
			}
		}
		for _, r := range c.Requests {
			if r.Created.IsZero() {
				r.Created = now
			}
			if err := putChild(sb, bucketRequests, itob(r.ID), r); err != nil {
				return err
			}
		}
		for _, cm := range c.Commitments {
			if cm.Created.IsZero() {
				cm.Created = now
			}
			if err := putChild(sb, bucketCommitments, itob(cm.ID), cm); err != nil {
				return err
			}
		}
		if err := removeChildren(sb, bucketRequests, c.RemoveRequests); err != nil {
			return err
		}
		return removeChildren(sb, bucketCommitments, c.RemoveCommitments)
	})
	if err != nil {
		return writeError(s.path, fmt.Sprintf("save session %d", c.SessionID), err)
	}
	return nil
}

// removeChildren deletes items by ID from the named child of a session;
// an ID that is not there is no error.
func removeChildren(sb *bbolt.Bucket, name []byte, ids []uint64) error {
	b := sb.Bucket(name)
	if b == nil {
		return nil
	}
	for _, id := range ids {
		if err := b.Delete(itob(id)); err != nil {
			return err
		}
	}
	return nil
}

// putChild stores v as JSON under key in the named child of a session.
func putChild(sb *bbolt.Bucket, name, key []byte, v any) error {
	b, err := sb.CreateBucketIfNotExists(name)
	if err != nil {
		return err
	}
	return putJSON(b, key, v)
}

// validate rejects what cannot be stored: bbolt needs a non-empty key, and
// an item without an ID could not be told from another.
func (c Change) validate() error {
	if c.SessionID == 0 {
		return fmt.Errorf("session 0: %w", ErrNotFound)
	}
	var errs []error
	// Errors name items by position, never by their text: requests are
	// told in confidence and error messages end up on screens and in logs.
	for i, n := range c.Notes {
		if n.Key == "" || len(n.Key) > bbolt.MaxKeySize {
			errs = append(errs, fmt.Errorf("note %d has an empty or too long key", i+1))
		}
	}
	for i, r := range c.Requests {
		if r.ID == 0 {
			errs = append(errs, fmt.Errorf("request %d has no ID", i+1))
		}
	}
	for i, cm := range c.Commitments {
		if cm.ID == 0 {
			errs = append(errs, fmt.Errorf("commitment %d has no ID", i+1))
		}
	}
	return errors.Join(errs...)
}

// newUID makes a session's lasting name: 128 random bits in hex.
func newUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make a session id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}
