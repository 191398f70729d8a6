package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"vigil/session"
	"vigil/store"
)

// openReadStore opens the notes database for a command that only reads
// (sessions, export, doctor, completion): nothing is created, upgraded,
// backed up or chmod-ed, and a read-only file works.
func openReadStore(o *options) (*store.Store, error) {
	return store.OpenReadOnly(o.dbPath(), store.Options{Timeout: lockTimeout})
}

// notSaved is the one sentence for a final save that failed: why, and
// where the text went instead.
func notSaved(db, recovery string, err error) error {
	if recovery != "" {
		return fmt.Errorf("the last changes could not be saved to %s (%s); they are kept in %s, so nothing typed is lost", db, oneLine(err.Error()), recovery)
	}
	return fmt.Errorf("the last changes could not be saved to %s, nor to a recovery file (%s)", db, oneLine(err.Error()))
}

// noticeRecovery says on stderr, before a session starts, that text from
// an earlier failed save is waiting in a recovery file.
func noticeRecovery(o *options) {
	if msg := session.RecoveryNotice(o.dbPath()); msg != "" {
		fmt.Fprintln(os.Stderr, "vigil: "+msg)
	}
}

// checkedWriter keeps the first error of the writes made through it, so
// that a command that prints many lines fails when its output cannot be
// written (a full disk, a closed pipe) rather than exit 0.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// result is the error to end a command with when its output was lost.
func (c *checkedWriter) result() error {
	if c.err == nil {
		return nil
	}
	var pe *os.PathError
	err := c.err
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("vigil could not write its output (%v)", err)
}
