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

// Saver writes a TUI's changes to the store. Saves go one at a time (the
// session screen waits for savedMsg before it sends the next). The final
// flush, when the program has ended, writes everything the screen still
// holds; a save still in flight then is older, so once flushed the saver
// drops any write that comes after.
type Saver struct {
	st   *store.Store
	mu   sync.Mutex
	done bool
}

// NewSaver wraps a store.
func NewSaver(st *store.Store) *Saver { return &Saver{st: st} }

// write applies changes in order, unless the final flush has happened.
func (s *Saver) write(cs []store.Change) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return nil
	}
	return s.apply(cs)
}

func (s *Saver) apply(cs []store.Change) error {
	for _, c := range cs {
		if c.SessionID == 0 || c.Empty() {
			continue
		}
		if err := s.st.Apply(c); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes the final changes now, on the calling goroutine, and closes
// the saver to writes still in flight. vigil calls it after the program has
// ended (quit, SIGTERM, SIGHUP, a panic), never from Update.
func (s *Saver) Flush(cs []store.Change) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = true
	return s.apply(cs)
}

type saveTickMsg struct{ sessionID uint64 }

type savedMsg struct {
	sessionID uint64
	changes   []store.Change
	err       error
}

// dirty is what has changed in a session since the last save.
type dirty struct {
	session     bool
	notes       map[string]bool
	requests    map[uint64]bool
	commitments map[uint64]bool
	// others are requests of the group's earlier sessions changed in the
	// revisit step: session ID → request IDs.
	others map[uint64]map[uint64]bool
}

func (d *dirty) empty() bool {
	return !d.session && len(d.notes) == 0 && len(d.requests) == 0 && len(d.commitments) == 0 && len(d.others) == 0
}

func (d *dirty) other(sessionID, requestID uint64) {
	if d.others == nil {
		d.others = map[uint64]map[uint64]bool{}
	}
	if d.others[sessionID] == nil {
		d.others[sessionID] = map[uint64]bool{}
	}
	d.others[sessionID][requestID] = true
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

// merge marks everything in failed changes dirty again, so a retry writes
// it. The first change is the session's own; the rest are other sessions'.
func (d *dirty) merge(own uint64, cs []store.Change) {
	for _, c := range cs {
		if c.SessionID != own {
			for _, r := range c.Requests {
				d.other(c.SessionID, r.ID)
			}
			continue
		}
		if c.Session != nil {
			d.session = true
		}
		for _, n := range c.Notes {
			d.note(n.Key)
		}
		for _, r := range c.Requests {
			d.request(r.ID)
		}
		for _, m := range c.Commitments {
			d.commitment(m.ID)
		}
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

// saveCmd writes changes off the UI goroutine.
func saveCmd(s *Saver, sessionID uint64, cs []store.Change) tea.Cmd {
	return guard(func() tea.Msg {
		return savedMsg{sessionID: sessionID, changes: cs, err: s.write(cs)}
	})
}
