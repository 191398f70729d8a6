package e2e

import (
	"regexp"
	"testing"
)

// sgrColour matches an SGR sequence that sets a colour: 30–37, 38;…,
// 39, 40–47, 48;…, 49, 90–97, 100–107, alone or among other parameters.
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// screenWithEscapes is the pane with its colours and attributes as escapes.
func (tm *term) screenWithEscapes() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-e", "-p", "-t", tm.name)
}

// visitScreens walks the screens a session shows and returns each one
// with its escapes.
func visitScreens(t *testing.T, env map[string]string) []string {
	tm := startTerm(t, env, 100, 30, binary, "new")
	var screens []string
	grab := func(text string) {
		tm.waitFor(text, wait)
		screens = append(screens, tm.screenWithEscapes())
	}
	grab("Before we begin")
	tm.keys("Right")
	grab("What is cybersex trafficking?")
	tm.keys("Tab")
	grab("LEADER VIEW")
	tm.keys("Tab")
	tm.waitFor("SHARED VIEW", wait)
	tm.keys("?")
	grab("any other key closes")
	// Each key waits for the screen it is meant for: the dialog closed,
	// not only a text that shows behind it too.
	tm.keys("Escape")
	tm.waitOff("any other key closes")
	tm.keys("Space")
	grab("Paused")
	tm.keys("H")
	grab("Help and report")
	tm.keys("Escape")
	tm.waitOff("Help and report")
	tm.waitFor("Paused", wait)
	tm.keys("Escape")
	tm.waitOff("Paused")
	tm.nextUntil("The group's own requests")
	grab("The group's own requests")
	tm.quit()
	return screens
}

// TestNoColourAtAll: with NO_COLOR set to any value, no screen holds a
// colour escape; without it the same screens do (so the test can fail).
func TestNoColourAtAll(t *testing.T) {
	for _, v := range []string{"1", "yes", "false"} {
		env := freshHome(t)
		env["NO_COLOR"] = v
		for i, s := range visitScreens(t, env) {
			if m := sgrColour.FindString(s); m != "" {
				t.Errorf("NO_COLOR=%s: screen %d has the colour escape %q", v, i, m)
			}
		}
	}
	env := freshHome(t)
	coloured := 0
	for _, s := range visitScreens(t, env) {
		if sgrColour.MatchString(s) {
			coloured++
		}
	}
	if coloured == 0 {
		t.Error("without NO_COLOR no screen has colour: the check above proves nothing")
	}
}
