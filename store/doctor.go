package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	"go.etcd.io/bbolt"
)

// Stats describe a database, for `vigil doctor`.
type Stats struct {
	Path     string
	Schema   uint64 // the schema version in the file
	Size     int64  // file size in bytes
	Sessions int
	// LastBackup is when the newest automatic backup was written, and
	// LastBackupPath where; both are zero when there is none.
	LastBackup     time.Time
	LastBackupPath string
	// UpgradeCopies are the copies of the database kept before a schema
	// upgrade (<db>.v<old>.bak). They are scrubbed by DeleteSession like
	// the daily backups; doctor lists them so that the user knows they are
	// there.
	UpgradeCopies []string
	// BackupProblem is why today's automatic backup was not written, as
	// one sentence, or "" (see Store.BackupProblem).
	BackupProblem string
	// Damaged lists every record that cannot be read. Only Doctor fills
	// it: it decodes every record.
	Damaged []Damaged
	// Warning is what Open met and went on past, so that a meeting is
	// never held up: today's automatic backup could not be written, or the
	// scrub owed by an earlier DeleteSession could not be finished (Open
	// tries again next time). Nil when all went well.
	Warning error
}

// Check runs bbolt's consistency check over the whole database and returns
// every problem found, joined.
func (s *Store) Check() error {
	err := s.view(func(tx *bbolt.Tx) error {
		// tx.Check reads pages on a goroutine of its own, where a damaged
		// page would panic past any recover; walk the tree here first.
		if err := walkAll(tx); err != nil {
			return err
		}
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
	if err != nil {
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	return nil
}

// Stats reports the schema version, file size, number of sessions and the
// newest automatic backup.
func (s *Store) Stats() (Stats, error) {
	st := Stats{Path: s.path, Warning: s.warning, BackupProblem: s.BackupProblem()}
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		if st.Schema, err = readVersion(tx); err != nil {
			return err
		}
		if st.Schema > SchemaVersion {
			return newerSchemaError(s.path, st.Schema)
		}
		// Counting reads the keys of the sessions bucket only, not what is
		// inside each session (in schema 0 they were plain values).
		c := tx.Bucket(bucketSessions).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			st.Sessions++
		}
		return nil
	})
	if fi, serr := os.Stat(s.path); serr == nil {
		st.Size = fi.Size()
	} else if err == nil {
		err = serr
	}
	if list, lerr := listBackups(s.path); lerr == nil && len(list) > 0 {
		newest := list[len(list)-1]
		st.LastBackupPath = newest.path
		if fi, err := os.Stat(newest.path); err == nil {
			st.LastBackup = fi.ModTime()
		}
	}
	if copies, cerr := listUpgradeCopies(s.path); cerr == nil {
		st.UpgradeCopies = copies
	}
	if err != nil {
		return st, fmt.Errorf("stats of %s: %w", s.path, err)
	}
	return st, nil
}

// Doctor opens the database at path read-only, waiting at most timeout (0
// means one second), runs Check, decodes every record and returns its
// Stats. It writes nothing, so it is safe on a file that may be damaged.
// Any problem found, a damaged record included (then Stats.Damaged lists
// each, and the error is a *DamagedError), gives a non-nil error, so that
// doctor can exit non-zero.
func Doctor(path string, timeout time.Duration) (Stats, error) {
	if timeout <= 0 {
		timeout = time.Second
	}
	db, _, err := openReadOnly(path, timeout)
	if err != nil {
		return Stats{Path: path}, err
	}
	s := &Store{path: path, opts: Options{Timeout: timeout}.withDefaults(), readOnly: true, db: db}
	defer s.Close()
	checkErr := s.Check()
	st, err := s.Stats()
	damaged, derr := s.Damage()
	st.Damaged = damaged
	return st, errors.Join(checkErr, err, derr, damagedOrNil(path, damaged))
}

// walkAll visits every bucket and key, so that a damaged page panics here,
// under guard.
func walkAll(tx *bbolt.Tx) error {
	var walk func(b *bbolt.Bucket) error
	walk = func(b *bbolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v != nil {
				return nil
			}
			return walk(b.Bucket(k))
		})
	}
	return tx.ForEach(func(_ []byte, b *bbolt.Bucket) error { return walk(b) })
}
