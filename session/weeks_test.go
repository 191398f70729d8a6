package session

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"vigil/store"
)

// TestThreeWeeksOfAGroup holds three meetings of one group on a real
// database: each week starts with the last one's attendance and length,
// revisits what it left open, and what a meeting does to an earlier
// request stays with that request as its history.
func TestThreeWeeksOfAGroup(t *testing.T) {
	st, clk := openStore(t)
	g := seed()
	const group = "Thursday group"

	// Week 1.
	w1t := day(5)
	clk.set(w1t)
	w1 := newMeeting(t, st, g, group, w1t)
	sv := NewSaver(st)
	_, cs := w1.AddRequest("for Ana's job", "Ana", false, w1t)
	sv.Queue(cs...)
	_, cs = w1.AddRequest("for my sister", "Ben", true, w1t)
	sv.Queue(cs...)
	_, cs = w1.AddCommitment("write to the MP", "Cy", w1t)
	sv.Queue(cs...)
	_, cs = w1.AddCommitment("give to IJM", "Dee", w1t)
	sv.Queue(cs...)
	sv.Queue(w1.SetAttendance("Ana, Ben")...)
	sv.Queue(w1.SetMeetingLength(45)...)
	if _, err := sv.Close(w1.Final(minutes(w1t, 90))...); err != nil {
		t.Fatalf("closing week 1: %v", err)
	}
	rec1 := load(t, st, w1.ID())
	if len(rec1.Requests) != 2 || len(rec1.Commitments) != 2 || rec1.Session.Attendance != "Ana, Ben" || BudgetTotal(rec1.Session.Budget) != 45 {
		t.Fatalf("week 1 stored %+v", rec1)
	}

	// Week 2 starts where week 1 ended.
	w2t := day(12)
	clk.set(w2t)
	w2 := newMeeting(t, st, g, " thursday GROUP", w2t)
	if w2.Rec.Session.Attendance != "Ana, Ben" || !reflect.DeepEqual(w2.Rec.Session.Budget, rec1.Session.Budget) || w2.MeetingLength() != 45 {
		t.Errorf("week 2 starts with attendance %q, budget %v", w2.Rec.Session.Attendance, w2.Rec.Session.Budget)
	}
	if s := load(t, st, w2.ID()).Session; s.Attendance != "Ana, Ben" || BudgetTotal(s.Budget) != 45 {
		t.Errorf("week 2 stored attendance %q, budget %v", s.Attendance, s.Budget)
	}
	carry, err := LoadCarry(st, w2.Rec.Session)
	if err != nil {
		t.Fatal(err)
	}
	if texts := carriedRequests(carry); !reflect.DeepEqual(texts, []string{"for Ana's job", "for my sister"}) {
		t.Errorf("week 2 carries the requests %v", texts)
	}
	if texts := carriedCommitments(carry); !reflect.DeepEqual(texts, []string{"write to the MP", "give to IJM"}) {
		t.Errorf("week 2 carries the commitments %v", texts)
	}
	if carry.Commitments[0].SessionUID != rec1.Session.UID || carry.Requests[0].SessionID != w1.ID() {
		t.Errorf("carried items name their session: %+v", carry)
	}
	w2.TakeCarry(carry, nil)
	if w2.Pages[1].Kind != PageRevisit || w2.Pages[0].Kind != PageContentNote || w2.Page().Kind != PageContentNote {
		t.Errorf("week 2 pages %v, on %s", keysOf(w2.Pages[:3]), w2.Page().Key)
	}
	if got := w2.CarriedRequestsIn(Shared); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("the shared view lists carried requests %v", got)
	}

	sv = NewSaver(st)
	cs, _ = w2.MoveIn(Leader, 1, w2t)
	sv.Queue(cs...)
	sv.Queue(w2.RevisitRequest(0, store.ActionPraying, "", minutes(w2t, 1))...)
	sv.Queue(w2.RevisitRequest(1, store.ActionAnswered, "  she found work ", minutes(w2t, 2))...)
	sv.Queue(w2.RevisitCommitment(0, store.ActionDone, minutes(w2t, 3))...)
	sv.Queue(w2.RevisitCommitment(1, store.ActionOngoing, minutes(w2t, 4))...)
	_, cs = w2.AddCommitment("visit the shelter", "Ana", w2t)
	sv.Queue(cs...)
	if err := sv.Save(); err != nil {
		t.Fatal(err)
	}
	if sv.Pending() {
		t.Error("a save left changes waiting")
	}

	rec2 := load(t, st, w2.ID())
	want := []struct {
		item   store.ItemKind
		text   string
		action store.Action
		answer string
	}{
		{store.ItemRequest, "for Ana's job", store.ActionPraying, ""},
		{store.ItemRequest, "for my sister", store.ActionAnswered, "she found work"},
		{store.ItemCommitment, "write to the MP", store.ActionDone, ""},
		{store.ItemCommitment, "give to IJM", store.ActionOngoing, ""},
	}
	if len(rec2.Session.Revisited) != len(want) {
		t.Fatalf("week 2 revisited %+v", rec2.Session.Revisited)
	}
	for i, w := range want {
		rv := rec2.Session.Revisited[i]
		if rv.Item != w.item || rv.Text != w.text || rv.Action != w.action || rv.Answer != w.answer || rv.SessionUID != rec1.Session.UID {
			t.Errorf("revisit %d: %+v, want %+v", i, rv, w)
		}
	}
	if !rec2.Session.Revisited[1].Private || rec2.Session.Revisited[1].Name != "Ben" {
		t.Errorf("the revisit of the private request: %+v", rec2.Session.Revisited[1])
	}
	// The request keeps its history, in the meeting it was made in.
	rec1 = load(t, st, w1.ID())
	if r := rec1.Requests[0]; !reflect.DeepEqual(r.PrayedIn, []string{rec2.Session.UID}) || r.Status != "" {
		t.Errorf("week 1's first request: %+v", r)
	}
	if r := rec1.Requests[1]; r.Status != store.RequestAnswered || r.Answer != "she found work" || !r.ClosedAt.Equal(minutes(w2t, 2)) || len(r.PrayedIn) != 0 {
		t.Errorf("week 1's second request: %+v", r)
	}

	// What each view says week 2 did.
	leader := revisitLines(Capture(rec2, g, Leader))
	for _, s := range []string{"for Ana's job · Ana · prayed again", "for my sister · Ben · private · answered: she found work",
		"write to the MP · Cy · done", "give to IJM · Dee · still going on"} {
		if !slices.Contains(leader, s) {
			t.Errorf("the leader's view lacks %q in %q", s, leader)
		}
	}
	shared := revisitLines(Capture(rec2, g, Shared))
	if len(shared) != 3 || strings.Contains(strings.Join(shared, "\n"), "sister") || strings.Contains(strings.Join(shared, "\n"), "found work") {
		t.Errorf("the shared view shows %q", shared)
	}

	// The same action again takes it back, in the request and in Revisited.
	cs = w2.RevisitRequest(1, store.ActionAnswered, "", minutes(w2t, 5))
	applyAll(t, st, cs)
	if r := load(t, st, w1.ID()).Requests[1]; r.Status != "" || r.Answer != "" || !r.ClosedAt.IsZero() {
		t.Errorf("taking the answer back left %+v", r)
	}
	if _, ok := w2.RevisitAction(store.ItemRequest, rec1.Session.UID, 2); ok || len(load(t, st, w2.ID()).Session.Revisited) != 3 {
		t.Errorf("taking the answer back left it in Revisited: %+v", load(t, st, w2.ID()).Session.Revisited)
	}
	applyAll(t, st, w2.RevisitRequest(0, store.ActionPraying, "", minutes(w2t, 6)))
	if r := load(t, st, w1.ID()).Requests[0]; len(r.PrayedIn) != 0 {
		t.Errorf("taking the prayer back left PrayedIn %v", r.PrayedIn)
	}
	// ...and again puts it back; then the meeting ends.
	applyAll(t, st, w2.RevisitRequest(0, store.ActionPraying, "", minutes(w2t, 7)))
	applyAll(t, st, w2.RevisitRequest(1, store.ActionAnswered, "she found work", minutes(w2t, 8)))
	// Changing one's mind from answered to praying reopens the request.
	applyAll(t, st, w2.RevisitRequest(1, store.ActionPraying, "", minutes(w2t, 9)))
	if r := load(t, st, w1.ID()).Requests[1]; r.Status != "" || !reflect.DeepEqual(r.PrayedIn, []string{rec2.Session.UID}) {
		t.Errorf("answered, then praying: %+v", r)
	}
	applyAll(t, st, w2.RevisitRequest(1, store.ActionAnswered, "she found work", minutes(w2t, 10)))
	if _, err := NewSaver(st).Close(w2.Final(minutes(w2t, 60))...); err != nil {
		t.Fatal(err)
	}
	rec1 = load(t, st, w1.ID())
	if rec1.Requests[1].Status != store.RequestAnswered || len(rec1.Requests[0].PrayedIn) != 1 || len(rec1.Requests[1].PrayedIn) != 0 {
		t.Errorf("week 1's requests after week 2: %+v", rec1.Requests)
	}

	// Week 3 revisits the commitment kept going and week 2's own, and no
	// longer the answered request.
	w3t := day(19)
	clk.set(w3t)
	w3 := newMeeting(t, st, g, group, w3t)
	carry, err = LoadCarry(st, w3.Rec.Session)
	if err != nil {
		t.Fatal(err)
	}
	if texts := carriedRequests(carry); !reflect.DeepEqual(texts, []string{"for Ana's job"}) {
		t.Errorf("week 3 carries the requests %v", texts)
	}
	if texts := carriedCommitments(carry); !reflect.DeepEqual(texts, []string{"visit the shelter", "give to IJM"}) {
		t.Errorf("week 3 carries the commitments %v", texts)
	}
	if c := carry.Commitments[1]; c.SessionUID != rec1.Session.UID || c.Commitment.ID != 2 || c.Commitment.Name != "Dee" {
		t.Errorf("the commitment kept going: %+v", c)
	}
	// Week 2, reopened, still lists what it revisited (the answered request
	// included), though it is closed now.
	again, err := LoadCarry(st, load(t, st, w2.ID()).Session)
	if err != nil {
		t.Fatal(err)
	}
	if texts := carriedRequests(again); !reflect.DeepEqual(texts, []string{"for Ana's job", "for my sister"}) {
		t.Errorf("week 2, resumed, carries %v", texts)
	}
}

func carriedRequests(c Carry) (out []string) {
	for _, r := range c.Requests {
		out = append(out, r.Request.Text)
	}
	return out
}

func carriedCommitments(c Carry) (out []string) {
	for _, cm := range c.Commitments {
		out = append(out, cm.Commitment.Text)
	}
	return out
}

// revisitLines are the items of the revisit part, "text · detail".
func revisitLines(c Captured) (out []string) {
	for _, p := range c.Parts {
		if p.Kind != KindRevisit {
			continue
		}
		for _, s := range p.Sections {
			for _, it := range s.Items {
				out = append(out, it.Text+" · "+it.Detail)
			}
		}
	}
	return out
}

func TestNoGroupCarriesNothing(t *testing.T) {
	st, _ := openStore(t)
	w1 := newMeeting(t, st, seed(), "", day(5))
	_, cs := w1.AddRequest("alone", "", false, day(5))
	applyAll(t, st, cs)
	w2 := newMeeting(t, st, seed(), "", day(12))
	c, err := LoadCarry(st, w2.Rec.Session)
	if err != nil || !c.Empty() {
		t.Errorf("a session with no group carries %+v, %v", c, err)
	}
	w2.TakeCarry(c, nil)
	if w2.Pages[1].Kind == PageRevisit || !w2.CarryLoaded {
		t.Errorf("the revisit step came with nothing to revisit")
	}
}

// TestAnsweredAgainWithNewWordsCorrects: a second line on how a request
// was answered corrects the first; the same answer again (or none) takes
// the answer back.
func TestAnsweredAgainWithNewWordsCorrects(t *testing.T) {
	m := Meeting{Rec: store.Record{Session: store.Session{ID: 2, UID: "w2"}}}
	m.Carry.Requests = []store.GroupRequest{{SessionID: 1, SessionUID: "w1", Request: store.Request{ID: 1, Text: "work"}}}
	now := time.Date(2026, 11, 29, 19, 0, 0, 0, time.UTC)
	m.RevisitRequest(0, store.ActionAnswered, "old words", now)
	m.RevisitRequest(0, store.ActionAnswered, "new words", now)
	if r := m.Carry.Requests[0].Request; r.Status != store.RequestAnswered || r.Answer != "new words" {
		t.Fatalf("after a corrected answer: status %q answer %q", r.Status, r.Answer)
	}
	if rv, ok := m.RevisitAction(store.ItemRequest, "w1", 1); !ok || rv.Answer != "new words" {
		t.Fatalf("the meeting's record: %+v %v", rv, ok)
	}
	m.RevisitRequest(0, store.ActionAnswered, "", now)
	if r := m.Carry.Requests[0].Request; r.Status != "" || r.Answer != "" {
		t.Fatalf("answered again with no words should take it back: %+v", r)
	}
	if _, ok := m.RevisitAction(store.ItemRequest, "w1", 1); ok {
		t.Fatal("the revisit is still recorded after it was taken back")
	}
}
