package session

import (
	"slices"
	"strings"
	"time"

	"vigil/store"
)

// Carry is what a group's earlier meetings left open for this one: the
// requests still open (or revisited by this meeting), and the last
// meeting's commitments.
type Carry struct {
	Requests    []store.GroupRequest
	Commitments []CarriedCommitment
	// FollowUp is the leader's private note on the last meeting's debrief:
	// who may need a follow-up. Only the leader's view shows it (see
	// Meeting.FollowUp); it is not something to revisit with the group.
	FollowUp string
}

// Empty reports whether there is nothing to revisit with the group. The
// leader's follow-up note does not count: the revisit step is shared.
func (c Carry) Empty() bool { return len(c.Requests) == 0 && len(c.Commitments) == 0 }

// CarriedCommitment is a commitment of an earlier meeting of the group.
type CarriedCommitment struct {
	SessionUID     string
	SessionCreated time.Time
	Commitment     store.Commitment
}

// LoadCarry reads what a session of a group revisits: the requests of the
// group's other sessions still open, or revisited in this one; and the
// commitments of its last meeting, with those that meeting kept going. It
// reads the store: front ends call it off their UI goroutine.
func LoadCarry(st *store.Store, s store.Session) (Carry, error) {
	var c Carry
	if strings.TrimSpace(s.Group) == "" {
		return c, nil
	}
	all, err := st.GroupRequests(s.Group)
	if err != nil {
		return c, err
	}
	for _, r := range all {
		if r.SessionID != s.ID && (r.Request.Status == "" || slices.Contains(r.Request.PrayedIn, s.UID) || revisitedHere(s, store.ItemRequest, r.SessionUID, r.Request.ID)) {
			c.Requests = append(c.Requests, r)
		}
	}
	prev, found, err := st.PreviousInGroup(s.Group, s)
	if err != nil || !found {
		return c, err
	}
	c.FollowUp = prev.Notes[KeyDebrief+LeaderSuffix].Text
	for _, cm := range prev.Commitments {
		c.Commitments = append(c.Commitments, CarriedCommitment{SessionUID: prev.Session.UID, SessionCreated: prev.Session.Created, Commitment: cm})
	}
	for _, rv := range prev.Session.Revisited {
		if rv.Item == store.ItemCommitment && rv.Action == store.ActionOngoing {
			c.Commitments = append(c.Commitments, CarriedCommitment{
				SessionUID: rv.SessionUID,
				Commitment: store.Commitment{ID: rv.ItemID, Text: rv.Text, Name: rv.Name},
			})
		}
	}
	return c, nil
}

// revisitedHere reports whether session s has revisited an item.
func revisitedHere(s store.Session, kind store.ItemKind, uid string, id uint64) bool {
	return slices.ContainsFunc(s.Revisited, func(rv store.Revisit) bool {
		return rv.Item == kind && rv.SessionUID == uid && rv.ItemID == id
	})
}
