package tui

import (
	"slices"
	"testing"
	"time"

	"vigil/session"
	"vigil/store"
)

// TestRevisitEarlierRequests: week one leaves three requests (one
// private); week two of the same group opens with them, prays one again,
// marks one answered with a line, archives none, and the changes reach the
// week-one session in the store.
func TestRevisitEarlierRequests(t *testing.T) {
	gw := secondMeeting(t, tinyGuide(), func(store.Session) store.Change {
		return store.Change{Requests: []store.Request{
			{ID: 1, Text: "for Ana's mother", Name: "Ana", Prayed: true},
			{ID: 2, Text: "for a new job", Name: "Ben"},
			{ID: 3, Text: "PRIVATE-CARRY", Private: true},
		}}
	})
	st, g, id1, week2 := gw.st, gw.week2.Guide, gw.week1.Record.Session.ID, gw.week2
	a := gw.app(t, 100, 30)

	a = drive(t, a, keyMsg("right"))
	if a.session.page().Key != session.KeyRevisit {
		t.Fatalf("the page after the content note is %q", a.session.page().Key)
	}
	v := viewText(a)
	mustContain(t, v, "Requests from earlier meetings", "for Ana's mother — Ana", "prayed in 1 session", "for a new job")
	mustNotContain(t, v, "PRIVATE-CARRY")

	a = drive(t, a, keyMsg("p"))    // Ana's mother: still praying
	a = drive(t, a, keyMsg("down")) // the new job
	a = drive(t, a, keyMsg("y"))
	a = drive(t, a, typeText("started on Monday")...)
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, viewText(a), "answered: started on Monday")
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), "PRIVATE-CARRY")
	a = drive(t, a, keyMsg("down"), keyMsg("x"))

	rec := load(t, st, id1)
	uid2 := week2.Record.Session.UID
	byID := map[uint64]store.Request{}
	for _, r := range rec.Requests {
		byID[r.ID] = r
	}
	if r := byID[1]; !slices.Contains(r.PrayedIn, uid2) || r.TimesPrayed() != 2 || r.Status != "" {
		t.Errorf("request 1 after week two: %+v", r)
	}
	if r := byID[2]; r.Status != store.RequestAnswered || r.Answer != "started on Monday" || r.ClosedAt.IsZero() {
		t.Errorf("request 2 after week two: %+v", r)
	}
	if r := byID[3]; r.Status != store.RequestArchived {
		t.Errorf("request 3 after week two: %+v", r)
	}

	// Week three sees only what is still open.
	week3, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock().Add(14 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	msg := loadCarry(st, week3.Record.Session)().(carryMsg)
	if len(msg.carry.Requests) != 1 || msg.carry.Requests[0].Request.ID != 1 {
		t.Errorf("week three carries %+v", msg.carry.Requests)
	}
}

// TestNoRevisitWithoutEarlierRequests: a group's first meeting has no
// revisit step at all.
func TestNoRevisitWithoutEarlierRequests(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, loadCarry(st, a.session.meet.Rec.Session)())
	if session.IndexOf(a.session.meet.Pages, session.KeyRevisit) != 0 || a.session.meet.Pages[1].Key == session.KeyRevisit {
		t.Errorf("pages %v", keysOf(a.session.meet.Pages))
	}
}

// TestRevisitLastMeetingsCommitments: week one takes on two commitments;
// week two's revisit step lists them after the requests, d marks one done
// and l lets the other go, and both actions are week two's record
// (Session.Revisited), not week one's.
func TestRevisitLastMeetingsCommitments(t *testing.T) {
	gw := secondMeeting(t, tinyGuide(), func(store.Session) store.Change {
		return store.Change{Commitments: []store.Commitment{
			{ID: 1, Text: "call the helpline together", Name: "Ben", Created: fixedClock()},
			{ID: 2, Text: "read the report", Created: fixedClock()},
		}}
	})
	st, week1, week2, id1 := gw.st, gw.week1, gw.week2, gw.week1.Record.Session.ID
	a := gw.app(t, 100, 30)
	a = drive(t, a, keyMsg("right"))
	if a.session.page().Key != session.KeyRevisit {
		t.Fatalf("the page after the content note is %q", a.session.page().Key)
	}
	v := viewText(a)
	mustContain(t, v, "Commitments from last time", "call the helpline together — Ben", "read the report",
		"c kept going • d done • l let go") // the footer's keys, for the selected row

	a = drive(t, a, keyMsg("d"), keyMsg("down"), keyMsg("l"))
	mustContain(t, viewText(a), "done", "let go")

	id2 := week2.Record.Session.ID
	got := map[uint64]store.Action{}
	for _, rv := range load(t, st, id2).Session.Revisited {
		if rv.Item != store.ItemCommitment || rv.SessionUID != week1.Record.Session.UID {
			t.Errorf("week two revisited %+v", rv)
		}
		got[rv.ItemID] = rv.Action
	}
	if got[1] != store.ActionDone || got[2] != store.ActionLetGo || len(got) != 2 {
		t.Errorf("week two's record of last week's commitments: %v", got)
	}
	if rv := load(t, st, id1).Session.Revisited; len(rv) != 0 {
		t.Errorf("week one's record changed: %+v", rv)
	}
	// d again takes it back.
	a = drive(t, a, keyMsg("up"), keyMsg("d"))
	if rv := load(t, st, id2).Session.Revisited; len(rv) != 1 || rv[0].ItemID != 2 {
		t.Errorf("after d again, week two revisited %+v", rv)
	}
}

// TestRevisitSaysPrivateRequests: the shared view's revisit step says
// that private requests were carried, in the words of the requests page
// and the prayer list, without showing them; the leader's view shows
// them instead. When every carried request is private, the step does not
// say there are none.
func TestRevisitSaysPrivateRequests(t *testing.T) {
	private := privateRequests(1) // "1 private request (leader's view)"
	ben := store.Request{ID: 1, Text: "for a new job", Name: "Ben"}
	secret := store.Request{ID: 2, Text: "PRIVATE-CARRY", Private: true}
	report := []store.Commitment{{ID: 1, Text: "read the report", Created: fixedClock()}}
	for _, c := range []struct {
		name        string
		requests    []store.Request
		commitments []store.Commitment
		shows       []string
	}{
		{"with others", []store.Request{ben, secret}, report, []string{"for a new job", private, "read the report"}},
		{"no commitments", []store.Request{ben, secret}, nil, []string{"for a new job", private}},
		{"only private", []store.Request{secret}, report, []string{"No open requests for the room", private, "read the report"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := secondMeeting(t, tinyGuide(), func(store.Session) store.Change {
				return store.Change{Requests: c.requests, Commitments: c.commitments}
			}).app(t, 100, 30)
			a = goTo(t, a, session.KeyRevisit)
			shared := pageLines(t, a)
			mustContain(t, shared, c.shows...)
			mustNotContain(t, shared, "PRIVATE-CARRY", "No open requests from earlier meetings of this group")
			leader := pageLines(t, drive(t, a, keyMsg("tab")))
			mustContain(t, leader, "PRIVATE-CARRY")
			mustNotContain(t, leader, private)
		})
	}
}
