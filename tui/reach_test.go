package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
)

// TestEveryLineIsReachable renders every page of the seed guide at the
// smallest window and two common ones, in the shared view and the
// leader's, and presses → as a leader would: every line of the page's
// text must have been on screen before → turns the page. Nothing is
// skipped silently, the leader's notes included.
func TestEveryLineIsReachable(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}} {
		for _, leader := range []bool{false, true} {
			t.Run(fmt.Sprintf("%dx%d-leader-%v", size[0], size[1], leader), func(t *testing.T) {
				a, _ := newTestApp(t, guides.Default(), size[0], size[1])
				a.session.leader = leader
				for _, p := range a.session.meet.Pages {
					if !p.ShownIn(a.session.audience()) {
						continue
					}
					a = toKey(t, a, p.Key)
					body := ansi.Strip(a.session.vp.GetContent())
					seen := map[string]bool{}
					more := false
					for range 200 {
						for _, l := range strings.Split(ansi.Strip(a.session.vp.View()), "\n") {
							seen[strings.TrimRight(l, " ")] = true
						}
						if a.session.moreBelow() {
							more = true
							if !strings.Contains(viewText(a), "↓ more") || !strings.Contains(viewText(a), "→ more") {
								t.Errorf("%s: more below, but neither the status nor the footer says so", p.Key)
							}
						}
						off := a.session.vp.YOffset()
						a = drive(t, a, keyMsg("right"))
						if a.session.page().Key != p.Key || a.session.vp.YOffset() == off {
							break
						}
					}
					for _, l := range strings.Split(body, "\n") {
						if l = strings.TrimRight(l, " "); strings.TrimSpace(l) != "" && !seen[l] {
							t.Errorf("%s (more below: %v): never on screen: %q", p.Key, more, l)
						}
					}
				}
			})
		}
	}
}

// TestLeaderNotesReachableAtTheSmallestWindow: the guide's "For the
// leader" notes are in the leader's view's text at 60×20, so the test
// above reaches them.
func TestLeaderNotesReachableAtTheSmallestWindow(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 60, 20)
	a.session.leader = true
	n := 0
	for _, p := range a.session.meet.Pages {
		if p.Part < 0 || p.Section < 0 {
			continue
		}
		sec := a.session.meet.Guide.Parts[p.Part].Sections[p.Section]
		if strings.TrimSpace(sec.Leader) == "" {
			continue
		}
		a = toKey(t, a, p.Key)
		if !strings.Contains(ansi.Strip(a.session.vp.GetContent()), "For the leader") {
			t.Errorf("%s: the leader's notes are not in the leader's view", p.Key)
		}
		n++
	}
	if n == 0 {
		t.Fatal("the seed guide has no leader notes")
	}
	mustContain(t, ansi.Strip(a.session.vp.GetContent()), "For the leader")
}

// TestRevealIsTheMeetings: r on a headline page shows the request's text
// on screen and in the room's page alike (the switch is the meeting's),
// and a move hides it again in both.
func TestRevealIsTheMeetings(t *testing.T) {
	a := atHeadline(t, 100, 30)
	before := a.session.meet.SharedPage().Markdown
	if !a.session.meet.HidesText() {
		t.Fatal("the headline page does not hide its text")
	}
	a = drive(t, a, keyMsg("r"))
	after := a.session.meet.SharedPage().Markdown
	if a.session.meet.HidesText() || len(after) <= len(before) {
		t.Errorf("after r the room's page still holds the headline only (%d → %d bytes)", len(before), len(after))
	}
	a = drive(t, a, keyMsg("right"), keyMsg("left"))
	if !a.session.meet.HidesText() {
		t.Error("after moving away and back the text is still shown")
	}
}
