package e2e

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestWalkWholeGuideThenResume is the core promise: a leader walks the seed
// guide from the content note to the summary, types a note and the group's
// request, quits, and finds both again with `vigil resume`.
func TestWalkWholeGuideThenResume(t *testing.T) {
	env := freshHome(t)
	tm := startTerm(t, env, 100, 30, binary, "new", "--group", "Thursday group")

	tm.waitFor("Before we begin", wait)
	tm.waitFor("SHARED VIEW", wait)
	tm.keys("Right")
	tm.waitFor("What is cybersex trafficking?", wait)

	// A note on the first question, typed while the group talks.
	tm.keys("Enter")
	tm.waitFor("esc when done", wait)
	tm.typeText("We sat with this in silence first.")
	tm.waitFor("We sat with this in silence first.", wait)
	tm.stopEditing()
	tm.waitFor("✓ saved", wait)

	// Walk every part: FAQ, reflection, prayer, the group's own requests.
	seen := map[string]bool{}
	for i := 0; i < 60; i++ {
		s := tm.screen()
		for _, part := range []string{"Part 1 of 4", "Part 2 of 4", "Part 3 of 4", "Part 4 of 4"} {
			if strings.Contains(s, part) {
				seen[part] = true
			}
		}
		if strings.Contains(s, "The group's own requests") {
			break
		}
		tm.next()
	}
	tm.waitFor("The group's own requests", wait)
	addRequest(tm, "For Ana's mother, in hospital this week", "Ana")
	tm.waitFor("For Ana's mother, in hospital this week — Ana", wait)

	// On to the end.
	s := tm.nextUntil("What the group captured")
	for _, part := range []string{"Part 1 of 4", "Part 2 of 4", "Part 3 of 4"} {
		if !seen[part] {
			t.Errorf("the walk never showed %q", part)
		}
	}
	if !strings.Contains(s, "We sat with this in silence first.") {
		t.Errorf("the summary lacks the note:\n%s", s)
	}
	tm.quit()

	// The database is where DESIGN.md says, and private to its owner.
	db := dbOf(env)
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatalf("no database at %s: %v", db, err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}

	// Resume opens at the same place, with everything typed.
	tm2 := startTerm(t, env, 100, 30, binary, "resume")
	s = tm2.waitFor("What the group captured", wait)
	if !strings.Contains(s, "We sat with this in silence first.") {
		t.Errorf("after resume the summary lacks the note:\n%s", s)
	}
	// The group's requests come after the guide's checklist: further down.
	tm2.scrollDownTo("For Ana's mother, in hospital this week")
	tm2.quit()

	out, err := vigilCmd(env, "sessions").CombinedOutput()
	if err != nil {
		t.Fatalf("vigil sessions: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Thursday group") || !strings.Contains(string(out), "cybersex-trafficking-faqs") {
		t.Errorf("vigil sessions does not list the session:\n%s", out)
	}
}

// TestSecondVigilIsToldQuickly: while one vigil has the database open, a
// second one says so within two seconds instead of hanging.
func TestSecondVigilIsToldQuickly(t *testing.T) {
	env := freshHome(t)
	tm := startTerm(t, env, 100, 30, binary, "new")
	tm.waitFor("Before we begin", wait)

	start := time.Now()
	out, err := vigilCmd(env, "sessions").CombinedOutput()
	took := time.Since(start)
	if err == nil {
		t.Fatalf("a second vigil succeeded while the first held the database:\n%s", out)
	}
	if took > 2*time.Second {
		t.Errorf("the second vigil took %v to give up, want under 2s", took)
	}
	if !strings.Contains(string(out), "another vigil") || !strings.Contains(string(out), "vigil.db") {
		t.Errorf("the message does not name the file and the other vigil: %s", out)
	}
	if strings.Count(strings.TrimSpace(string(out)), "\n") > 0 {
		t.Errorf("want one line, got:\n%s", out)
	}
	tm.quit()
}

// TestNoTerminal: without a terminal (stdin is not a tty) vigil runs in
// plain mode; with nothing to read it shows the content note and exits 0.
func TestNoTerminal(t *testing.T) {
	env := freshHome(t)
	out, err := vigilCmd(env, "new").CombinedOutput()
	if err != nil {
		t.Fatalf("vigil new without a terminal failed: %v\n%s", err, out)
	}
	for _, want := range []string{"plain mode", "Before we begin", "Anyone may step out at any time"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "goroutine") || strings.Contains(string(out), "panic") {
		t.Errorf("a stack trace leaked: %s", out)
	}
}
