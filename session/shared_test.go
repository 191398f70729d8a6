package session

import (
	"errors"
	"strings"
	"testing"

	"vigil/guides"
	"vigil/store"
)

// TestSharedPageShowsOnlyTheSharedView: what the room sees of a page holds
// no leader's note (the leader's own, or the guide's), no private request,
// and no control character from the database.
func TestSharedPageShowsOnlyTheSharedView(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday", t0)
	goToKey(t, &m, "reflection/clarity#1", t0)
	m.SetNote(true, "LEADERNOTE watch Ben", t0)
	goToKey(t, &m, KeyRequests, t0)
	m.AddRequest("PRIVATEREQ for my brother", "Ben", true, t0)
	m.AddRequest("for the children\x1b]0;pwned\x07", "Ana\u202e", false, t0)
	for _, key := range keysOf(m.Pages) {
		goToKey(t, &m, key, t0)
		p := m.SharedPage()
		all := p.Key + p.Where + p.Title + p.Markdown
		for _, secret := range []string{"LEADERNOTE", "PRIVATEREQ", "do not probe", "(vigil's note for leaders)"} {
			if strings.Contains(all, secret) {
				t.Errorf("%s: the shared page shows %q:\n%s", key, secret, p.Markdown)
			}
		}
		if HasControls(strings.ReplaceAll(all, "\n", "")) {
			t.Errorf("%s: the shared page holds a control character: %q", key, all)
		}
	}
	goToKey(t, &m, KeyRequests, t0)
	if p := m.SharedPage(); !strings.Contains(p.Markdown, "for the children") || !strings.Contains(p.Markdown, "Ana") {
		t.Errorf("the requests page lacks the room's request:\n%s", p.Markdown)
	}
}

// TestSharedPageAtTheClose: the closing and the check-in have their words
// and the help resources; while the leader is on the debrief, the room
// keeps the check-in.
func TestSharedPageAtTheClose(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, tinyGuide(), "Thursday", t0)
	goToKey(t, &m, KeyClosing, t0)
	if p := m.SharedPage(); p.Title != TitleClosing || !strings.Contains(p.Markdown, VigilClosing) || !strings.Contains(p.Markdown, VigilClosingCredit) {
		t.Errorf("the closing: %+v", p)
	}
	goToKey(t, &m, KeyCheckIn, t0)
	checkIn := m.SharedPage()
	if checkIn.Title != CheckInGroup || !strings.Contains(checkIn.Markdown, CheckInText) || !strings.Contains(checkIn.Markdown, EmergencyLine) {
		t.Errorf("the check-in: %+v", checkIn)
	}
	goToKey(t, &m, KeyDebrief, t0)
	if p := m.SharedPage(); p != checkIn {
		t.Errorf("on the debrief the room sees %+v, want the check-in", p)
	}
	// The seed guide's resources come with the check-in, someone to talk
	// to first.
	s := newMeeting(t, st, seed(), "Thursday", t0)
	goToKey(t, &s, KeyCheckIn, t0)
	md := s.SharedPage().Markdown
	talk, report := strings.Index(md, "Someone to talk to"), strings.Index(md, "CyberTipline")
	if talk < 0 || report < 0 || talk > report {
		t.Errorf("the check-in's resources, someone to talk to first:\n%s", md)
	}
}

// TestHeadlineOnlyUntilRevealed: on the gentler path a request whose text
// describes abuse shows its headline only, in the room too, until someone
// asks for its text; another page hides it again.
func TestHeadlineOnlyUntilRevealed(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday", t0)
	m.ChoosePath(store.PathGentle, t0)
	key := "prayer/pray-for-young-boys-and-girls-who-are-suffering-in-secret"
	goToKey(t, &m, key, t0)
	sec, _ := m.Section()
	body := strings.Fields(sec.Body)[0]
	if !m.HidesText() || strings.Contains(m.SharedPage().Markdown, body) || !strings.Contains(m.SharedPage().Markdown, HeadlineOnly) {
		t.Fatalf("a headline-only request shows: %v\n%s", m.HidesText(), m.SharedPage().Markdown)
	}
	if !m.Reveal() || m.HidesText() || !strings.Contains(m.SharedPage().Markdown, body) {
		t.Errorf("revealed, the request does not show its text:\n%s", m.SharedPage().Markdown)
	}
	m.MoveIn(Leader, 1, t0)
	if m.Reveal() {
		t.Error("Reveal on a page that hides nothing")
	}
	goToKey(t, &m, key, t0)
	if !m.HidesText() {
		t.Error("coming back, the text is still revealed")
	}
}

// TestAppendResponse: a participant's response accepted after the group
// moved on goes to the note of the page it answers; a page no longer in
// the meeting, or a note over the limit, changes nothing.
func TestAppendResponse(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday", t0)
	goToKey(t, &m, "reflection/clarity#1", t0)
	m.SetNote(false, "Said aloud.", t0)
	goToKey(t, &m, KeySummary, t0)
	cs, err := m.AppendResponse("reflection/clarity#1", "Written in the room.", t0)
	if err != nil || len(cs) != 1 || cs[0].Notes[0].Text != "Said aloud.\nWritten in the room." || cs[0].Notes[0].Kind != store.NoteResponse {
		t.Fatalf("AppendResponse = %+v, %v", cs, err)
	}
	if cs, err := m.AppendResponse("reflection/gone#1", "x", t0); !errors.Is(err, ErrNoSuchPage) || cs != nil {
		t.Errorf("a page not in the meeting: %v, %v", cs, err)
	}
	var tl *TooLongError
	if cs, err := m.AppendResponse("reflection/clarity#1", strings.Repeat("a", MaxText), t0); !errors.As(err, &tl) || cs != nil {
		t.Errorf("over the limit: %v, %v", cs, err)
	}
	if n := m.Rec.Notes["reflection/clarity#1"]; n.Text != "Said aloud.\nWritten in the room." {
		t.Errorf("the note is now %q", n.Text)
	}
}

// TestDrafts: a form's draft is kept as a leader's note, so no shared or
// redacted view shows it (a private request may be being typed); a draft
// over the limit changes nothing; saving or cancelling empties it.
func TestDrafts(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday", t0)
	applyAll(t, st, noErr(t)(m.SetDraft(true, "  for my uncle ", "Ben", t0)))
	applyAll(t, st, noErr(t)(m.SetDraft(false, "call the MP", "", t0)))
	rec := load(t, st, m.ID())
	if n := rec.Notes[DraftRequestKey]; n.Text != "for my uncle\n— Ben" || n.Kind != store.NoteLeader {
		t.Errorf("the request's draft is %+v", n)
	}
	if n := rec.Notes[DraftCommitmentKey]; n.Text != "call the MP" {
		t.Errorf("the commitment's draft is %+v", n)
	}
	for _, v := range []View{Shared, Redacted} {
		if all := strings.Join(Capture(rec, seed(), v).Lines(), "\n"); strings.Contains(all, "uncle") || strings.Contains(all, "MP") {
			t.Errorf("%v shows a draft:\n%s", v, all)
		}
	}
	var tl *TooLongError
	if cs, err := m.SetDraft(true, "x", strings.Repeat("a", MaxText+1), t0); !errors.As(err, &tl) || cs != nil {
		t.Errorf("a name over the limit: %v, %v", cs, err)
	}
	applyAll(t, st, m.ClearDraft(true, t0))
	if n := load(t, st, m.ID()).Notes[DraftRequestKey]; n.Text != "" {
		t.Errorf("the cleared draft is %q", n.Text)
	}
}

// TestResumeNamesTheGuideCleanly: the guide's title in the sentence that
// opens a session comes from the database, and is cleaned.
func TestResumeNamesTheGuideCleanly(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday", t0)
	m.Rec.Session.GuideTitle = "Evil\x1b]0;pwned\x07 \u202eguide"
	applyAll(t, st, []store.Change{m.header()})
	o, err := ResumeStatus(st, guides.Library{}, m.ID())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(o.Notice, "“Evil]0;pwned guide”") || HasControls(o.Notice) {
		t.Errorf("the notice is %q", o.Notice)
	}
}

// TestResumeWithABrokenKeptCopy: a kept copy of a guide that no longer
// parses is set aside, never shown: the session opens with the guide as it
// is now, and says so; without one, it does not open, and says why.
func TestResumeWithABrokenKeptCopy(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	g := tinyGuide()
	g.Source = []byte("---\nid: tiny\n---\nno longer a guide\n")
	m := newMeeting(t, st, g, "Thursday", t0)
	now := tinyGuide()
	now.Source = []byte("the guide as it is now")
	o, err := ResumeStatus(st, guides.Library{Guides: []*guides.Guide{now}}, m.ID())
	if err != nil || o.Guide != now || !strings.Contains(o.Notice, "no copy of it as it was is kept") {
		t.Fatalf("ResumeStatus = %+v, %v", o, err)
	}
	if _, err := ResumeStatus(st, guides.Library{}, m.ID()); err == nil || !strings.Contains(err.Error(), "no longer installed") {
		t.Errorf("without the guide: %v", err)
	}
}
