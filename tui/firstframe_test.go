package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
)

// renders counts the guide renderings among the messages that cmd's
// commands (a batch included) bring back.
func renders(c tea.Cmd) (n int, msgs []tea.Msg) {
	queue := runCmd(c)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch m := msg.(type) {
		case tea.BatchMsg:
			for _, c := range m {
				queue = append(queue, runCmd(c)...)
			}
		case renderedMsg:
			n++
			msgs = append(msgs, m)
		}
	}
	return n, msgs
}

// TestFirstFrameBeforeTheSizeMessage: given the terminal's size, the
// screen is laid out before bubbletea's first message, so the first frame
// drawn (right after Init) is the content note; Init asks for the guide
// at that width once, and the size message that follows, agreeing, asks
// for nothing more.
func TestFirstFrameBeforeTheSizeMessage(t *testing.T) {
	st := openTestStore(t)
	g := tinyGuide()
	o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o, Width: 100, Height: 30})
	mustContain(t, viewText(a), "Before we begin")
	n, msgs := renders(a.Init())
	if n != 1 {
		t.Fatalf("Init asked for %d renderings of the guide, want 1", n)
	}
	m, cmd := a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if n, _ := renders(cmd); n != 0 {
		t.Errorf("a size message of the same size while the guide renders asked for %d more renderings", n)
	}
	a = drive(t, m.(App), msgs...)
	if n, _ := renders(a.session.ensureRendered()); n != 0 {
		t.Errorf("the guide rendered at this width is asked for again")
	}

	// Without a size the first frame waits for the message, as before.
	b := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o})
	mustNotContain(t, viewText(b), "Before we begin")
}

// TestStaleThemeRenderingIsDropped: a rendering made in the theme before
// the terminal told its background does not overwrite the pages of the
// new theme's.
func TestStaleThemeRenderingIsDropped(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	old := renderedMsg{sessionID: a.session.meet.ID(), style: "dark", width: a.session.lay.text,
		pages: map[string]string{"x": "old theme"}}
	a = drive(t, a, old)
	if _, ok := a.session.cache[a.session.lay.text]["x"]; ok {
		t.Error("a rendering in another theme was kept")
	}
}
