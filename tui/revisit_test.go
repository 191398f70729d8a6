package tui

import (
	"slices"
	"testing"
	"time"

	"vigil/guides"
	"vigil/store"
)

// TestRevisitEarlierRequests: week one leaves three requests (one
// private); week two of the same group opens with them, prays one again,
// marks one answered with a line, archives none, and the changes reach the
// week-one session in the store.
func TestRevisitEarlierRequests(t *testing.T) {
	st := openTestStore(t)
	g := tinyGuide()
	week1, err := NewSession(st, g, "Thursday group", "", fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	id1 := week1.Record.Session.ID
	err = st.Apply(store.Change{SessionID: id1, Requests: []store.Request{
		{ID: 1, Text: "for Ana's mother", Name: "Ana", Prayed: true},
		{ID: 2, Text: "for a new job", Name: "Ben"},
		{ID: 3, Text: "PRIVATE-CARRY", Private: true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	week2, err := NewSession(st, g, "thursday group", "", fixedClock().Add(7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: week2})
	a = drive(t, a, sizeMsg(100, 30), loadCarry(st, week2.Record.Session)())

	a = drive(t, a, keyMsg("right"))
	if a.session.page().Key != keyRevisit {
		t.Fatalf("the page after the content note is %q", a.session.page().Key)
	}
	v := a.View()
	mustContain(t, v, "Requests from earlier meetings", "for Ana's mother — Ana", "prayed in 1 session(s)", "for a new job")
	mustNotContain(t, v, "PRIVATE-CARRY")

	a = drive(t, a, keyMsg("p"))    // Ana's mother: still praying
	a = drive(t, a, keyMsg("down")) // the new job
	a = drive(t, a, keyMsg("y"))
	a = drive(t, a, typeText("started on Monday")...)
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, a.View(), "answered: started on Monday")
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, a.View(), "PRIVATE-CARRY")
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
	week3, err := NewSession(st, g, "Thursday group", "", fixedClock().Add(14*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	msg := loadCarry(st, week3.Record.Session)().(carryMsg)
	if len(msg.items) != 1 || msg.items[0].Request.ID != 1 {
		t.Errorf("week three carries %+v", msg.items)
	}
}

// TestNoRevisitWithoutEarlierRequests: a group's first meeting has no
// revisit step at all.
func TestNoRevisitWithoutEarlierRequests(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, loadCarry(st, a.session.rec.Session)())
	if indexOf(a.session.pages, keyRevisit) != 0 || a.session.pages[1].Key == keyRevisit {
		t.Errorf("pages %v", keysOf(a.session.pages))
	}
}
