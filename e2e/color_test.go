package e2e

import (
	"os/exec"
	"regexp"
	"testing"
)

// sgrColour matches an SGR sequence that sets a colour: 30–37, 38;…,
// 39, 40–47, 48;…, 49, 90–97, 100–107, alone or among other parameters.
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// screenWithEscapes is the pane with its colours and attributes as escapes.
func (tm *term) screenWithEscapes() string {
	out, err := exec.Command("tmux", "-L", tm.socket, "capture-pane", "-e", "-p", "-t", tm.name).Output()
	if err != nil {
		tm.t.Fatal(err)
	}
	return string(out)
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
	// Escape and the next key go separately: sent together they read as
	// alt+key.
	tm.keys("Escape")
	tm.waitFor("SHARED VIEW", wait)
	tm.keys("Space")
	grab("Paused")
	tm.keys("H")
	grab("Help and report")
	tm.keys("Escape")
	tm.waitFor("Paused", wait)
	tm.keys("Escape")
	tm.waitFor("SHARED VIEW", wait)
	for i := 0; i < 40; i++ {
		tm.next()
		if s := tm.screen(); regexp.MustCompile(`The group's own requests`).MatchString(s) {
			break
		}
	}
	grab("The group's own requests")
	tm.keys("q")
	tm.waitFor("[exited] 0", wait)
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
