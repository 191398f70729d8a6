package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// TestPrivateRequestNeverDrawnInSharedView adds a request in the shared
// view by simply typing (which makes it private) and checks every frame
// drawn while its text and name are typed: none holds either.
func TestPrivateRequestNeverDrawnInSharedView(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	mustContain(t, viewText(a), "For the room, or private?")
	const text, name = "My uncle hurt me and I need prayer", "Carla"
	frames := 0
	check := func(msgs ...tea.Msg) {
		for _, msg := range msgs {
			a = drive(t, a, msg)
			frames++
			v := a.View().Content
			for _, secret := range []string{"My", "uncle", "hurt", "Carla", "Car"} {
				if strings.Contains(v, secret) {
					t.Fatalf("frame %d of the shared view shows %q:\n%s", frames, secret, viewText(a))
				}
			}
		}
	}
	check(typeText(text)...)
	mustContain(t, viewText(a), "A private request is being written (the leader's view shows it)", "[x] Private")
	check(keyMsg("enter"))
	check(typeText(name)...)
	check(keyMsg("enter"))
	mustContain(t, viewText(a), "1 private request (leader's view)")
	rec := load(t, st, a.session.meet.ID())
	if len(rec.Requests) != 1 || rec.Requests[0].Text != text || rec.Requests[0].Name != name || !rec.Requests[0].Private {
		t.Fatalf("stored %+v", rec.Requests)
	}
	if d := rec.Notes[session.DraftRequestKey].Text; d != "" {
		t.Errorf("the draft is still there after saving: %q", d)
	}
	// The leader's view shows it.
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), text+" — "+name, "[private]")
}

// TestFormDrawnInTheViewOnScreen: the add form shows a private request's
// text in a view that shows private requests, and only there. tab in the
// form turns the session's view, and the form follows it. Alone, the one
// view is the person's own: what they type shows, the form speaks to one
// person, and tab changes nothing (there is no leader's view to turn to).
func TestFormDrawnInTheViewOnScreen(t *testing.T) {
	const text = "for my sister"
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText(text)...)
	mustNotContain(t, viewText(a), text)
	if a.cursor() != nil {
		t.Error("the shared view places a cursor in a private request's field")
	}
	a = drive(t, a, keyMsg("tab"))
	if !a.session.leader || a.session.mode != modeForm {
		t.Fatalf("tab in the form: leader %v, mode %v", a.session.leader, a.session.mode)
	}
	mustContain(t, viewText(a), "LEADER VIEW", "Text: "+text)
	if a.cursor() == nil {
		t.Error("no cursor in the leader's view of the field")
	}
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), "SHARED VIEW", "A private request is being written")
	mustNotContain(t, viewText(a), text)

	b, _ := newAloneApp(t, tinyGuide(), 80, 24)
	b = goTo(t, b, session.KeyRequests)
	b = drive(t, b, keyMsg("a"))
	b = drive(t, b, typeText(text)...)
	v := viewText(b)
	mustContain(t, v, session.WordsFor(true).AddRequest, "Text: "+text)
	mustNotContain(t, v, session.WordsFor(false).AddRequest, "A private request is being written", "shared/leader view")
	if b.cursor() == nil {
		t.Error("alone, no cursor in the request's field")
	}
	b = drive(t, b, keyMsg("tab"))
	if b.session.leader {
		t.Error("alone, tab in the form turned to a leader's view")
	}
	mustNotContain(t, viewText(b), "LEADER VIEW", "SHARED VIEW")
	b = drive(t, b, keyMsg("enter"), keyMsg("enter"))
	mustContain(t, viewText(b), text, "[private]")
	mustNotContain(t, viewText(b), "shared/leader view")
}

// TestRequestForTheRoomShowsAsTyped: r answers "for the room".
func TestRequestForTheRoomShowsAsTyped(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"), keyMsg("r"))
	a = drive(t, a, typeText("for Ana's mother")...)
	mustContain(t, viewText(a), "for Ana's mother", "enter name, then save", "esc cancel")
	a = drive(t, a, keys("enter", "enter")...)
	rec := load(t, st, a.session.meet.ID())
	if len(rec.Requests) != 1 || rec.Requests[0].Private {
		t.Fatalf("stored %+v", rec.Requests)
	}
}

// TestEscAsksBeforeDiscarding: esc with text asks; n goes back, y throws
// the request and its draft away.
func TestEscAsksBeforeDiscarding(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"), keyMsg("r"))
	a = drive(t, a, typeText("half a thought")...)
	a = drive(t, a, keyMsg("esc"))
	mustContain(t, viewText(a), "Discard this request? y/n")
	a = drive(t, a, keyMsg("n"))
	mustContain(t, viewText(a), "half a thought")
	if a.session.mode != modeForm {
		t.Fatal("n closed the form")
	}
	a = drive(t, a, keyMsg("esc"), keyMsg("y"))
	if a.session.mode != modeBrowse {
		t.Fatal("y left the form open")
	}
	rec := load(t, st, a.session.meet.ID())
	if len(rec.Requests) != 0 || rec.Notes[session.DraftRequestKey].Text != "" {
		t.Fatalf("discarded, yet stored: %+v, draft %q", rec.Requests, rec.Notes[session.DraftRequestKey].Text)
	}
	// An empty form closes without asking.
	a = drive(t, a, keyMsg("a"), keyMsg("esc"))
	if a.session.mode != modeBrowse {
		t.Fatal("esc on the question did not close the form")
	}
}

// TestEditDeleteAndRemark: e edits, v switches private/for the room, x
// deletes after asking; the shared view counts what it hides.
func TestEditDeleteAndRemark(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	id := a.session.meet.ID()
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"), keyMsg("r"))
	a = drive(t, a, typeText("for Ana")...)
	a = drive(t, a, keys("enter", "enter")...)
	// Edit: the form comes filled in.
	a = drive(t, a, keyMsg("e"))
	mustContain(t, viewText(a), "Edit the request", "for Ana")
	a = drive(t, a, typeText(" and her mother")...)
	a = drive(t, a, keys("enter", "enter")...)
	if r := load(t, st, id).Requests; len(r) != 1 || r[0].Text != "for Ana and her mother" {
		t.Fatalf("after edit: %+v", r)
	}
	// v makes it private: the shared view says one is there.
	a = drive(t, a, keyMsg("v"))
	if r := load(t, st, id).Requests; !r[0].Private {
		t.Fatalf("v did not make it private: %+v", r)
	}
	v := viewText(a)
	mustNotContain(t, v, "for Ana")
	mustContain(t, v, "1 private request (leader's view)")
	a = drive(t, a, keyMsg("tab"), keyMsg("v")) // and back, from the leader's view
	if r := load(t, st, id).Requests; r[0].Private {
		t.Fatalf("v did not make it for the room: %+v", r)
	}
	// x asks, n keeps it, y deletes it.
	a = drive(t, a, keyMsg("x"))
	mustContain(t, viewText(a), "Delete this request for good? y/n")
	a = drive(t, a, keyMsg("n"))
	if r := load(t, st, id).Requests; len(r) != 1 {
		t.Fatalf("n deleted: %+v", r)
	}
	a = drive(t, a, keyMsg("x"), keyMsg("y"))
	if r := load(t, st, id).Requests; len(r) != 0 {
		t.Fatalf("y kept: %+v", r)
	}
	// Commitments: edit and delete too.
	a = goTo(t, a, session.KeyCommitments)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("visit IJM")...)
	a = drive(t, a, keys("enter", "enter")...)
	a = drive(t, a, keyMsg("e"))
	a = drive(t, a, typeText(" together")...)
	a = drive(t, a, keys("enter", "enter")...)
	if c := load(t, st, id).Commitments; len(c) != 1 || c[0].Text != "visit IJM together" {
		t.Fatalf("commitment after edit: %+v", c)
	}
	a = drive(t, a, keyMsg("x"), keyMsg("y"))
	if c := load(t, st, id).Commitments; len(c) != 0 {
		t.Fatalf("commitment after delete: %+v", c)
	}
	mustContain(t, viewText(a), "0 commitments")
}

// TestCountsAgreeAcrossScreens: home (the leader's own screen) counts
// every open request and says how many are private; the prayer list's
// shared view leaves the private one out and says it is there; its
// leader's view shows it.
func TestCountsAgreeAcrossScreens(t *testing.T) {
	a, _ := homeWithTwoWeeks(t) // one open, one answered, one private
	mustContain(t, viewText(a), "2 open requests, 1 private")
	a = drive(t, a, keyMsg("down"), keyMsg("enter"))
	a = drive(t, a, runCmd(loadPrayerList(a.ctx.cfg.Store))...)
	v := viewText(a)
	mustContain(t, v, "OPEN-REQUEST", "1 private request (leader's view)")
	mustNotContain(t, v, "PRIVATE-REQUEST")
	a = drive(t, a, keyMsg("tab"))
	v = viewText(a)
	mustContain(t, v, "OPEN-REQUEST", "PRIVATE-REQUEST", "not for the room")
	mustNotContain(t, v, "(leader's view)")
}

// TestDeletedRequestLeavesTheLiveFile deletes a request and checks that
// its text is no longer in the database's live data (a store read), and
// what the raw file still holds. bbolt keeps freed pages with their old
// bytes until the file is compacted (see store.DeleteSession).
func TestDeletedRequestLeavesTheLiveFile(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"), keyMsg("r"))
	a = drive(t, a, typeText("DELETE-ME-PHRASE")...)
	a = drive(t, a, keys("enter", "enter")...)
	a = drive(t, a, keyMsg("x"), keyMsg("y"))
	rec := load(t, st, a.session.meet.ID())
	for _, r := range rec.Requests {
		t.Errorf("still stored: %+v", r)
	}
	for k, n := range rec.Notes {
		if strings.Contains(n.Text, "DELETE-ME-PHRASE") {
			t.Errorf("note %s still holds it", k)
		}
	}
	if !a.Removed() {
		t.Fatal("the app does not say that an item was deleted, so nothing scrubs the file")
	}
	// What cmd/vigil does when the program ends after a delete.
	if err := st.ScrubSession(a.session.meet.ID()); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("DELETE-ME-PHRASE")) {
		t.Error("the raw database file still holds the deleted request")
	}
}

// TestGoldenPrivateFirstForm: the add form's first question, and a
// private request being typed in the shared view, as the room sees them.
func TestGoldenPrivateFirstForm(t *testing.T) {
	for _, sc := range []struct {
		name string
		keys []tea.Msg
		wait string
	}{
		{"ask", keys("a"), "For the room, or private?"},
		{"typing-private", append(keys("a"), typeText("My uncle hurt me")...), "A private request is being written"},
	} {
		t.Run(sc.name, func(t *testing.T) {
			st := openTestStore(t)
			g := guides.Default()
			o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
			if err != nil {
				t.Fatal(err)
			}
			app := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
				Now: fixedClock, ReduceMotion: true, SaveDelay: time.Millisecond, Start: o})
			app = toPage(session.PageRequests)(t, drive(t, app, sizeMsg(80, 24)), st)
			seen := &lastModel{}
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
				teatest.WithProgramOptions(tea.WithFilter(seen.filter)))
			for _, k := range sc.keys {
				tm.Send(k)
			}
			view := seen.waitFor(t, tm, func(v string) bool {
				return strings.Contains(v, sc.wait) && !strings.Contains(v, "saving…") &&
					(sc.name == "ask" || strings.Contains(v, "✓ saved"))
			})
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := viewText(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App))
			for _, v := range []string{view, final} {
				if strings.Contains(v, "uncle") {
					t.Fatalf("the shared view shows the private text:\n%s", v)
				}
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

var _ = store.Request{}
