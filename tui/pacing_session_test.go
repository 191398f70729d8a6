package tui

import (
	"bytes"
	"testing"
	"time"

	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
)

// movingClock is an injected clock a test moves by hand.
type movingClock struct{ t time.Time }

func (c *movingClock) now() time.Time { return c.t }

func (c *movingClock) add(d time.Duration) { c.t = c.t.Add(d) }

func newPacedApp(t *testing.T, clk *movingClock, bell *bytes.Buffer) (App, func(App) App) {
	t.Helper()
	st := openTestStore(t)
	g := tinyGuide()
	g.Meta.Minutes = map[guides.Kind]int{"faq": 20, "reflection": 20, "prayer": 15, "next": 5}
	o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: clk.now()})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: clk.now, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o, Bell: bell})
	a = drive(t, a, sizeMsg(100, 30))
	reload := func(a App) App {
		rec := load(t, st, a.session.meet.ID())
		return New(Config{Store: st, Library: a.ctx.cfg.Library, GlamourStyle: "notty", Now: clk.now,
			SaveDelay: time.Millisecond, ReduceMotion: true, Start: &session.Opened{Record: rec, Guide: g}})
	}
	return a, reload
}

// tickOnce delivers one clock tick and drops the next one it asks for (it
// would come a real second later).
func tickOnce(a App) App {
	m, _ := a.Update(clockTickMsg{sessionID: a.session.meet.ID()})
	return m.(App)
}

func TestMeetingLengthSharesTheTime(t *testing.T) {
	clk := &movingClock{t: fixedClock()}
	a, _ := newPacedApp(t, clk, nil)
	a = drive(t, a, keyMsg("m"))
	a = drive(t, a, typeText("30")...)
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, viewText(a), "FAQ 10 · reflection 10 · prayer 8 · next steps 2 = 30 min")
	b := load(t, a.ctx.cfg.Store, a.session.meet.ID()).Session.Budget
	if b["faq"] != 10 || b["prayer"] != 8 {
		t.Errorf("stored budget %v", b)
	}
	a = drive(t, a, keyMsg("m"))
	a = drive(t, a, typeText("0")...)
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, viewText(a), "from 1 to 600")
}

// TestPacingCountsThePartNotThePause replays minutes with the injected
// clock: the header shows the part's time against its budget, a pause does
// not count, going over says so, and the time survives quitting.
func TestPacingCountsThePartNotThePause(t *testing.T) {
	clk := &movingClock{t: fixedClock()}
	a, reload := newPacedApp(t, clk, nil)
	a = drive(t, a, keyMsg("right")) // faq/one
	clk.add(12 * time.Minute)
	a = tickOnce(a)
	mustContain(t, viewText(a), "part 12 of 20 min", "meeting 12 of 60 min")

	a = drive(t, a, keyMsg(" "))
	clk.add(30 * time.Minute) // paused: not the FAQ's time
	a = drive(t, a, keyMsg("x"))
	clk.add(9 * time.Minute)
	a = tickOnce(a)
	mustContain(t, viewText(a), "part 21 of 20 min, over", "meeting 21 of 60 min")

	a = drive(t, a, keyMsg("right"), keyMsg("right")) // to the reflection
	clk.add(2 * time.Minute)
	a = tickOnce(a)
	mustContain(t, viewText(a), "part 2 of 20 min", "meeting 23 of 60 min")

	if _, err := session.NewSaver(a.ctx.cfg.Store).Close(a.Final()...); err != nil {
		t.Fatal(err)
	}
	clk.add(24 * time.Hour) // closed: not counted
	b := reload(a)
	b = drive(t, b, sizeMsg(100, 30))
	mustContain(t, viewText(b), "part 2 of 20 min", "meeting 23 of 60 min")
	spent := load(t, a.ctx.cfg.Store, a.session.meet.ID()).Session.Spent
	if spent["faq"] != 21*60 || spent["reflection"] != 2*60 {
		t.Errorf("stored time spent %v", spent)
	}
}

func TestSilenceTimerRingsAndShows(t *testing.T) {
	clk := &movingClock{t: fixedClock()}
	var bell bytes.Buffer
	a, _ := newPacedApp(t, clk, &bell)
	a = drive(t, a, keyMsg("right"))
	step := func(msg tea.Msg) tea.Cmd {
		m, cmd := a.Update(msg)
		a = m.(App)
		return cmd
	}
	step(keyMsg("t"))
	mustContain(t, viewText(a), "1, 2, 3 or 5 minutes")
	step(keyMsg("2"))
	mustContain(t, viewText(a), "silence · 2:00 left")
	cmd := step(timer.TimeoutMsg{ID: a.session.silence.timer.ID()})
	mustContain(t, viewText(a), "The silence has ended")
	for _, msg := range runCmd(cmd) {
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				runCmd(c)
			}
		}
	}
	if bell.String() != "\a" {
		t.Errorf("the bell wrote %q", bell.String())
	}
	step(keyMsg("right"))
	mustNotContain(t, viewText(a), "The silence has ended")
}

func TestWhoIsHereIsOptional(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, keyMsg("w"))
	a = drive(t, a, typeText("A.B., C.D.")...)
	a = drive(t, a, keyMsg("esc")) // esc keeps it, like every esc
	mustContain(t, viewText(a), "Who is here: A.B., C.D.")
	if got := load(t, st, a.session.meet.ID()).Session.Attendance; got != "A.B., C.D." {
		t.Errorf("stored attendance %q", got)
	}
	a = goTo(t, a, session.KeySummary)
	mustContain(t, viewText(a), "Present: A.B., C.D.")
	// Never needed to move on: a fresh session goes straight past it.
	b, _ := newTestApp(t, tinyGuide(), 80, 24)
	b = drive(t, b, keyMsg("right"))
	if b.session.page().Key != "faq/one" {
		t.Errorf("→ without attendance went to %q", b.session.page().Key)
	}
}
