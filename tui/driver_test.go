package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/internal/guidetest"
	"vigil/session"
	"vigil/store"
)

// viewText is the app's View as text: what a terminal with no colour at
// all shows. lipgloss v2 styles always write their codes and the program's
// colour profile drops them on output, so tests and goldens drop them here.
func viewText(a App) string { return ansi.Strip(a.View().Content) }

// openTestStore opens a real bbolt file in a temp dir and checks it at the
// end of the test.
func openTestStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "vigil.db"), store.Options{Timeout: time.Second, NoAutoBackup: true, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Check(); err != nil {
			t.Errorf("database check: %v", err)
		}
		st.Close()
	})
	return st
}

// fixedClock is an injected clock that stands still.
func fixedClock() time.Time { return time.Date(2026, 11, 26, 19, 30, 0, 0, time.UTC) }

// newTestApp opens a new session of g in a fresh store, sized w×h, with
// every render finished.
func newTestApp(t testing.TB, g *guides.Guide, w, h int) (App, *store.Store) {
	t.Helper()
	st := openTestStore(t)
	o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o})
	a = drive(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	return a, st
}

// groupWeeks is a group's first two meetings of a guide in one store.
type groupWeeks struct {
	st           *store.Store
	week1, week2 *session.Opened
}

// secondMeeting fills a real store (in t.TempDir) with a group's first
// meeting of g, with what left says that meeting left (its requests,
// commitments and notes, as one change made from its session), and opens
// the group's second meeting a week later, to which what is still open is
// carried.
func secondMeeting(t testing.TB, g *guides.Guide, left func(week1 store.Session) store.Change) groupWeeks {
	t.Helper()
	st := openTestStore(t)
	week1, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	c := left(week1.Record.Session)
	c.SessionID = week1.Record.Session.ID
	if err := st.Apply(c); err != nil {
		t.Fatal(err)
	}
	week2, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock().Add(7 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return groupWeeks{st: st, week1: week1, week2: week2}
}

// app is the second meeting on screen, sized w×h, with what the first
// left read.
func (gw groupWeeks) app(t testing.TB, w, h int) App {
	t.Helper()
	a := New(Config{Store: gw.st, Library: guides.Library{Guides: []*guides.Guide{gw.week2.Guide}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: gw.week2})
	return drive(t, a, sizeMsg(w, h), loadCarry(gw.st, gw.week2.Record.Session)())
}

// drive sends messages to the app and runs the commands they return,
// feeding their messages back, until nothing more comes within a short
// while. Cursor blinks and other ticks that take longer are dropped.
func drive(t testing.TB, a App, msgs ...tea.Msg) App {
	t.Helper()
	return player{name: "drive", steps: 1000, wait: cmdWait}.play(t, a, msgs...)
}

// player is the loop of drive and playFrames: at most steps messages, a
// command given wait to answer, and after (when set) called with the app
// after every message it takes.
type player struct {
	name  string
	steps int
	wait  time.Duration
	after func(App)
}

func (p player) play(t testing.TB, a App, msgs ...tea.Msg) App {
	t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > p.steps {
			t.Fatalf("%s: the app keeps sending messages", p.name)
		}
		msg := queue[0]
		queue = queue[1:]
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				queue = append(queue, runWithin(c, p.wait)...)
			}
			continue
		}
		m, cmd := a.Update(msg)
		a = m.(App)
		if p.after != nil {
			p.after(a)
		}
		queue = append(queue, runWithin(cmd, p.wait)...)
	}
	return a
}

// cmdWait is how long runCmd waits for a command.
const cmdWait = 2 * time.Second

// runCmd runs one command with a deadline; a command that has not answered
// within it is dropped. Tests run with ReduceMotion, so no cursor blinks.
func runCmd(c tea.Cmd) []tea.Msg { return runWithin(c, cmdWait) }

// runWithin runs a command and keeps its message if it comes within d;
// nothing and tea.Quit are dropped.
func runWithin(c tea.Cmd, d time.Duration) []tea.Msg {
	if c == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		if _, quit := msg.(tea.QuitMsg); msg == nil || quit {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(d):
		return nil
	}
}

// keyMsg makes a key press from a name as bubbletea prints it; any other
// text is typed, one press for the lot (as an input method would).
func keyMsg(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space", " ":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+p":
		return tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}
	}
	rs := []rune(s)
	if len(rs) == 1 {
		return tea.KeyPressMsg{Code: rs[0], Text: s}
	}
	return tea.KeyPressMsg{Code: tea.KeyExtended, Text: s}
}

// keys turns names into key messages; text is sent rune by rune.
func keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		out = append(out, keyMsg(n))
	}
	return out
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, keyMsg(string(r)))
	}
	return out
}

// goTo presses → (or ←) until the page with the key is on screen.
func goTo(t testing.TB, a App, key string) App {
	t.Helper()
	for i := 0; i < 100 && a.session.page().Key != key; i++ {
		dir := "right"
		if session.IndexOf(a.session.meet.Pages, key) < a.session.meet.Cur {
			dir = "left"
		}
		a = drive(t, a, keyMsg(dir))
	}
	if a.session.page().Key != key {
		t.Fatalf("never reached page %q", key)
	}
	return a
}

func mustContain(t testing.TB, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("missing %q in:\n%s", w, s)
		}
	}
}

func mustNotContain(t testing.TB, s string, bads ...string) {
	t.Helper()
	for _, b := range bads {
		if strings.Contains(s, b) {
			t.Errorf("%q must not show in:\n%s", b, s)
		}
	}
}

func sizeMsg(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

func lipglossWidth(s string) int { return ansi.StringWidth(s) }

// tinyGuide has every part kind, a reflection step with two prompts and a
// section marked detailed.
func tinyGuide() *guides.Guide { return guidetest.Tiny() }

func keysOf(pages []session.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Key)
	}
	return out
}
