package tui

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
		b := scaleBudget(g, total)
		sum := 0
		for _, m := range b {
			sum += m
		}
		if sum != total {
			t.Errorf("scaleBudget(%d) = %v, adds to %d", total, b, sum)
		}
	}
	if b := scaleBudget(g, 60); b["faq"] != 20 || b["reflection"] != 20 || b["prayer"] != 15 || b["next"] != 5 {
		t.Errorf("60 minutes: %v", b)
	}
	if b := scaleBudget(g, 30); b["faq"] != 10 || b["reflection"] != 10 || b["prayer"] != 8 || b["next"] != 2 {
		t.Errorf("30 minutes: %v", b)
	}
	g.Meta.Minutes = nil
	if b := scaleBudget(g, 40); b["faq"] != 10 || b["next"] != 10 {
		t.Errorf("no suggestions, 40 minutes: %v", b)
	}
}

// TestClockReplaysAMeeting replays a meeting with an injected clock: time
// counts for the part on screen, not while paused, not while vigil is
// closed, and picks up from the stored seconds on resume.
func TestClockReplaysAMeeting(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 19, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

	c := newClock(store.Session{}, at(0))
	c = c.show(guides.KindFAQ, at(0))
	c = c.show(guides.KindReflection, at(12))                    // 12 min of FAQ
	c = c.stop(at(15))                                           // 3 min of reflection, then a pause
	c = c.start(at(25))                                          // the 10-minute pause is not counted
	c = c.show(guides.KindPrayer, at(30))                        // 5 more of reflection
	c = c.advance(at(31))                                        // 1 of prayer
	saved := store.Session{Spent: c.seconds()}                   // quit
	r := newClock(saved, at(90)).show(guides.KindPrayer, at(90)) // resumed an hour later
	r = r.advance(at(94))

	want := map[guides.Kind]time.Duration{"faq": 12 * time.Minute, "reflection": 8 * time.Minute, "prayer": 5 * time.Minute}
	for k, d := range want {
		if r.spent[k] != d {
			t.Errorf("%s: %v, want %v", k, r.spent[k], d)
		}
	}
	if r.total() != 25*time.Minute {
		t.Errorf("total %v", r.total())
	}
	// The clock is a value: the copy before resume did not move.
	if c.spent["prayer"] != time.Minute {
		t.Errorf("an earlier clock changed: %v", c.spent["prayer"])
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
		text, over := pace(tt.spent, tt.budget)
		if text != tt.text || over != tt.over {
			t.Errorf("pace(%v, %d) = %q, %v", tt.spent, tt.budget, text, over)
		}
	}
}
