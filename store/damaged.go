package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"
)

// Damaged names one record of the database that cannot be read. Its text
// never holds what was typed: Record names the record by kind and key.
type Damaged struct {
	SessionID uint64
	// Record is which record: "header", `note "faq/what-is-it"`,
	// "request 3" or "commitment 2" (keys are quoted, control characters
	// escaped).
	Record string
	// Problem says in plain words what is wrong with it.
	Problem string
}

// String is the record as one line for doctor: "session 3: note "x": its
// text cannot be read".
func (d Damaged) String() string {
	return fmt.Sprintf("session %d: %s: %s", d.SessionID, d.Record, d.Problem)
}

// damageErr is a Damaged as an error: errors.Is finds ErrDamaged, and
// errors.As the JSON error that caused it.
type damageErr struct {
	d     Damaged
	cause error
}

func (e *damageErr) Error() string   { return e.d.String() }
func (e *damageErr) Unwrap() []error { return []error{ErrDamaged, e.cause} }

func newDamage(id uint64, record string, cause error) *damageErr {
	problem := "its data cannot be read"
	if cause == errMissing {
		problem = "it is missing"
	}
	return &damageErr{d: Damaged{SessionID: id, Record: record, Problem: problem}, cause: cause}
}

// errMissing is the cause of a damaged record that is not there at all.
var errMissing = errors.New("missing")

// DamagedError is what a method that lists or walks sessions returns when
// it went on past damaged ones: everything else was listed or handed on,
// and Damaged names what was left out. errors.Is(err, ErrDamaged) holds.
type DamagedError struct {
	Path    string
	Damaged []Damaged
}

// Error names the damaged sessions in one sentence.
func (e *DamagedError) Error() string {
	ids := e.SessionIDs()
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = fmt.Sprint(id)
	}
	if len(names) == 1 {
		return fmt.Sprintf("session %s is damaged; `vigil doctor` says more", names[0])
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	return fmt.Sprintf("sessions %s are damaged; `vigil doctor` says more", list)
}

// Unwrap lets errors.Is find ErrDamaged.
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// SessionIDs returns the IDs of the damaged sessions, each once, in order.
func (e *DamagedError) SessionIDs() []uint64 {
	var ids []uint64
	for _, d := range e.Damaged {
		ids = append(ids, d.SessionID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// damagedOrNil returns a *DamagedError for list, or nil when it is empty.
func damagedOrNil(path string, list []Damaged) error {
	if len(list) == 0 {
		return nil
	}
	return &DamagedError{Path: path, Damaged: list}
}

// damagedLoadError is Load's sentence for a damaged session.
func damagedLoadError(path string, de *damageErr) error {
	return sentence(fmt.Sprintf("session %d in the notes database %s is damaged (%s: %s); `vigil doctor` says more, and its raw data can still be exported for rescue", de.d.SessionID, path, de.d.Record, de.d.Problem), de)
}

// childRecord names an item of a session's child bucket.
func childRecord(bucket, key []byte) string {
	switch {
	case bytes.Equal(bucket, bucketNotes):
		return fmt.Sprintf("note %q", key)
	case bytes.Equal(bucket, bucketRequests) && len(key) == 8:
		return fmt.Sprintf("request %d", btoi(key))
	case bytes.Equal(bucket, bucketCommitments) && len(key) == 8:
		return fmt.Sprintf("commitment %d", btoi(key))
	}
	return fmt.Sprintf("%s %q", bucket, key)
}

// decodeChildren decodes every item of a session's child bucket into fn,
// stopping at the first that cannot be read (unless skip, when those are
// passed over and listed). A missing bucket has nothing in it.
func decodeChildren[T any](id uint64, sb *bbolt.Bucket, name []byte, skip bool, fn func(T)) ([]Damaged, error) {
	b := sb.Bucket(name)
	if b == nil {
		return nil, nil
	}
	var bad []Damaged
	err := b.ForEach(func(k, v []byte) error {
		var item T
		var err error
		if v == nil {
			err = errMissing // a bucket where an item should be
		} else {
			err = json.Unmarshal(v, &item)
		}
		if err != nil {
			de := newDamage(id, childRecord(name, k), err)
			if !skip {
				return de
			}
			bad = append(bad, de.d)
			return nil
		}
		fn(item)
		return nil
	})
	return bad, err
}

// sessionDamage decodes the header and every item of one session and lists
// each record that cannot be read.
func sessionDamage(sb *bbolt.Bucket, id uint64) []Damaged {
	var bad []Damaged
	var de *damageErr
	if _, err := readSession(sb, id); errors.As(err, &de) {
		bad = append(bad, de.d)
	}
	d, _ := decodeChildren(id, sb, bucketNotes, true, func(Note) {})
	bad = append(bad, d...)
	d, _ = decodeChildren(id, sb, bucketRequests, true, func(Request) {})
	bad = append(bad, d...)
	d, _ = decodeChildren(id, sb, bucketCommitments, true, func(Commitment) {})
	return append(bad, d...)
}

// quickDamage is the cheap check Sessions makes: the header decodes, and
// every item of the session is well-formed JSON.
func quickDamage(sb *bbolt.Bucket, id uint64) *damageErr {
	for _, name := range sessionChildren {
		b := sb.Bucket(name)
		if b == nil {
			continue
		}
		var found *damageErr
		b.ForEach(func(k, v []byte) error {
			if v == nil || !json.Valid(v) {
				cause := errMissing
				if v != nil {
					cause = errors.New("not valid JSON")
				}
				found = newDamage(id, childRecord(name, k), cause)
				return errStop
			}
			return nil
		})
		if found != nil {
			return found
		}
	}
	return nil
}

var errStop = errors.New("stop")

// Damage decodes every record of every session and lists each one that
// cannot be read, for `vigil doctor`.
func (s *Store) Damage() ([]Damaged, error) {
	var bad []Damaged
	err := s.view(func(tx *bbolt.Tx) error {
		sessions := tx.Bucket(bucketSessions)
		if sessions == nil {
			return nil
		}
		return sessions.ForEach(func(k, v []byte) error {
			if v != nil {
				bad = append(bad, Damaged{SessionID: btoi(k), Record: "session", Problem: "it is a plain value where a session's records should be"})
				return nil
			}
			bad = append(bad, sessionDamage(sessions.Bucket(k), btoi(k))...)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read every record of %s: %w", s.path, err)
	}
	return bad, nil
}

// RawEntry is one key of a session exactly as stored, for rescuing a
// damaged session.
type RawEntry struct {
	// Bucket is the child bucket the key is in ("notes", "requests",
	// "commitments"), or "" for the session's own bucket, where its header
	// is.
	Bucket string
	Key    []byte
	Value  []byte
}

// LoadRaw returns every key of session id with its bytes as stored,
// without decoding anything, so that a damaged session can be exported for
// rescue. A missing session gives an error wrapping ErrNotFound.
func (s *Store) LoadRaw(id uint64) ([]RawEntry, error) {
	var out []RawEntry
	err := s.view(func(tx *bbolt.Tx) error {
		sb, err := sessionBucket(tx, id)
		if err != nil {
			return err
		}
		var walk func(b *bbolt.Bucket, prefix string) error
		walk = func(b *bbolt.Bucket, prefix string) error {
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					name := string(k)
					if prefix != "" {
						name = prefix + "/" + name
					}
					return walk(b.Bucket(k), name)
				}
				out = append(out, RawEntry{Bucket: prefix, Key: bytes.Clone(k), Value: bytes.Clone(v)})
				return nil
			})
		}
		return walk(sb, "")
	})
	if err != nil {
		return nil, fmt.Errorf("read session %d from %s as stored: %w", id, s.path, err)
	}
	return out, nil
}
