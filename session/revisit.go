package session

import (
	"slices"
	"sort"
	"strings"
	"time"

	"vigil/store"
)

// The revisit step: what the group's earlier meetings left open. A request
// can be prayed again, marked answered or archived; a commitment kept
// going, marked done or let go. Each action is written twice: on the
// request in the meeting it was made in (its history), and in this
// meeting's Revisited list (what this meeting did). The same action again
// takes it back.

// CarriedRequestsIn are the indexes into Carry.Requests a view may show.
func (m *Meeting) CarriedRequestsIn(v View) []int {
	var out []int
	for i, r := range m.Carry.Requests {
		if v.ShowsRequest(r.Request) {
			out = append(out, i)
		}
	}
	return out
}

// RevisitAction is what this meeting did with a carried item; "" for
// nothing yet.
func (m *Meeting) RevisitAction(kind store.ItemKind, uid string, id uint64) (store.Revisit, bool) {
	i := m.revisitIndex(kind, uid, id)
	if i < 0 {
		return store.Revisit{}, false
	}
	return m.Rec.Session.Revisited[i], true
}

func (m *Meeting) revisitIndex(kind store.ItemKind, uid string, id uint64) int {
	return slices.IndexFunc(m.Rec.Session.Revisited, func(rv store.Revisit) bool {
		return rv.Item == kind && rv.SessionUID == uid && rv.ItemID == id
	})
}

// setAction sets this meeting's action on an item, or, with the same
// action again, takes it back. It returns the action before, if any, and
// whether the new one is now set.
func (m *Meeting) setAction(rv store.Revisit) (prev store.Revisit, had, set bool) {
	s := &m.Rec.Session
	s.Revisited = slices.Clone(s.Revisited)
	i := m.revisitIndex(rv.Item, rv.SessionUID, rv.ItemID)
	if i >= 0 {
		prev, had = s.Revisited[i], true
		s.Revisited = slices.Delete(s.Revisited, i, i+1)
	}
	// The same action again takes it back, except a new line on how a
	// request was answered, which corrects the old one.
	if had && prev.Action == rv.Action && !(rv.Action == store.ActionAnswered && rv.Answer != "" && rv.Answer != prev.Answer) {
		return prev, had, false
	}
	s.Revisited = append(s.Revisited, rv)
	return prev, had, true
}

// RevisitRequest acts on carried request i (an index into Carry.Requests):
// ActionPraying, ActionAnswered (with how, optional) or ActionArchived.
// The same action again takes it back.
func (m *Meeting) RevisitRequest(i int, action store.Action, answer string, now time.Time) []store.Change {
	if i < 0 || i >= len(m.Carry.Requests) {
		return nil
	}
	m.Carry.Requests = slices.Clone(m.Carry.Requests)
	item := &m.Carry.Requests[i]
	r := item.Request
	uid := m.Rec.Session.UID
	rv := store.Revisit{Item: store.ItemRequest, SessionUID: item.SessionUID, ItemID: r.ID,
		Text: r.Text, Name: r.Name, Private: r.Private, Action: action, Answer: strings.TrimSpace(answer), At: now}
	if action != store.ActionAnswered {
		rv.Answer = ""
	}
	prev, had, set := m.setAction(rv)
	// Undo what this meeting did to the request before, then do the new.
	r.PrayedIn = slices.DeleteFunc(slices.Clone(r.PrayedIn), func(u string) bool { return u == uid })
	if had && prev.Action != store.ActionPraying {
		r.Status, r.Answer, r.ClosedAt = "", "", time.Time{}
	}
	if set {
		switch action {
		case store.ActionPraying:
			r.PrayedIn = append(r.PrayedIn, uid)
		case store.ActionAnswered:
			r.Status, r.Answer, r.ClosedAt = store.RequestAnswered, rv.Answer, now
		case store.ActionArchived:
			r.Status, r.ClosedAt = store.RequestArchived, now
		}
	}
	if len(r.PrayedIn) == 0 {
		r.PrayedIn = nil
	}
	item.Request = r
	if m.touched == nil {
		m.touched = map[uint64]map[uint64]bool{}
	}
	if m.touched[item.SessionID] == nil {
		m.touched[item.SessionID] = map[uint64]bool{}
	}
	m.touched[item.SessionID][r.ID] = true
	return []store.Change{m.header(), {SessionID: item.SessionID, Requests: []store.Request{r}}}
}

// RevisitCommitment acts on carried commitment i (an index into
// Carry.Commitments): ActionOngoing, ActionDone or ActionLetGo. The
// commitment itself is not changed: what became of it is this meeting's
// record.
func (m *Meeting) RevisitCommitment(i int, action store.Action, now time.Time) []store.Change {
	if i < 0 || i >= len(m.Carry.Commitments) {
		return nil
	}
	c := m.Carry.Commitments[i]
	m.setAction(store.Revisit{Item: store.ItemCommitment, SessionUID: c.SessionUID, ItemID: c.Commitment.ID,
		Text: c.Commitment.Text, Name: c.Commitment.Name, Action: action, At: now})
	return []store.Change{m.header()}
}

// earlierChanges are the writes for requests of earlier sessions, one
// change per session, in session order.
func (m *Meeting) earlierChanges(set map[uint64]map[uint64]bool) []store.Change {
	ids := make([]uint64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var out []store.Change
	for _, id := range ids {
		c := store.Change{SessionID: id}
		for _, r := range m.Carry.Requests {
			if r.SessionID == id && set[id][r.Request.ID] {
				c.Requests = append(c.Requests, r.Request)
			}
		}
		out = append(out, c)
	}
	return out
}
