package store

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"go.etcd.io/bbolt"
)

// Options configure Open.
type Options struct {
	// Timeout is how long Open waits for another vigil to let go of the
	// file. Zero means one second.
	Timeout time.Duration
	// Now is the clock used for timestamps and backup dates. Nil means
	// time.Now.
	Now func() time.Time
	// NoAutoBackup turns off the daily backup written at Open, for tests
	// and read-only tools.
	NoAutoBackup bool
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Store is an open vigil notes database. Its methods may be called from
// several goroutines (bubbletea runs each tea.Cmd in its own).
type Store struct {
	path     string
	opts     Options
	readOnly bool

	// mu guards db: DeleteSession swaps in a compacted file while holding
	// it for writing; every other method holds it for reading.
	mu sync.RWMutex
	db *bbolt.DB

	// warning is what Open went on past (see Stats.Warning).
	warning error
	// backupProblem is why today's backup was not written (BackupProblem).
	backupProblem error
}

var errClosed = errors.New("the notes database is closed")

// Path returns the path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database. Closing twice is harmless.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("close notes database %s: %w", s.path, err)
	}
	return nil
}

func (s *Store) now() time.Time { return s.opts.Now() }

// view runs fn in a read transaction.
func (s *Store) view(fn func(*bbolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return errClosed
	}
	return guard(s.path, func() error { return s.db.View(fn) })
}

// update runs fn in a write transaction.
func (s *Store) update(fn func(*bbolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return errClosed
	}
	if s.readOnly {
		return s.readOnlyError()
	}
	return guard(s.path, func() error { return s.db.Update(fn) })
}

// exclusive runs fn holding s.mu for writing, on a store open for writing:
// for the methods that swap in a compacted file (DeleteSession,
// ScrubSession), which no other method may use meanwhile.
func (s *Store) exclusive(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return errClosed
	}
	if s.readOnly {
		return s.readOnlyError()
	}
	return fn()
}

// guard turns a panic inside bbolt (which is how it reports a damaged page),
// or a memory fault in its map, into an error. bbolt has already rolled the
// transaction back by then.
func guard(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damagedError(path, fmt.Errorf("%v", r))
		}
	}()
	return fn()
}

// readOnlyError is what a write method says on a Store from OpenReadOnly.
func (s *Store) readOnlyError() error {
	return sentence(fmt.Sprintf("the notes database %s was opened only for reading, so nothing can be changed in it; this is a mistake in vigil, please report it", s.path), ErrReadOnly)
}
