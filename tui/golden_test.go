package tui

import (
	"fmt"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// TestGoldenScreens runs the real program (teatest) at a fixed size with the
// seed guide, walks to a screen and compares its View, as text, with a
// golden file under testdata/. A screen is reached by keys sent to the
// program, or by keys given to the model before it starts (prep), where the
// way there is long. Regenerate with -update, and read the files before
// committing them.
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name string
		prep func(t *testing.T, a App, st *store.Store) App // nil: none
		home bool                                           // start on the home screen
		keys []tea.Msg
		wait string
	}{
		{name: "content-note", wait: "How shall we go on?"},
		{name: "first-question", keys: keys("enter"), wait: "What is cybersex trafficking?"},
		{name: "reflection-prompt", keys: keys("g"), wait: "prompt 1 of"},
		{name: "help", keys: keys("?"), wait: "any other key closes"},
		{name: "pause", keys: keys("space"), wait: "Any key returns"},
		{name: "resources", keys: keys("H"), wait: "Help and report"},
		{name: "editing", keys: keys("enter", "enter", "We prayed"), wait: "We prayed"},
		{name: "requests", prep: toPage(session.PageRequests), wait: "The group's own requests"},
		{name: "summary", prep: toPage(session.PageSummary), wait: "That is the end of the guide."},
		{name: "export", prep: toPage(session.PageSummary), keys: keys("e"), wait: "Export session #1"},
		{name: "home", home: true, wait: "Resume a session"},
		{name: "prayer-list", home: true, prep: func(t *testing.T, a App, st *store.Store) App {
			return drive(t, a, openPrayerListMsg{}, loadPrayerList(st)())
		}, wait: "Prayer list"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := openTestStore(t)
				g := guides.Default()
				o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
				if err != nil {
					t.Fatal(err)
				}
				cfg := Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
					Now: fixedClock, ReduceMotion: true, SaveDelay: time.Millisecond, Start: o}
				if sc.home {
					cfg.Start = nil
				}
				app := New(cfg)
				if sc.prep != nil {
					app = sc.prep(t, drive(t, app, sizeMsg(size[0], size[1])), st)
				}
				// The screen, with the guide rendered and every save it
				// started finished.
				view := showScreen(t, app, size[0], size[1], sc.keys, []string{sc.wait})
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// toPage walks the session forward (the full guide) to the first page of
// a kind.
func toPage(kind session.PageKind) func(t *testing.T, a App, st *store.Store) App {
	return func(t *testing.T, a App, _ *store.Store) App {
		for range 100 {
			if a.session.page().Kind == kind {
				return a
			}
			a = drive(t, a, keyMsg("right"))
		}
		t.Fatalf("no page of kind %v", kind)
		return a
	}
}

// lastModel keeps the view of the program's model as a probe reaches
// it, drawn on the program's goroutine (the model shares maps and
// pointers with the program). Only a probe's view is kept: the program
// takes messages in the order they were sent, so that view has every
// message sent before the probe handled, and a view from half way through
// the keys, which may show the text waited for too, is never taken for
// the screen. The terminal output cannot be searched for a screen's text:
// bubbletea v2 draws only the cells that changed.
type lastModel struct {
	mu   sync.Mutex
	view string
	ok   bool
}

// probeMsg makes the program hand its model to the filter; no screen
// takes it.
type probeMsg struct{}

func (l *lastModel) filter(m tea.Model, msg tea.Msg) tea.Msg {
	if _, probe := msg.(probeMsg); !probe {
		return msg
	}
	if a, ok := m.(App); ok {
		v := viewText(a)
		l.mu.Lock()
		l.view, l.ok = v, true
		l.mu.Unlock()
	}
	return msg
}

// waitFor polls the program's model until its view meets cond, for at
// most five seconds, and returns that view: what a golden compares, since
// a later view may show a save the clock started meanwhile.
func (l *lastModel) waitFor(t *testing.T, tm *teatest.TestModel, cond func(view string) bool) string {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(5 * time.Second)
	last := ""
	for {
		tm.Send(probeMsg{})
		l.mu.Lock()
		v, ok := l.view, l.ok
		l.mu.Unlock()
		if ok {
			if last = v; cond(last) {
				return last
			}
		}
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("the screen never came; the last one was:\n%s", last)
		}
	}
}
