package e2e

import (
	"strings"
	"testing"
)

// TestSoloWalk is one person alone at night: the content note, the
// gentler path, a request shown by its headline and read with r, a pass,
// the closing, the check-in with help, and the summary, all spoken to
// "you", never to a group.
func TestSoloWalk(t *testing.T) {
	env := freshHome(t)
	tm := startTerm(t, env, 100, 30, binary, "new", "--alone")

	tm.waitFor("Before we begin", wait)
	s := tm.waitFor("H help", wait) // the whole first screen
	noGroup(t, s)
	if strings.Contains(s, "SHARED VIEW") || strings.Contains(s, "Who is here") {
		t.Errorf("alone, the content note speaks to a group:\n%s", s)
	}
	tm.keys("g")
	tm.waitFor("Your response", wait)
	tm.keys("s")
	tm.waitFor("you pass this prompt", wait)

	s = tm.nextUntil("describe abuse; r reads them")
	noGroup(t, s)
	tm.keys("r")
	tm.waitFor("Anyone may step out", wait)
	tm.waitOff("describe abuse; r reads them")
	s = tm.nextUntil("(vigil's words)")
	tm.waitFor("Closing", wait)
	noGroup(t, s)
	s = tm.nextUntil("How are you leaving this?")
	tm.waitFor("Someone to talk to", wait)
	noGroup(t, s)
	s = tm.nextUntil("What you wrote")
	noGroup(t, s)
	tm.scrollDownTo("Passed.")
	tm.quit()
}

// noGroup fails when a screen of a session alone speaks to a group.
func noGroup(t *testing.T, s string) {
	t.Helper()
	if strings.Contains(strings.ToLower(s), "group") {
		t.Errorf("alone, the screen says \"group\":\n%s", s)
	}
}

// TestGroupWalk is a leader with a group: the gentler path to the
// closing and the check-in; the shared view goes on to the summary, the
// leader's view (tab) back to the debrief, where the follow-up is
// written; the group's next meeting shows it on its content note, in the
// leader's view only.
func TestGroupWalk(t *testing.T) {
	env := freshHome(t)
	tm := startTerm(t, env, 100, 30, binary, "new", "--group", "Thursday group")
	tm.waitFor("Before we begin", wait)
	tm.waitFor("H help", wait)
	tm.keys("g")
	tm.waitFor("The group's response", wait)
	tm.nextUntil("(vigil's words)")
	tm.nextUntil("How are you leaving tonight?")
	tm.waitFor("Someone to talk to", wait)
	s := tm.nextUntil("What the group captured")
	if strings.Contains(s, "For you, the leader") {
		t.Errorf("the shared view showed the debrief:\n%s", s)
	}
	tm.keys("Tab")
	tm.waitFor("LEADER VIEW", wait)
	tm.keys("Left")
	tm.waitFor("For you, the leader", wait)
	tm.keys("Enter")
	tm.waitFor("esc when done", wait)
	tm.typeText("Call Ana on Monday")
	tm.waitFor("Call Ana on Monday", wait)
	tm.stopEditing()
	tm.waitFor("✓ saved", wait)
	tm.quit()

	tm2 := startTerm(t, env, 100, 30, binary, "new", "--group", "Thursday group")
	s = tm2.waitFor("Before we begin", wait)
	if strings.Contains(s, "Call Ana") {
		t.Errorf("the shared view shows the leader's follow-up:\n%s", s)
	}
	tm2.keys("Tab")
	tm2.waitFor("LEADER VIEW", wait)
	tm2.scrollDownTo("Call Ana on Monday")
	tm2.waitFor("Follow-up from last time", wait)
}
