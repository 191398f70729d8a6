package session

import (
	"errors"
	"reflect"
	"testing"

	"vigil/store"
)

func TestMoveAndGoToAtBothEnds(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "", t0)
	if m.Cur != 0 || m.Page().Kind != PageContentNote {
		t.Fatalf("a new meeting opens at %s", m.Page().Key)
	}
	if cs, moved := m.MoveIn(Leader, -1, t0); moved || cs != nil || m.Cur != 0 {
		t.Errorf("back from the first page: moved %v, %d changes, page %d", moved, len(cs), m.Cur)
	}
	cs, moved := m.MoveIn(Leader, 1, t0)
	if !moved || m.Cur != 1 || len(cs) != 1 || cs[0].Session == nil || cs[0].SessionID != m.ID() {
		t.Fatalf("next: moved %v, page %d, changes %+v", moved, m.Cur, cs)
	}
	if pos := cs[0].Session.Position; pos.Page != "faq/what-is-cybersex-trafficking" || pos.Stage != store.StageSection {
		t.Errorf("position after next: %+v", pos)
	}
	last := len(m.Pages) - 1
	if cs, moved = m.GoTo(last, t0); !moved || m.Page().Kind != PageSummary {
		t.Fatalf("GoTo(last): moved %v, page %s", moved, m.Page().Key)
	}
	if s := cs[0].Session; s.Position != (store.Position{Stage: store.StageSummary, Page: KeySummary}) || s.Seen != len(m.Pages) || s.Total != len(m.Pages) {
		t.Errorf("at the end: %+v, seen %d of %d", s.Position, s.Seen, s.Total)
	}
	if cs, moved := m.MoveIn(Leader, 1, t0); moved || cs != nil || m.Cur != last {
		t.Errorf("next from the last page: moved %v, page %d", moved, m.Cur)
	}
	for _, i := range []int{-1, len(m.Pages), len(m.Pages) + 5} {
		if cs, moved := m.GoTo(i, t0); moved || cs != nil || m.Cur != last {
			t.Errorf("GoTo(%d): moved %v, page %d", i, moved, m.Cur)
		}
	}
	// Going back keeps how far the meeting got.
	cs, _ = m.GoTo(2, t0)
	applyAll(t, st, cs)
	if s := load(t, st, m.ID()).Session; s.Seen != len(m.Pages) || s.Position.Page != m.Pages[2].Key {
		t.Errorf("stored after going back: seen %d, at %s", s.Seen, s.Position.Page)
	}
}

func TestChoosePath(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	for _, tt := range []struct {
		path  store.Path
		first string
		pages int
	}{
		{store.PathGentle, "reflection/clarity#1", 21},
		{store.PathFull, "faq/what-is-cybersex-trafficking", 26},
	} {
		m := newMeeting(t, st, seed(), "", t0)
		cs := m.ChoosePath(tt.path, t0)
		if m.Page().Key != tt.first || len(m.Pages) != tt.pages || m.Rec.Session.Path != tt.path {
			t.Errorf("%s: at %s, %d pages, path %s", tt.path, m.Page().Key, len(m.Pages), m.Rec.Session.Path)
		}
		if len(cs) != 1 || cs[0].Session == nil || cs[0].Session.Path != tt.path || cs[0].Session.Total != tt.pages {
			t.Fatalf("%s: changes %+v", tt.path, cs)
		}
		applyAll(t, st, cs)
		o, err := ResumeStatus(st, libraryOf(), m.ID())
		if err != nil {
			t.Fatal(err)
		}
		r := Open(o, t0)
		if r.Page().Key != tt.first || len(r.Pages) != tt.pages {
			t.Errorf("%s resumed at %s with %d pages", tt.path, r.Page().Key, len(r.Pages))
		}
	}
}

func TestSetNote(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "", t0)
	if cs := m.SetNote(false, "", t0); cs != nil {
		t.Errorf("an empty note where there was none: %+v", cs)
	}
	m.MoveIn(Leader, 1, t0)
	key := m.Page().Key
	cs := m.SetNote(false, "We were quiet.", t0)
	if len(cs) != 1 || len(cs[0].Notes) != 1 || cs[0].Notes[0] != (store.Note{Key: key, Kind: store.NoteSection, Text: "We were quiet.", Updated: t0}) {
		t.Fatalf("SetNote: %+v", cs)
	}
	if cs := m.SetNote(false, "We were quiet.", minutes(t0, 1)); cs != nil {
		t.Errorf("the same text again changed %+v", cs)
	}
	if m.Note(false).Updated != t0 {
		t.Errorf("the same text moved Updated to %v", m.Note(false).Updated)
	}
	cs = m.SetNote(true, "Ben left the room.", t0)
	if len(cs) != 1 || cs[0].Notes[0].Key != key+LeaderSuffix || cs[0].Notes[0].Kind != store.NoteLeader {
		t.Errorf("the leader's note: %+v", cs)
	}
	if m.Note(false).Text != "We were quiet." || m.Note(true).Text != "Ben left the room." {
		t.Errorf("notes %q, %q", m.Note(false).Text, m.Note(true).Text)
	}
	// Clearing a note is a change: the text is gone.
	if cs := m.SetNote(false, "", t0); len(cs) != 1 || cs[0].Notes[0].Text != "" {
		t.Errorf("clearing: %+v", cs)
	}
	goToKey(t, &m, "reflection/hope#1", t0)
	if cs := m.SetNote(false, "Hope.", t0); cs[0].Notes[0].Kind != store.NoteResponse {
		t.Errorf("a response is filed as %s", cs[0].Notes[0].Kind)
	}
	if cs, _ := m.AppendNote("More hope.", t0); cs[0].Notes[0].Text != "Hope.\nMore hope." {
		t.Errorf("AppendNote: %q", cs[0].Notes[0].Text)
	}
}

func TestTogglePass(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	g := seed()
	m := newMeeting(t, st, g, "", t0)
	m.MoveIn(Leader, 1, t0)
	if m.CanPass() || m.TogglePass(t0) != nil {
		t.Errorf("a FAQ page can be passed")
	}
	goToKey(t, &m, "reflection/clarity#1", t0)
	applyAll(t, st, m.SetNote(false, "Something said.", t0))
	cs := m.TogglePass(minutes(t0, 1))
	if len(cs) != 1 || !cs[0].Notes[0].Passed || cs[0].Notes[0].Text != "Something said." || cs[0].Notes[0].Kind != store.NoteResponse {
		t.Fatalf("passing: %+v", cs)
	}
	if !m.Passed() {
		t.Error("the meeting does not say the prompt was passed")
	}
	applyAll(t, st, cs)
	rec := load(t, st, m.ID())
	if n := rec.Notes["reflection/clarity#1"]; !n.Passed || n.Text != "Something said." {
		t.Errorf("stored %+v", n)
	}
	for _, v := range []View{Shared, Leader, Redacted} {
		e, ok := entryOf(Capture(rec, g, v), "reflection/clarity")
		if !ok || !e.Passed || e.Text != TextPassed || e.Label != g.Parts[1].Sections[0].Prompts[0] {
			t.Errorf("%v: a passed prompt shows as %+v (found %v)", v, e, ok)
		}
	}
	// Passing again takes it back, and the text is still there.
	cs = m.TogglePass(minutes(t0, 2))
	if m.Passed() || cs[0].Notes[0].Passed || cs[0].Notes[0].Text != "Something said." {
		t.Errorf("un-passing: %+v", cs)
	}
	// A prompt passed with nothing written is shown as passed too.
	goToKey(t, &m, "reflection/honesty#1", t0)
	applyAll(t, st, m.TogglePass(t0))
	e, ok := entryOf(Capture(load(t, st, m.ID()), g, Shared), "reflection/honesty")
	if !ok || !e.Passed || e.Text != TextPassed {
		t.Errorf("a prompt passed blank shows as %+v (found %v)", e, ok)
	}
	// Typing after passing answers the prompt after all.
	if cs := m.SetNote(false, "After all.", t0); cs[0].Notes[0].Passed {
		t.Errorf("a note typed after passing stays passed")
	}
}

// entryOf is the first entry of the section with an ID in a capture.
func entryOf(c Captured, id string) (Entry, bool) {
	for _, p := range c.Parts {
		for _, s := range p.Sections {
			if s.ID == id && len(s.Entries) > 0 {
				return s.Entries[0], true
			}
		}
	}
	return Entry{}, false
}

func TestToggleGuidePrayed(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "", t0)
	for _, key := range []string{KeyContentNote, "faq/what-is-cybersex-trafficking", "reflection/clarity#1", KeyRequests, "next/next-steps", KeySummary} {
		goToKey(t, &m, key, t0)
		if m.OnGuideRequest() || m.ToggleGuidePrayed(t0) != nil || len(m.Rec.Session.Prayed) != 0 {
			t.Errorf("%s: marked a guide request prayed", key)
		}
	}
	id := "prayer/pray-for-favor-and-good-collaboration-between-ijm-and"
	goToKey(t, &m, id, t0)
	cs := m.ToggleGuidePrayed(minutes(t0, 3))
	if !m.OnGuideRequest() || len(cs) != 1 || cs[0].Session == nil || !cs[0].Session.Prayed[id].Equal(minutes(t0, 3)) || !m.GuideRequestPrayed() {
		t.Fatalf("marking prayed: %+v", cs)
	}
	applyAll(t, st, cs)
	if p := load(t, st, m.ID()).Session.Prayed; len(p) != 1 || !p[id].Equal(minutes(t0, 3)) {
		t.Errorf("stored prayed %v", p)
	}
	cs = m.ToggleGuidePrayed(minutes(t0, 4))
	if _, still := cs[0].Session.Prayed[id]; still || m.GuideRequestPrayed() {
		t.Errorf("unmarking: %v", cs[0].Session.Prayed)
	}
	applyAll(t, st, cs)
	if p := load(t, st, m.ID()).Session.Prayed; len(p) != 0 {
		t.Errorf("stored prayed after unmarking %v", p)
	}
}

func TestRequestsAndCommitments(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday group", t0)
	var all []store.Change
	keep := func(cs []store.Change) []store.Change { all = append(all, cs...); return cs }

	r1, cs := m.AddRequest("  for Ana's job ", " Ana ", false, t0)
	keep(cs)
	if !reflect.DeepEqual(r1, store.Request{ID: 1, Text: "for Ana's job", Name: "Ana", Created: t0}) ||
		!reflect.DeepEqual(cs, []store.Change{{SessionID: m.ID(), Requests: []store.Request{r1}}}) {
		t.Errorf("AddRequest: %+v, %+v", r1, cs)
	}
	if r, cs := m.AddRequest("   ", "Ben", false, t0); cs != nil || r.ID != 0 {
		t.Errorf("an empty request was added: %+v", r)
	}
	r2, cs := m.AddRequest("for my brother", "Ben", true, t0)
	keep(cs)
	r3, cs := m.AddRequest("to be removed", "", false, t0)
	keep(cs)
	if r2.ID != 2 || r3.ID != 3 || !r2.Private {
		t.Errorf("IDs %d, %d", r2.ID, r3.ID)
	}
	if got := m.RequestsIn(Shared); len(got) != 2 || got[0].ID != 1 || got[1].ID != 3 {
		t.Errorf("requests in the shared view %+v", got)
	}
	if got := m.RequestsIn(Leader); len(got) != 3 {
		t.Errorf("requests in the leader's view %+v", got)
	}

	cs = keep(noErr(t)(m.EditRequest(1, "for Ana's new job", "Ana", true)))
	if len(cs) != 1 || cs[0].Requests[0].Text != "for Ana's new job" || !cs[0].Requests[0].Private || !cs[0].Requests[0].Created.Equal(t0) {
		t.Errorf("EditRequest: %+v", cs)
	}
	if noErr(t)(m.EditRequest(1, "  ", "Ana", false)) != nil || noErr(t)(m.EditRequest(99, "x", "", false)) != nil {
		t.Error("an empty or unknown edit changed something")
	}
	if r, _ := m.Request(1); r.Text != "for Ana's new job" {
		t.Errorf("request 1 is %+v", r)
	}
	cs = keep(m.SetRequestPrivate(1, false))
	if cs[0].Requests[0].Private {
		t.Errorf("SetRequestPrivate: %+v", cs)
	}
	cs = keep(m.ToggleRequestPrayed(2))
	if !cs[0].Requests[0].Prayed || cs[0].Requests[0].ID != 2 {
		t.Errorf("ToggleRequestPrayed: %+v", cs)
	}
	cs = keep(m.RemoveRequest(3))
	if !reflect.DeepEqual(cs, []store.Change{{SessionID: m.ID(), RemoveRequests: []uint64{3}}}) {
		t.Errorf("RemoveRequest: %+v", cs)
	}
	if m.RemoveRequest(3) != nil {
		t.Error("removing twice changed something")
	}
	if _, ok := m.Request(3); ok {
		t.Error("request 3 is still there")
	}

	c1, cs := m.AddCommitment(" write to the MP ", " Cy ", t0)
	keep(cs)
	if c1 != (store.Commitment{ID: 1, Text: "write to the MP", Name: "Cy", Created: t0}) ||
		!reflect.DeepEqual(cs, []store.Change{{SessionID: m.ID(), Commitments: []store.Commitment{c1}}}) {
		t.Errorf("AddCommitment: %+v, %+v", c1, cs)
	}
	if _, cs := m.AddCommitment("", "Cy", t0); cs != nil {
		t.Error("an empty commitment was added")
	}
	c2, cs := m.AddCommitment("give", "Dee", t0)
	keep(cs)
	cs = keep(noErr(t)(m.EditCommitment(c1.ID, "write to the MP again", "Cy")))
	if len(cs) != 1 || cs[0].Commitments[0].Text != "write to the MP again" {
		t.Errorf("EditCommitment: %+v", cs)
	}
	if noErr(t)(m.EditCommitment(c1.ID, "", "Cy")) != nil || noErr(t)(m.EditCommitment(42, "x", "")) != nil {
		t.Error("an empty or unknown commitment edit changed something")
	}
	cs = keep(m.RemoveCommitment(c2.ID))
	if !reflect.DeepEqual(cs, []store.Change{{SessionID: m.ID(), RemoveCommitments: []uint64{c2.ID}}}) {
		t.Errorf("RemoveCommitment: %+v", cs)
	}
	if m.RemoveCommitment(c2.ID) != nil {
		t.Error("removing a commitment twice changed something")
	}
	m.MoveIn(Leader, 1, t0)
	keep(m.SetNote(false, "A note.", t0))
	keep(m.SetNote(true, "The leader's.", t0))
	keep(m.SetAttendance("Ana, Ben"))
	if m.SetAttendance("Ana, Ben") != nil {
		t.Error("the same attendance again is a change")
	}
	keep(m.SetMeetingLength(45))

	// Every change applied, in order, gives the record the meeting holds.
	applyAll(t, st, all)
	got := load(t, st, m.ID())
	sameRecord(t, got, m.Rec)
	if len(got.Requests) != 2 || len(got.Commitments) != 1 {
		t.Errorf("stored %d requests and %d commitments", len(got.Requests), len(got.Commitments))
	}
	// So does the final save, on top.
	applyAll(t, st, m.Final(t0))
	sameRecord(t, load(t, st, m.ID()), m.Rec)
}

func TestResumeUnknownSession(t *testing.T) {
	st, _ := openStore(t)
	if _, err := ResumeStatus(st, libraryOf(), 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ResumeStatus(99): %v", err)
	}
}
