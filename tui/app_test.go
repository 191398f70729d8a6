package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"

	"vigil/store"
)

func load(t *testing.T, st *store.Store, id uint64) store.Record {
	t.Helper()
	rec, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestNoteIsSavedWhileTyping(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, keyMsg("right"))
	if a.session.page().Key != "faq/one" {
		t.Fatalf("→ from the content note went to %q", a.session.page().Key)
	}
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("quiet, then we talked")...)
	// Still typing: the note is on disk already.
	if !(a.session.mode == modeEditing) {
		t.Fatal("not editing after enter")
	}
	rec := load(t, st, a.session.meet.ID())
	if got := rec.Notes["faq/one"].Text; got != "quiet, then we talked" {
		t.Errorf("stored note %q", got)
	}
	if rec.Notes["faq/one"].Kind != store.NoteSection {
		t.Errorf("stored kind %q", rec.Notes["faq/one"].Kind)
	}
	// q is a letter while typing; esc stops editing.
	a = drive(t, a, keys("q", "esc")...)
	if a.session.mode == modeEditing {
		t.Error("esc did not stop editing")
	}
	if got := load(t, st, a.session.meet.ID()).Notes["faq/one"].Text; got != "quiet, then we talkedq" {
		t.Errorf("stored note after q and esc: %q", got)
	}
	mustContain(t, viewText(a), "quiet, then we talkedq", "✓ saved")
}

func TestPositionIsSavedForResume(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "reflection/clarity#2")
	rec := load(t, st, a.session.meet.ID())
	if rec.Session.Position.Page != "reflection/clarity#2" || rec.Session.Position.Stage != store.StageSection {
		t.Errorf("stored position %+v", rec.Session.Position)
	}
	o, err := session.Resume(st, a.ctx.cfg.Library, rec.Session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := newSession(a.ctx, o).page().Key; got != "reflection/clarity#2" {
		t.Errorf("resumed at %q", got)
	}
}

func TestResponseToPrompt(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "reflection/clarity#1")
	mustContain(t, viewText(a), "Prompt 1 of 2", "P1?", "The group's response")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("we lament")...)
	a = drive(t, a, keyMsg("esc"))
	n := load(t, st, a.session.meet.ID()).Notes["reflection/clarity#1"]
	if n.Text != "we lament" || n.Kind != store.NoteResponse {
		t.Errorf("stored response %+v", n)
	}
}

func TestGentlePathSkipsFAQ(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, keyMsg("g"))
	if got := a.session.page().Key; got != "reflection/clarity#1" {
		t.Errorf("g from the content note went to %q", got)
	}
	if got := load(t, st, a.session.meet.ID()).Session.Path; got != store.PathGentle {
		t.Errorf("stored path %q", got)
	}
}

func TestMarkPrayedAndAddRequest(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "prayer/a")
	a = drive(t, a, keyMsg("p"))
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, keyMsg("r")) // for the room
	a = drive(t, a, typeText("for the Cruz family")...)
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("Maria")...)
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, keyMsg("p"))
	rec := load(t, st, a.session.meet.ID())
	if _, ok := rec.Session.Prayed["prayer/a"]; !ok {
		t.Errorf("the guide's request is not marked prayed: %v", rec.Session.Prayed)
	}
	if len(rec.Requests) != 1 {
		t.Fatalf("stored requests %+v", rec.Requests)
	}
	r := rec.Requests[0]
	if r.Text != "for the Cruz family" || r.Name != "Maria" || r.Private || !r.Prayed {
		t.Errorf("stored request %+v", r)
	}
	mustContain(t, viewText(a), "for the Cruz family — Maria", "✓")
	a = goTo(t, a, "prayer/a")
	mustContain(t, viewText(a), "✓ prayed")
	a = drive(t, a, keyMsg("p"))
	mustContain(t, viewText(a), "not yet prayed")
}

func TestAddCommitment(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyCommitments)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("visit the IJM page together")...)
	a = drive(t, a, keys("enter", "enter")...) // enter on the name saves
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, keyMsg("esc")) // an empty form adds nothing
	rec := load(t, st, a.session.meet.ID())
	if len(rec.Commitments) != 1 || rec.Commitments[0].Text != "visit the IJM page together" || rec.Commitments[0].ID != 1 {
		t.Errorf("stored commitments %+v", rec.Commitments)
	}
	a = goTo(t, a, session.KeySummary)
	mustContain(t, viewText(a), "Commitments", "visit the IJM page together")
}

// TestSharedViewHidesPrivate puts a private request and a leader's note in
// the session and checks that no page of the shared view shows either,
// while the leader's view does.
func TestSharedViewHidesPrivate(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keyMsg("tab"))
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("LEADERSECRET about a member")...)
	a = drive(t, a, keys("esc", "tab")...)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("PRIVATEREQUEST")...)   // typing at once: private
	mustNotContain(t, viewText(a), "PRIVATEREQUEST") // not drawn while typed in the shared view
	a = drive(t, a, keys("enter", "enter")...)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, keyMsg("r"))
	a = drive(t, a, typeText("OPENREQUEST")...)
	a = drive(t, a, keys("enter", "enter")...)

	// Walk every page of the shared view.
	for i := 0; i < len(a.session.meet.Pages); i++ {
		a.session.meet.Cur = i
		a.session.refresh(true)
		v := viewText(a)
		mustNotContain(t, v, "PRIVATEREQUEST", "LEADERSECRET", "Listen; do not probe")
		mustContain(t, v, "SHARED VIEW")
	}
	a = goTo(t, a, session.KeySummary)
	mustContain(t, viewText(a), "OPENREQUEST")

	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), "LEADER VIEW", "PRIVATEREQUEST", "LEADERSECRET")
	// The guide's own notes for the leader show in the leader's view.
	a = goTo(t, a, "reflection/clarity#1")
	mustContain(t, viewText(a), "For the leader", "Listen; do not probe.")
}

func TestTooSmallSaysSo(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, sizeMsg(59, 20))
	v := viewText(a)
	mustContain(t, v, "too small", "59×20", "60×20")
	a = drive(t, a, sizeMsg(60, 20))
	mustContain(t, viewText(a), "SHARED VIEW")
	for i, line := range strings.Split(viewText(a), "\n") {
		if w := lipglossWidth(line); w > 60 {
			t.Errorf("line %d is %d wide at 60x20: %q", i, w, line)
		}
	}
	if n := strings.Count(viewText(a), "\n") + 1; n > 20 {
		t.Errorf("the view has %d lines at 60x20", n)
	}
}

func TestQuitKeepsOpenForm(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("typed but not yet closed")...)
	m, cmd := a.Update(keyMsg("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c while typing did not quit")
	}
	if _, err := session.NewSaver(st).Close(m.(App).Final()...); err != nil {
		t.Fatal(err)
	}
	rec := load(t, st, a.session.meet.ID())
	if len(rec.Requests) != 1 || rec.Requests[0].Text != "typed but not yet closed" {
		t.Errorf("stored requests after quit: %+v", rec.Requests)
	}
}

// TestPanicStopsCleanlyAndKeepsTheNote breaks the guide under a running
// session so that the next key panics in Update. The app must quit, say it
// crashed, and still hand over everything typed before that key.
func TestPanicStopsCleanlyAndKeepsTheNote(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("kept through a crash")...)
	a = drive(t, a, keyMsg("esc"))
	a.session.meet.Guide.Parts = nil // the header of the next page indexes it

	m, cmd := a.Update(keyMsg("right"))
	if cmd == nil {
		t.Fatal("no command after a panic")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the app did not quit after a panic")
	}
	app := m.(App)
	what, crashed := app.Crashed()
	if !crashed || what == "" {
		t.Fatal("the app does not report the crash")
	}
	if _, err := session.NewSaver(st).Close(app.Final()...); err != nil {
		t.Fatal(err)
	}
	if got := load(t, st, a.session.meet.ID()).Notes["faq/one"].Text; got != "kept through a crash" {
		t.Errorf("stored note %q", got)
	}
}

// TestPanicInCommandBecomesAMessage: a panic on a command's goroutine comes
// back as a message that stops the app, not as a stack trace.
func TestPanicInCommandBecomesAMessage(t *testing.T) {
	msg := guard(func() tea.Msg { panic("boom") })()
	p, ok := msg.(panicMsg)
	if !ok || p.value != "boom" {
		t.Fatalf("guard returned %#v", msg)
	}
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	m, cmd := a.Update(p)
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a panicMsg did not quit")
	}
	if what, ok := m.(App).Crashed(); !ok || what != "boom" {
		t.Errorf("Crashed() = %q, %v", what, ok)
	}
}

// TestEveryPageFitsSmallestWindow lays out every page of the seed guide, in
// both views, at 60x20 and at 80x24: no line may be wider than the window
// and the screen may not be taller.
func TestEveryPageFitsSmallestWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		a, _ := newTestApp(t, guides.Default(), size[0], size[1])
		for _, leader := range []bool{false, true} {
			a.session.leader = leader
			for i := range a.session.meet.Pages {
				a.session.meet.Cur = i
				a.session.refresh(true)
				a = drive(t, a, sizeMsg(size[0], size[1])) // remakes header and footer
				v := viewText(a)
				lines := strings.Split(v, "\n")
				if len(lines) > size[1] {
					t.Errorf("%dx%d %s: %d lines", size[0], size[1], a.session.page().Key, len(lines))
				}
				for n, line := range lines {
					if w := lipglossWidth(line); w > size[0] {
						t.Errorf("%dx%d %s line %d is %d wide: %q", size[0], size[1], a.session.page().Key, n, w, line)
					}
				}
			}
		}
	}
}
