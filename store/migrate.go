package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"go.etcd.io/bbolt"
)

// SchemaVersion is the layout this vigil reads and writes (see doc.go).
const SchemaVersion = 2

// migrations[v] turns a version v database into version v+1. They run in
// order, in the one transaction that opens the database, so a failure
// leaves the file as it was.
var migrations = []func(tx *bbolt.Tx) error{
	migrateV0,
	migrateV1,
}

// errMigration marks a failed migration; the transaction rolls back.
var errMigration = errors.New("upgrade failed")

// errNotOurs means a bbolt file without our meta bucket reached initSchema.
var errNotOurs = errors.New("no vigil meta bucket")

// newerError carries the schema version found in a newer database.
type newerError struct{ found uint64 }

func (e *newerError) Error() string {
	return fmt.Sprintf("schema version %d is newer than %d", e.found, SchemaVersion)
}
func (e *newerError) Unwrap() error { return ErrNewerSchema }

// initSchema reads the schema version, runs the migrations that are due,
// creates the top-level buckets and writes the version. fresh is true only
// for a file createFresh has just made: nowhere else may the meta bucket be
// missing.
func initSchema(tx *bbolt.Tx, fresh bool) error {
	version := uint64(SchemaVersion)
	if tx.Bucket(bucketMeta) != nil {
		v, err := readVersion(tx)
		if err != nil {
			return err
		}
		version = v
	} else if !fresh {
		return errNotOurs
	}
	if version > SchemaVersion {
		return &newerError{found: version}
	}
	for v := version; v < SchemaVersion; v++ {
		if err := migrations[v](tx); err != nil {
			return fmt.Errorf("%w: schema %d to %d: %w", errMigration, v, v+1, err)
		}
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	for _, name := range [][]byte{bucketSessions, bucketGuides} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if bytes.Equal(meta.Get(keySchema), itob(SchemaVersion)) {
		return nil
	}
	return meta.Put(keySchema, itob(SchemaVersion))
}

// schemaCurrent reports whether initSchema would change nothing and find
// nothing wrong: the file says it is of this schema (readVersion, which
// also notices a file being replaced) and has the sessions and guides
// buckets.
func schemaCurrent(tx *bbolt.Tx) bool {
	if v, err := readVersion(tx); err != nil || v != SchemaVersion {
		return false
	}
	return tx.Bucket(bucketSessions) != nil && tx.Bucket(bucketGuides) != nil
}

// keepOldCopy writes a copy of a database that is about to be migrated next
// to it, as <path>.v<version>.bak (or .v<version>.<n>.bak when that name is
// taken: an earlier copy is never replaced).
func keepOldCopy(tx *bbolt.Tx, path string, version uint64) error {
	for n := 1; n < 100; n++ {
		name := fmt.Sprintf("%s.v%d.bak", path, version)
		if n > 1 {
			name = fmt.Sprintf("%s.v%d.%d.bak", path, version, n)
		}
		err := writeCopy(tx, name, false)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("keep a copy of %s before upgrading it: %w", path, err)
		}
		return nil
	}
	return fmt.Errorf("keep a copy of %s before upgrading it: too many old copies", path)
}

// sessionV0 is a session header as schema 0 stored it: the place left was
// a page key only.
type sessionV0 struct {
	ID         uint64    `json:"id"`
	GuideID    string    `json:"guide_id"`
	GuideTitle string    `json:"guide_title"`
	Group      string    `json:"group,omitempty"`
	Title      string    `json:"title,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
	Page       string    `json:"page,omitempty"`
}

// migrateV0 moves schema 0 (flat buckets: sessions id → JSON, notes
// id+key → JSON, requests id+id → JSON) to the nested layout of schema 1.
func migrateV0(tx *bbolt.Tx) error {
	sessions, err := tx.CreateBucketIfNotExists(bucketSessions)
	if err != nil {
		return err
	}
	// Collect the keys first: the bucket changes under a cursor otherwise.
	var ids [][]byte
	c := sessions.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v != nil {
			ids = append(ids, bytes.Clone(k))
		}
	}
	for _, id := range ids {
		var old sessionV0
		if err := json.Unmarshal(sessions.Get(id), &old); err != nil {
			return fmt.Errorf("session %d: %w", btoi(id), err)
		}
		if err := sessions.Delete(id); err != nil {
			return err
		}
		sb, err := createSessionBucket(sessions, id)
		if err != nil {
			return err
		}
		sess := Session{
			ID: btoi(id), GuideID: old.GuideID, GuideTitle: old.GuideTitle,
			Group: old.Group, Title: old.Title, Created: old.Created, Updated: old.Updated,
			Path: PathFull, Position: Position{Stage: StageContentNote},
		}
		if old.Page != "" {
			sess.Position = Position{Stage: StageSection, Page: old.Page}
		}
		if err := putJSON(sb, keySession, sess); err != nil {
			return err
		}
	}
	// Notes and requests move under their session.
	for _, name := range [][]byte{bucketNotes, bucketRequests} {
		old := tx.Bucket(name)
		if old == nil {
			continue
		}
		err := old.ForEach(func(k, v []byte) error {
			if len(k) <= 8 || v == nil {
				return fmt.Errorf("%s: bad key %x", name, k)
			}
			sb := sessions.Bucket(k[:8])
			if sb == nil {
				return fmt.Errorf("%s: key %x belongs to no session", name, k)
			}
			return sb.Bucket(name).Put(bytes.Clone(k[8:]), bytes.Clone(v))
		})
		if err != nil {
			return err
		}
		if err := tx.DeleteBucket(name); err != nil {
			return err
		}
	}
	return nil
}

// migrateV1 adds the guides bucket of schema 2, where each session's guide
// text is kept. Sessions from before it have no copy: GuideCopy says
// ErrNotFound for them, and they are shown with the guide as it is now.
func migrateV1(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bucketGuides)
	return err
}
