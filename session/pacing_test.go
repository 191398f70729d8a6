package session

import (
	"testing"
	"time"

	"vigil/guides"
	"vigil/store"
)

func TestScaleBudget(t *testing.T) {
	g := tinyGuide()
	g.Meta.Minutes = map[guides.Kind]int{"faq": 20, "reflection": 20, "prayer": 15, "next": 5}
	for _, total := range []int{60, 45, 90, 7, 1} {
		b := ScaleBudgetFor(g, store.PathFull, total)
		if sum := BudgetTotal(b); sum != total {
			t.Errorf("ScaleBudgetFor(full, %d) = %v, adds to %d", total, b, sum)
		}
	}
	if b := ScaleBudgetFor(g, store.PathFull, 60); b["faq"] != 20 || b["reflection"] != 20 || b["prayer"] != 15 || b["next"] != 5 {
		t.Errorf("60 minutes: %v", b)
	}
	if b := ScaleBudgetFor(g, store.PathFull, 30); b["faq"] != 10 || b["reflection"] != 10 || b["prayer"] != 8 || b["next"] != 2 {
		t.Errorf("30 minutes: %v", b)
	}
	if b := ScaleBudgetFor(g, store.PathFull, 0); len(b) != 0 {
		t.Errorf("0 minutes: %v", b)
	}
	g.Meta.Minutes = nil
	if b := ScaleBudgetFor(g, store.PathFull, 40); b["faq"] != 10 || b["next"] != 10 {
		t.Errorf("no suggestions, 40 minutes: %v", b)
	}
}

func TestPlanned(t *testing.T) {
	g := seed()
	if p := Planned(g, store.Session{}); p[guides.KindFAQ] != 20 || p[guides.KindPrayer] != 15 || p[guides.KindNext] != 5 {
		t.Errorf("the guide's minutes: %v", p)
	}
	s := store.Session{Budget: ScaleBudgetFor(g, store.PathFull, 45)}
	p := Planned(g, s)
	total := 0
	for _, m := range p {
		total += m
	}
	if total != 45 || p[guides.KindFAQ] != s.Budget["faq"] {
		t.Errorf("a 45-minute budget plans %v", p)
	}
}

// TestClockReplaysAMeeting replays a meeting with an injected clock: time
// counts for the part on screen, not while paused, not while vigil is
// closed, and picks up from the stored seconds on resume.
func TestClockReplaysAMeeting(t *testing.T) {
	t0 := day(26)
	at := func(min int) time.Time { return minutes(t0, min) }

	c := NewClock(store.Session{}, at(0))
	c = c.Show(guides.KindFAQ, at(0))
	c = c.Show(guides.KindReflection, at(12)) // 12 min of FAQ
	c = c.Stop(at(15))                        // 3 min of reflection, then a pause
	if !c.Stopped() {
		t.Error("a stopped clock says it is running")
	}
	c = c.Advance(at(20))                                        // paused: nothing counts
	c = c.Start(at(25))                                          // the 10-minute pause is not counted
	c = c.Show(guides.KindPrayer, at(30))                        // 5 more of reflection
	c = c.Advance(at(31))                                        // 1 of prayer
	saved := store.Session{Spent: c.Seconds()}                   // quit
	r := NewClock(saved, at(90)).Show(guides.KindPrayer, at(90)) // resumed an hour later
	r = r.Advance(at(94))

	want := map[guides.Kind]time.Duration{"faq": 12 * time.Minute, "reflection": 8 * time.Minute, "prayer": 5 * time.Minute}
	for k, d := range want {
		if r.Spent(k) != d {
			t.Errorf("%s: %v, want %v", k, r.Spent(k), d)
		}
	}
	if r.Total() != 25*time.Minute {
		t.Errorf("total %v", r.Total())
	}
	// The clock is a value: the copy before resume did not move.
	if c.Spent("prayer") != time.Minute {
		t.Errorf("an earlier clock changed: %v", c.Spent("prayer"))
	}
	if s := r.Seconds(); s["faq"] != 720 || s["reflection"] != 480 || s["prayer"] != 300 || len(s) != 3 {
		t.Errorf("stored seconds %v", s)
	}
}

func TestClockCountsNothingOffTheParts(t *testing.T) {
	t0 := day(26)
	c := NewClock(store.Session{}, t0).Show("", t0) // the content note
	c = c.Advance(minutes(t0, 5))
	c = c.Show(guides.KindFAQ, minutes(t0, 5)).Advance(minutes(t0, 4)) // time going back counts nothing
	if c.Total() != 0 || len(c.Seconds()) != 0 {
		t.Errorf("counted %v off the parts: %v", c.Total(), c.Seconds())
	}
	c = c.Advance(minutes(t0, 6))
	if c.Spent(guides.KindFAQ) != 2*time.Minute {
		t.Errorf("faq %v, want 2m after the clock caught up", c.Spent(guides.KindFAQ))
	}
}

func TestPace(t *testing.T) {
	for _, tt := range []struct {
		spent  time.Duration
		budget int
		text   string
		over   bool
	}{
		{4*time.Minute + 30*time.Second, 20, "4 of 20 min", false},
		{20 * time.Minute, 20, "20 of 20 min", false},
		{22 * time.Minute, 20, "22 of 20 min, over", true},
		{3 * time.Minute, 0, "3 min", false},
	} {
		text, over := Pace(tt.spent, tt.budget)
		if text != tt.text || over != tt.over {
			t.Errorf("Pace(%v, %d) = %q, %v", tt.spent, tt.budget, text, over)
		}
	}
}

func TestMeetingLengthSharesTheTime(t *testing.T) {
	st, _ := openStore(t)
	m := newMeeting(t, st, seed(), "", day(5))
	if m.MeetingLength() != 60 {
		t.Errorf("the seed guide plans %d min", m.MeetingLength())
	}
	applyAll(t, st, m.SetMeetingLength(30))
	b := load(t, st, m.ID()).Session.Budget
	if b["faq"] != 10 || b["reflection"] != 10 || b["prayer"] != 8 || b["next"] != 2 || m.MeetingLength() != 30 {
		t.Errorf("stored budget %v, meeting length %d", b, m.MeetingLength())
	}
	applyAll(t, st, m.SetMeetingLength(0))
	if b := load(t, st, m.ID()).Session.Budget; len(b) != 0 || m.MeetingLength() != 60 {
		t.Errorf("back to the guide's minutes: stored %v, length %d", b, m.MeetingLength())
	}
}

// TestPacingCountsThePartNotThePause replays minutes through a meeting: a
// pause does not count, going over says so, and the time survives quitting
// and a day closed.
func TestPacingCountsThePartNotThePause(t *testing.T) {
	st, _ := openStore(t)
	g := seed()
	t0 := day(5)
	m := newMeeting(t, st, g, "", t0)
	m.MoveIn(Leader, 1, t0) // the first question
	m.Tick(minutes(t0, 12))
	if text, _ := Pace(m.Clock.Spent(m.Kind()), Planned(g, m.Rec.Session)[m.Kind()]); text != "12 of 20 min" {
		t.Errorf("after 12 minutes: %q", text)
	}
	m.Pause(minutes(t0, 12))
	m.Tick(minutes(t0, 42)) // paused: not the FAQ's time
	m.Unpause(minutes(t0, 42))
	m.Tick(minutes(t0, 51))
	if text, over := Pace(m.Clock.Spent(m.Kind()), 20); text != "21 of 20 min, over" || !over {
		t.Errorf("after the pause: %q, %v", text, over)
	}
	goToKey(t, &m, "reflection/clarity#1", minutes(t0, 51))
	m.Tick(minutes(t0, 53))
	if m.Clock.Total() != 23*time.Minute {
		t.Errorf("meeting total %v", m.Clock.Total())
	}
	applyAll(t, st, m.Final(minutes(t0, 53)))
	spent := load(t, st, m.ID()).Session.Spent
	if spent["faq"] != 21*60 || spent["reflection"] != 2*60 {
		t.Errorf("stored time spent %v", spent)
	}
	// Closed for a day: not counted.
	o, err := ResumeStatus(st, guides.Load(""), m.ID())
	if err != nil {
		t.Fatal(err)
	}
	later := minutes(t0, 53+24*60)
	r := Open(o, later)
	if r.Page().Key != "reflection/clarity#1" {
		t.Errorf("resumed at %s", r.Page().Key)
	}
	r.Tick(minutes(later, 1))
	if r.Clock.Spent(guides.KindReflection) != 3*time.Minute || r.Clock.Spent(guides.KindFAQ) != 21*time.Minute {
		t.Errorf("after resuming: reflection %v, faq %v", r.Clock.Spent(guides.KindReflection), r.Clock.Spent(guides.KindFAQ))
	}
	// HeaderChange saves the time so far.
	cs := r.HeaderChange(minutes(later, 2))
	if len(cs) != 1 || cs[0].Session == nil || cs[0].Session.Spent["reflection"] != 4*60 {
		t.Errorf("header change %+v", cs)
	}
}
