package tui

import (
	"maps"
	"sort"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"vigil/store"
)

// saveDelay is how long edits gather before they are written. With the
// write itself well under a millisecond, every edit is on disk within a
// second of being typed.
const saveDelay = 400 * time.Millisecond

// Saver writes a TUI's changes to the store. Normal saves are one at a time
// (the session screen waits for savedMsg before it sends the next); the final
// flush on quit writes the whole record and may overtake one still in
// flight, so writes carry a generation and a stale one is dropped.
type Saver struct {
	st   *store.Store
	mu   sync.Mutex
	gen  uint64 // last generation handed out
	last uint64 // last generation written
}

// NewSaver wraps a store.
func NewSaver(st *store.Store) *Saver { return &Saver{st: st} }

// next hands out a generation. Called on the UI goroutine only, but the
// final flush calls it too, so it is locked.
func (s *Saver) next() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	return s.gen
}

// write applies a change unless a newer one has been written already.
func (s *Saver) write(gen uint64, c store.Change) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen <= s.last {
		return nil
	}
	if err := s.st.Apply(c); err != nil {
		return err
	}
	s.last = gen
	return nil
}

type saveTickMsg struct{ sessionID uint64 }

type savedMsg struct {
	sessionID uint64
	change    store.Change
	err       error
}

// dirty is what has changed in a session since the last save.
type dirty struct {
	session     bool
	notes       map[string]bool
	requests    map[uint64]bool
	commitments map[uint64]bool
}

func (d *dirty) empty() bool {
	return !d.session && len(d.notes) == 0 && len(d.requests) == 0 && len(d.commitments) == 0
}

func (d *dirty) note(k string) {
	if d.notes == nil {
		d.notes = map[string]bool{}
	}
	d.notes[k] = true
}

func (d *dirty) request(id uint64) {
	if d.requests == nil {
		d.requests = map[uint64]bool{}
	}
	d.requests[id] = true
}

func (d *dirty) commitment(id uint64) {
	if d.commitments == nil {
		d.commitments = map[uint64]bool{}
	}
	d.commitments[id] = true
}

// merge marks everything in a failed change dirty again, so a retry
// writes it.
func (d *dirty) merge(c store.Change) {
	if c.Session != nil {
		d.session = true
	}
	for _, n := range c.Notes {
		d.note(n.Key)
	}
	for _, r := range c.Requests {
		d.request(r.ID)
	}
	for _, c := range c.Commitments {
		d.commitment(c.ID)
	}
}

// changeOf copies what is dirty out of a record into a change, so the write
// can run on another goroutine while the UI goes on editing the record.
func changeOf(rec *store.Record, d dirty) store.Change {
	c := store.Change{SessionID: rec.Session.ID}
	if d.session {
		s := copySession(rec.Session)
		c.Session = &s
	}
	for _, k := range sortedKeys(d.notes) {
		if n, ok := rec.Notes[k]; ok {
			c.Notes = append(c.Notes, n)
		}
	}
	for _, r := range rec.Requests {
		if d.requests[r.ID] {
			c.Requests = append(c.Requests, r)
		}
	}
	for _, m := range rec.Commitments {
		if d.commitments[m.ID] {
			c.Commitments = append(c.Commitments, m)
		}
	}
	return c
}

// fullChange is the whole record as a change: what the final flush writes.
func fullChange(rec *store.Record) store.Change {
	s := copySession(rec.Session)
	c := store.Change{SessionID: rec.Session.ID, Session: &s}
	for _, k := range sortedKeys(rec.Notes) {
		c.Notes = append(c.Notes, rec.Notes[k])
	}
	c.Requests = append(c.Requests, rec.Requests...)
	c.Commitments = append(c.Commitments, rec.Commitments...)
	return c
}

func copySession(s store.Session) store.Session {
	s.Prayed = maps.Clone(s.Prayed)
	s.Spent = maps.Clone(s.Spent)
	s.Budget = maps.Clone(s.Budget)
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// saveCmd writes a change off the UI goroutine.
func saveCmd(s *Saver, c store.Change) tea.Cmd {
	gen := s.next()
	return guard(func() tea.Msg {
		return savedMsg{sessionID: c.SessionID, change: c, err: s.write(gen, c)}
	})
}

// Flush writes a whole record now, on the calling goroutine. vigil calls it
// after the program has ended (quit, SIGTERM, SIGHUP), never from Update.
func (s *Saver) Flush(rec *store.Record) error {
	if rec == nil || rec.Session.ID == 0 {
		return nil
	}
	return s.write(s.next(), fullChange(rec))
}
