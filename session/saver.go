package session

import (
	"errors"
	"slices"
	"time"

	"sync"

	"vigil/store"
)

// Saver gathers a meeting's changes and writes them to the store. Front
// ends Queue what each change function returns (cheap, no I/O: safe on a
// UI goroutine) and call Save from off that goroutine (the screens from a
// command a moment later, so that a burst of typing is one write). Saves
// go one at a time. A failed save keeps its changes queued under any newer
// ones, so the next Save tries them again. Close writes the final changes
// and closes the saver to saves still in flight, which are older.
type Saver struct {
	st *store.Store

	mu      sync.Mutex // guards pending
	pending []store.Change

	wmu    sync.Mutex // one write at a time; guards closed
	closed bool
}

// NewSaver wraps a store.
func NewSaver(st *store.Store) *Saver { return &Saver{st: st} }

// Queue adds changes to write, merged with those already waiting: a later
// note, request or header replaces an earlier one with the same key.
func (s *Saver) Queue(cs ...store.Change) {
	if len(cs) == 0 {
		return
	}
	s.mu.Lock()
	s.pending = Merge(s.pending, cs...)
	s.mu.Unlock()
}

// Pending reports whether anything waits to be written.
func (s *Saver) Pending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending) > 0
}

// Save writes what is waiting. On failure what it took stays queued
// (under anything newer) and the error is returned.
func (s *Saver) Save() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return nil
	}
	s.mu.Lock()
	cs := s.pending
	s.pending = nil
	s.mu.Unlock()
	if err := s.apply(cs); err != nil {
		s.mu.Lock()
		s.pending = Merge(cs, s.pending...)
		s.mu.Unlock()
		return err
	}
	return nil
}

// Close writes the final changes, with anything still queued under them,
// on the calling goroutine, and closes the saver: a save still in flight
// is older, so it writes nothing. Front ends call it once the program has
// ended (quit, SIGTERM, SIGHUP, a panic), never from a UI goroutine.
//
// When the write fails, what was not written goes to a recovery file
// beside the database (or in the temporary folder; see WriteRecovery), and
// recovery is its path: the front end prints it. err is then the write's
// error, joined with the recovery file's own if that could not be written
// either (recovery is then "").
func (s *Saver) Close(final ...store.Change) (recovery string, err error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.closed = true
	s.mu.Lock()
	cs := Merge(s.pending, final...)
	s.pending = nil
	s.mu.Unlock()
	done, err := s.applyCount(cs)
	if err == nil {
		return "", nil
	}
	recovery, rerr := WriteRecovery(s.st.Path(), cs[done:], err, time.Now())
	return recovery, errors.Join(err, rerr)
}

// Apply writes changes at once, in order: for front ends with no UI
// goroutine to keep responsive (plain mode).
func (s *Saver) Apply(cs ...store.Change) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.apply(cs)
}

func (s *Saver) apply(cs []store.Change) error {
	_, err := s.applyCount(cs)
	return err
}

// applyCount writes changes in order and returns how many were written
// before the first that failed.
func (s *Saver) applyCount(cs []store.Change) (int, error) {
	for i, c := range cs {
		if c.SessionID == 0 || c.Empty() {
			continue
		}
		if err := s.st.Apply(c); err != nil {
			return i, err
		}
	}
	return len(cs), nil
}

// Merge folds changes into a list of changes, one per session in the
// order sessions first appear: a later header replaces an earlier one, and
// a later note, request or commitment replaces one with the same key or
// ID. A removal drops an earlier upsert of the same item; an upsert after
// a removal cancels the removal.
func Merge(into []store.Change, cs ...store.Change) []store.Change {
	// Each change's lists are copied too: merging deletes and appends in
	// place, which must not reach the caller's changes (or the result of
	// another Merge into the same list) through a shared backing array.
	out := make([]store.Change, len(into), len(into)+len(cs))
	for i, c := range into {
		c.Notes = slices.Clone(c.Notes)
		c.Requests = slices.Clone(c.Requests)
		c.Commitments = slices.Clone(c.Commitments)
		c.RemoveRequests = slices.Clone(c.RemoveRequests)
		c.RemoveCommitments = slices.Clone(c.RemoveCommitments)
		out[i] = c
	}
	for _, c := range cs {
		i := slices.IndexFunc(out, func(o store.Change) bool { return o.SessionID == c.SessionID })
		if i < 0 {
			out = append(out, store.Change{SessionID: c.SessionID})
			i = len(out) - 1
		}
		out[i] = mergeOne(out[i], c)
	}
	return out
}

func mergeOne(a, b store.Change) store.Change {
	if b.Session != nil {
		s := copySession(*b.Session)
		a.Session = &s
	}
	a.Notes = upsert(a.Notes, b.Notes, func(n store.Note) string { return n.Key })
	a.Requests = upsert(a.Requests, b.Requests, func(r store.Request) uint64 { return r.ID })
	a.Commitments = upsert(a.Commitments, b.Commitments, func(c store.Commitment) uint64 { return c.ID })
	a.RemoveRequests = without(a.RemoveRequests, b.Requests, func(r store.Request) uint64 { return r.ID })
	a.RemoveCommitments = without(a.RemoveCommitments, b.Commitments, func(c store.Commitment) uint64 { return c.ID })
	for _, id := range b.RemoveRequests {
		a.Requests = slices.DeleteFunc(a.Requests, func(r store.Request) bool { return r.ID == id })
		if !slices.Contains(a.RemoveRequests, id) {
			a.RemoveRequests = append(a.RemoveRequests, id)
		}
	}
	for _, id := range b.RemoveCommitments {
		a.Commitments = slices.DeleteFunc(a.Commitments, func(c store.Commitment) bool { return c.ID == id })
		if !slices.Contains(a.RemoveCommitments, id) {
			a.RemoveCommitments = append(a.RemoveCommitments, id)
		}
	}
	return a
}

// upsert replaces items of a with those of b that have the same key, and
// appends the rest, keeping order.
func upsert[T any, K comparable](a, b []T, key func(T) K) []T {
	if len(b) == 0 {
		return a
	}
	out := slices.Clone(a)
	for _, x := range b {
		if i := slices.IndexFunc(out, func(y T) bool { return key(y) == key(x) }); i >= 0 {
			out[i] = x
		} else {
			out = append(out, x)
		}
	}
	return out
}

// without drops from ids those that items upsert again.
func without[T any](ids []uint64, items []T, key func(T) uint64) []uint64 {
	if len(ids) == 0 || len(items) == 0 {
		return ids
	}
	return slices.DeleteFunc(slices.Clone(ids), func(id uint64) bool {
		return slices.ContainsFunc(items, func(x T) bool { return key(x) == id })
	})
}
