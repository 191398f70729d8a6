package e2e

import (
	"strings"
	"testing"
)

// TestThreeWeeksOfOneGroup: a group meets three times with the seed guide.
// Week one leaves a request and a private one, and a leader's note; week
// two prays the request again; week three marks it answered. The shared
// view never shows the private request or the leader's note.
func TestThreeWeeksOfOneGroup(t *testing.T) {
	env := freshHome(t)

	// Week one.
	tm := startTerm(t, env, 100, 30, binary, "new", "--group", "Thursday group")
	tm.waitFor("Before we begin", wait)
	tm.keys("m")
	tm.waitFor("Minutes for the meeting", wait)
	tm.typeText("45")
	tm.keys("Enter")
	tm.waitFor("= 45 min", wait)
	tm.keys("Right")
	tm.waitFor("What is cybersex trafficking?", wait)
	tm.waitFor("part 0 of 15 min", wait)
	tm.keys("Tab")
	tm.waitFor("LEADER VIEW", wait)
	tm.keys("Enter")
	tm.waitFor("esc when done", wait)
	tm.typeText("LEADER-ONLY: check in with M. after")
	tm.stopEditing()
	// The leader's view shows the note: the shared view's lack of it,
	// below, then means something.
	tm.waitFor("LEADER-ONLY: check in with M. after", wait)
	tm.waitFor("✓ saved", wait)
	tm.keys("Tab")
	s := tm.waitFor("SHARED VIEW", wait)
	if strings.Contains(s, "LEADER-ONLY") {
		t.Fatalf("the shared view shows the leader's note:\n%s", s)
	}
	tm.nextUntil("The group's own requests")
	addRequest(tm, "for Ana's mother", "")
	tm.waitFor("for Ana's mother", wait)
	tm.waitFor("✓ saved", wait)
	tm.keys("a")
	// Under load bubbletea reads keys that arrive together as one
	// message: typed before the form is seen, "a" would be read with the
	// text.
	tm.waitFor("For the room, or private?", wait)
	tm.keys("p")
	tm.waitFor("[x] Private", wait)
	tm.typeText("PRIVATE-WEEK-ONE")
	tm.keys("Enter")
	// The shared view draws nothing of a private request, not even its
	// name field: the footer says the name is in front.
	tm.waitOff("name, then save")
	tm.keys("Enter")
	tm.waitFor("1 private request (leader's view)", wait)
	tm.waitFor("✓ saved", wait)
	if s := tm.screen(); strings.Contains(s, "PRIVATE-WEEK-ONE") {
		t.Fatalf("the shared view shows the private request:\n%s", s)
	}
	tm.quit()

	// Week two: the request comes back; the group prays it again.
	tm = startTerm(t, env, 100, 30, binary, "new", "--group", "Thursday group")
	tm.waitFor("Before we begin", wait)
	tm.keys("Right")
	s = tm.waitFor("Requests from earlier meetings", wait)
	if !strings.Contains(s, "for Ana's mother") || strings.Contains(s, "PRIVATE-WEEK-ONE") {
		t.Fatalf("week two's revisit step:\n%s", s)
	}
	tm.keys("p")
	tm.waitFor("prayed in 1 session", wait) // not prayed in week one, now in week two
	tm.quit()

	// Week three: answered.
	tm = startTerm(t, env, 100, 30, binary, "new", "--group", "Thursday group")
	tm.waitFor("Before we begin", wait)
	tm.keys("Right")
	tm.waitFor("for Ana's mother", wait)
	tm.keys("y")
	tm.waitFor("How was it answered?", wait)
	tm.typeText("she is well now")
	tm.keys("Enter")
	tm.waitFor("answered: she is well now", wait)
	tm.quit()

	// The home screen's prayer list shows it answered, apart.
	tm = startTerm(t, env, 100, 30, binary)
	tm.waitFor("Prayer list", wait)
	tm.keys("Down")
	tm.waitFor("› Prayer list", wait)
	tm.keys("Enter")
	s = tm.waitFor("Answered", wait)
	if !strings.Contains(s, "answered: she is well now") || strings.Contains(s, "PRIVATE-WEEK-ONE") {
		t.Errorf("the prayer list:\n%s", s)
	}
	tm.keys("Tab")
	tm.waitFor("PRIVATE-WEEK-ONE", wait) // the leader's view has it
	tm.quit()
}
