package tui

import (
	"github.com/charmbracelet/x/ansi"

	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/session"
)

func TestBreath(t *testing.T) {
	for _, tt := range []struct {
		at   time.Duration
		in   bool
		full float64
	}{
		{0, true, 0},
		{2 * time.Second, true, 0.5},
		{4 * time.Second, false, 1},
		{7 * time.Second, false, 0.5},
		{10 * time.Second, true, 0},
		{62 * time.Second, true, 0.5},
	} {
		in, full := breath(tt.at)
		if in != tt.in || full < tt.full-1e-9 || full > tt.full+1e-9 {
			t.Errorf("breath(%v) = %v, %.2f; want %v, %.2f", tt.at, in, full, tt.in, tt.full)
		}
	}
	// At most six breaths a minute.
	if per := time.Minute / breathCycle; per > 6 {
		t.Errorf("%d breaths a minute", per)
	}
}

// TestPauseHidesEverything: the pause screen shows nothing of the section
// or the note on screen, and any key returns to the same page.
func TestPauseHidesEverything(t *testing.T) {
	g := guides.Default()
	a, _ := newTestApp(t, g, 100, 30)
	a = goTo(t, a, "faq/what-is-cybersex-trafficking")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("NOTEONSCREEN")...)
	a = drive(t, a, keyMsg("esc"))
	before := viewText(a)
	mustContain(t, before, "NOTEONSCREEN", "Cybersex trafficking is")

	a = drive(t, a, keyMsg(" "))
	v := viewText(a)
	mustContain(t, v, "Paused")
	mustNotContain(t, v, "NOTEONSCREEN", "What is cybersex trafficking", "SHARED VIEW", "Thursday group")
	for _, word := range strings.Fields(g.Parts[0].Sections[0].Body) {
		if len(word) > 6 && strings.Contains(v, word) {
			t.Errorf("the pause screen shows %q from the section", word)
		}
	}

	a = drive(t, a, keyMsg("x"))
	if _, paused := a.top().(pauseDialog); paused {
		t.Fatal("a key did not end the pause")
	}
	if a.session.page().Key != "faq/what-is-cybersex-trafficking" || viewText(a) != before {
		t.Error("after the pause the screen is not where it was")
	}
}

// TestResourcesScreenIsTheGuides: the help screen holds every resource of
// the guide, word for word, and nothing with a number that the guide does
// not have.
func TestResourcesScreenIsTheGuides(t *testing.T) {
	g := guides.Default()
	a, _ := newTestApp(t, g, 120, 40)
	a = drive(t, a, keyMsg("H"))
	if _, open := a.top().(resourcesDialog); !open {
		t.Fatal("H did not open the help screen")
	}
	text := ansi.Strip(resourcesText(session.HelpOf(g), a.ctx.styles, 1000)) // wide: no wrapping
	var want []string
	for _, grp := range g.Meta.Resources {
		want = append(want, grp.Need)
		for _, r := range grp.Items {
			for _, f := range []string{r.Name, r.By, r.Phone, r.Text, r.TTY, r.Web, r.For} {
				if f != "" {
					want = append(want, strings.Join(strings.Fields(f), " "))
				}
			}
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	mustContain(t, flat, want...)
	mustContain(t, flat, session.EmergencyLine, "2026-11-26")
	// Every digit run on the screen comes from the guide's resources.
	guideText := strings.Join(want, " ") + " " + g.Meta.ResourcesChecked
	for _, f := range strings.FieldsFunc(flat, func(r rune) bool { return r < '0' || r > '9' }) {
		if !strings.Contains(guideText, f) {
			t.Errorf("the help screen shows the number %q, which the guide does not have", f)
		}
	}
	// The screen scrolls and closes.
	mustContain(t, viewText(a), "Help and report")
	a = drive(t, a, keyMsg("esc"))
	if a.top() != nil {
		t.Error("esc did not close the help screen")
	}
}

// TestResourcesFromPause: H on the pause screen shows help; closing it
// returns to the pause.
func TestResourcesFromPause(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, keys(" ", "H")...)
	mustContain(t, viewText(a), "Help and report")
	a = drive(t, a, keyMsg("esc"))
	mustContain(t, viewText(a), "Paused")
}
