package session

import (
	"maps"
	"slices"
	"strings"
	"time"

	"vigil/store"
)

// The group's own requests and the commitments: each change is one
// function. Items are named by ID, never by their place in a list, since
// a list shows different items in different views.

// RequestsIn are the group's requests a view may show, in order.
func (m *Meeting) RequestsIn(v View) []store.Request {
	var out []store.Request
	for _, r := range m.Rec.Requests {
		if v.ShowsRequest(r) {
			out = append(out, r)
		}
	}
	return out
}

// Request returns the group's request with an ID.
func (m *Meeting) Request(id uint64) (store.Request, bool) {
	i := slices.IndexFunc(m.Rec.Requests, func(r store.Request) bool { return r.ID == id })
	if i < 0 {
		return store.Request{}, false
	}
	return m.Rec.Requests[i], true
}

// AddRequest adds one of the group's own requests. Empty text adds
// nothing, nor does text over MaxText: AddRequestChecked says so, and
// front ends call it instead.
func (m *Meeting) AddRequest(text, name string, private bool, now time.Time) (store.Request, []store.Change) {
	r, cs, _ := m.AddRequestChecked(text, name, private, now)
	return r, cs
}

func (m *Meeting) addRequest(text, name string, private bool, now time.Time) (store.Request, []store.Change) {
	text, name = strings.TrimSpace(text), strings.TrimSpace(name)
	if text == "" {
		return store.Request{}, nil
	}
	r := store.Request{ID: m.Rec.NextRequestID(), Text: text, Name: name, Private: private, Created: now}
	m.Rec.Requests = append(m.Rec.Requests, r)
	return r, []store.Change{{SessionID: m.ID(), Requests: []store.Request{r}}}
}

// EditRequest changes a request's text, name and privacy. Empty text
// changes nothing: removing is RemoveRequest, which asks first. Text over
// MaxText changes nothing, and the error (a *TooLongError) says so.
func (m *Meeting) EditRequest(id uint64, text, name string, private bool) ([]store.Change, error) {
	text, name = strings.TrimSpace(text), strings.TrimSpace(name)
	if err := tooLongItem("request", text, name); err != nil {
		return nil, err
	}
	return m.changeRequest(id, func(r *store.Request) bool {
		if text == "" {
			return false
		}
		r.Text, r.Name, r.Private = text, name, private
		return true
	}), nil
}

// SetRequestPrivate makes a request private, or for the room.
func (m *Meeting) SetRequestPrivate(id uint64, private bool) []store.Change {
	return m.changeRequest(id, func(r *store.Request) bool {
		r.Private = private
		return true
	})
}

// ToggleRequestPrayed marks a request prayed, or not.
func (m *Meeting) ToggleRequestPrayed(id uint64) []store.Change {
	return m.changeRequest(id, func(r *store.Request) bool {
		r.Prayed = !r.Prayed
		return true
	})
}

func (m *Meeting) changeRequest(id uint64, fn func(*store.Request) bool) []store.Change {
	i := slices.IndexFunc(m.Rec.Requests, func(r store.Request) bool { return r.ID == id })
	if i < 0 {
		return nil
	}
	r := m.Rec.Requests[i]
	if !fn(&r) {
		return nil
	}
	m.Rec.Requests = slices.Clone(m.Rec.Requests)
	m.Rec.Requests[i] = r
	return []store.Change{{SessionID: m.ID(), Requests: []store.Request{r}}}
}

// RemoveRequest deletes a request of the group's for good.
func (m *Meeting) RemoveRequest(id uint64) []store.Change {
	i := slices.IndexFunc(m.Rec.Requests, func(r store.Request) bool { return r.ID == id })
	if i < 0 {
		return nil
	}
	m.Rec.Requests = slices.Delete(slices.Clone(m.Rec.Requests), i, i+1)
	return []store.Change{{SessionID: m.ID(), RemoveRequests: []uint64{id}}}
}

// AddCommitment adds a next step someone takes on. Empty text adds
// nothing, nor does text over MaxText: AddCommitmentChecked says so, and
// front ends call it instead.
func (m *Meeting) AddCommitment(text, name string, now time.Time) (store.Commitment, []store.Change) {
	c, cs, _ := m.AddCommitmentChecked(text, name, now)
	return c, cs
}

func (m *Meeting) addCommitment(text, name string, now time.Time) (store.Commitment, []store.Change) {
	text, name = strings.TrimSpace(text), strings.TrimSpace(name)
	if text == "" {
		return store.Commitment{}, nil
	}
	c := store.Commitment{ID: m.Rec.NextCommitmentID(), Text: text, Name: name, Created: now}
	m.Rec.Commitments = append(m.Rec.Commitments, c)
	return c, []store.Change{{SessionID: m.ID(), Commitments: []store.Commitment{c}}}
}

// EditCommitment changes a commitment's text and who took it on. Text
// over MaxText changes nothing, and the error (a *TooLongError) says so.
func (m *Meeting) EditCommitment(id uint64, text, name string) ([]store.Change, error) {
	text, name = strings.TrimSpace(text), strings.TrimSpace(name)
	if err := tooLongItem("commitment", text, name); err != nil {
		return nil, err
	}
	i := slices.IndexFunc(m.Rec.Commitments, func(c store.Commitment) bool { return c.ID == id })
	if i < 0 || text == "" {
		return nil, nil
	}
	c := m.Rec.Commitments[i]
	c.Text, c.Name = text, name
	m.Rec.Commitments = slices.Clone(m.Rec.Commitments)
	m.Rec.Commitments[i] = c
	return []store.Change{{SessionID: m.ID(), Commitments: []store.Commitment{c}}}, nil
}

// RemoveCommitment deletes a commitment for good.
func (m *Meeting) RemoveCommitment(id uint64) []store.Change {
	i := slices.IndexFunc(m.Rec.Commitments, func(c store.Commitment) bool { return c.ID == id })
	if i < 0 {
		return nil
	}
	m.Rec.Commitments = slices.Delete(slices.Clone(m.Rec.Commitments), i, i+1)
	return []store.Change{{SessionID: m.ID(), RemoveCommitments: []uint64{id}}}
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
