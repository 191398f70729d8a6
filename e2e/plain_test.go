package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runPlain runs vigil with stdin from a file holding the given input, and
// returns what it printed on stdout. It fails the test on a non-zero exit,
// on anything on stderr, and on any escape character in the output.
func runPlain(t *testing.T, env map[string]string, input string, args ...string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "input.txt")
	if err := os.WriteFile(name, []byte(input), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := vigilCmd(env, args...)
	var stdout, stderr bytes.Buffer
	c.Stdin, c.Stdout, c.Stderr = f, &stdout, &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("vigil %v: %v\nstderr: %s\nstdout:\n%s", args, err, stderr.String(), stdout.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("vigil %v wrote to stderr: %s", args, stderr.String())
	}
	if bytes.IndexByte(stdout.Bytes(), 0x1b) >= 0 {
		t.Errorf("vigil %v printed an escape character:\n%q", args, stdout.String())
	}
	return stdout.String()
}

func mustShow(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("the output lacks %q:\n%s", w, out)
		}
	}
}

// TestPlainWalkWholeGuideThenResume: `vigil new --plain` with stdin from a
// file walks the seed guide to the summary and saves a note; the session
// is listed, and resuming it in plain mode shows the note.
func TestPlainWalkWholeGuideThenResume(t *testing.T) {
	env := freshHome(t)
	input := "f\nWe sat with this in silence first.\n" + strings.Repeat("n\n", 60)
	out := runPlain(t, env, input, "new", "--plain", "--group", "Thursday group")
	mustShow(t, out, "Before we begin",
		"Part 1 of 4, question 1 of 5: Cybersex Trafficking FAQs", "saved.",
		"Prompt 1 of 2: What does it mean to you", "The group's requests", "How are you leaving tonight?",
		"What the group captured", "We sat with this in silence first.", "That is the end of the guide.")

	list, err := vigilCmd(env, "sessions").CombinedOutput()
	if err != nil {
		t.Fatalf("vigil sessions: %v\n%s", err, list)
	}
	mustShow(t, string(list), "Thursday group", "cybersex-trafficking-faqs")
	m := regexp.MustCompile(`(\d+) of (\d+)`).FindStringSubmatch(string(list))
	if m == nil || m[1] != m[2] {
		t.Errorf("the session is not listed as walked to the end:\n%s", list)
	}

	out = runPlain(t, env, "q\n", "resume", "--plain")
	mustShow(t, out, "What the group captured", "We sat with this in silence first.")
}

// TestPlainQuitThenResume: q midway says where the session is kept, and
// resume in plain mode opens the same page with its note.
func TestPlainQuitThenResume(t *testing.T) {
	env := freshHome(t)
	out := runPlain(t, env, "f\nn\nKept for later.\nq\n", "new", "--plain")
	mustShow(t, out, "Everything is saved in "+dbOf(env), "vigil resume 1")

	out = runPlain(t, env, "q\n", "resume", "--plain")
	mustShow(t, out, "Part 1 of 4, question 2 of 5", "How is IJM fighting it?", "The group's note so far:\nKept for later.")
}

// TestPlainHomeAsksFirst: with no command, plain mode asks whether to
// start or resume; the end of the input leaves without making a session.
func TestPlainHomeAsksFirst(t *testing.T) {
	env := freshHome(t)
	out := runPlain(t, env, "", "--plain")
	mustShow(t, out, "n start a new session of")
	out = runPlain(t, env, "n\nf\nHello.\nq\n", "--plain")
	mustShow(t, out, "Before we begin", "saved.")
	out = runPlain(t, env, "r\nq\n", "--plain")
	mustShow(t, out, "The group's note so far:\nHello.")
}
