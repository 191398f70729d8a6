package plain

import (
	"fmt"
	"strings"

	"vigil/session"
	"vigil/store"
)

// The revisit step lists what the group's earlier meetings left open, in
// one numbering: the requests first, then last time's commitments. What
// this meeting does with each is session.Meeting's to record, in this
// meeting's own record as well as on the request.

// carried are the revisit step's items as numbered: indexes into
// Carry.Requests, then into Carry.Commitments.
func (r *run) carried() (reqs []int, commitments int) {
	return r.m.CarriedRequestsIn(session.Leader), len(r.m.Carry.Commitments)
}

// revisitLines lists the items, numbered, with what this meeting did with
// each so far.
func (r *run) revisitLines(line func(string)) {
	reqs, ncom := r.carried()
	if len(reqs) > 0 {
		line("Requests from earlier meetings")
	}
	for n, i := range reqs {
		c := r.m.Carry.Requests[i]
		state := fmt.Sprintf("open, added %s, prayed in %s", c.SessionCreated.Local().Format("2006-01-02"), session.Count(c.Request.TimesPrayed(), "session", "sessions"))
		if rv, ok := r.m.RevisitAction(store.ItemRequest, c.SessionUID, c.Request.ID); ok {
			state = actionText(rv) + " tonight"
		}
		line(fmt.Sprintf("%d. %s (%s)", n+1, requestLine(c.Request), state))
	}
	if ncom > 0 {
		line("Commitments from last time")
	}
	for i, c := range r.m.Carry.Commitments {
		state := "not yet revisited"
		if rv, ok := r.m.RevisitAction(store.ItemCommitment, c.SessionUID, c.Commitment.ID); ok {
			state = actionText(rv) + " tonight"
		}
		line(fmt.Sprintf("%d. %s (%s)", len(reqs)+i+1, itemLine(c.Commitment.Text, c.Commitment.Name), state))
	}
}

// actionText says what this meeting did with an item, and how a request
// was answered.
func actionText(rv store.Revisit) string {
	s := "marked " + session.ActionWords(rv.Action)
	if rv.Answer != "" {
		s += ": " + rv.Answer
	}
	return s
}

// requestActions and commitmentActions are the revisit letters.
var (
	requestActions = map[string]store.Action{
		"s": store.ActionPraying, "y": store.ActionAnswered, "x": store.ActionArchived}
	commitmentActions = map[string]store.Action{
		"k": store.ActionOngoing, "d": store.ActionDone, "l": store.ActionLetGo}
)

// revisit acts on item n with a letter: s, y (with how, which keeps the
// case it was typed in) or x for a request; k, d or l for a commitment.
func (r *run) revisit(letter string, n int, how string) error {
	reqs, ncom := r.carried()
	if n < 1 || n > len(reqs)+ncom {
		r.say("There is no item %d; the list has %d.", n, len(reqs)+ncom)
		return nil
	}
	how = strings.TrimSpace(how)
	if how != "" && letter != "y" {
		r.say("Only y takes words after the number: how the request was answered.")
		return nil
	}
	now := r.now()
	if n <= len(reqs) {
		action, ok := requestActions[letter]
		if !ok {
			r.say("%d is a request: s %d still praying, y %d answered, x %d archive.", n, n, n, n)
			return nil
		}
		c := r.m.Carry.Requests[reqs[n-1]]
		if err := r.apply(r.m.RevisitRequest(reqs[n-1], action, how, now)); err != nil {
			return err
		}
		r.saidAction("Request", n, store.ItemRequest, c.SessionUID, c.Request.ID)
		return nil
	}
	i := n - len(reqs) - 1
	action, ok := commitmentActions[letter]
	if !ok {
		r.say("%d is a commitment: k %d kept going, d %d done, l %d let go.", n, n, n, n)
		return nil
	}
	c := r.m.Carry.Commitments[i]
	if err := r.apply(r.m.RevisitCommitment(i, action, now)); err != nil {
		return err
	}
	r.saidAction("Commitment", n, store.ItemCommitment, c.SessionUID, c.Commitment.ID)
	return nil
}

// saidAction says what item n now stands at: the same command twice takes
// it back.
func (r *run) saidAction(noun string, n int, kind store.ItemKind, uid string, id uint64) {
	if rv, ok := r.m.RevisitAction(kind, uid, id); ok {
		r.say("%s %d %s. saved.", noun, n, actionText(rv))
		return
	}
	r.say("%s %d: taken back, nothing marked tonight. saved.", noun, n)
}
