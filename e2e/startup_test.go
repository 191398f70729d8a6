package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startupLimit is how soon every command must show its first output in a
// terminal that answers nothing (issue 11).
const startupLimit = 200 * time.Millisecond

// TestStartupInSilentTerminal runs each command in a pty that never answers
// a terminal query (no tmux here: tmux would answer for the program) and
// times how long its first words take. bubbletea v1 asks the terminal for
// its background at package init and waits 5 s for an answer that never
// comes, before main even runs; on v2 nothing may wait.
func TestStartupInSilentTerminal(t *testing.T) {
	// Measured on bubbletea v1.3.10 (2 cores): every command here took
	// 5.0–5.1 s.

	cases := []struct {
		name string
		args []string
		want string // text of the first output
	}{
		{"version", []string{"version"}, "vigil "},
		{"sessions", []string{"sessions"}, "No sessions yet"},
		{"guide show", []string{"guide", "show", "cybersex-trafficking-faqs"}, "Cybersex Trafficking FAQs"},
		{"new", []string{"new"}, "Before we begin"},                     // the content note
		{"plain new", []string{"--plain", "new"}, "vigil, plain mode."}, // its first line
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The fastest of three starts: a stall waits the same every
			// time, while a busy machine (CI runs test binaries side by
			// side on two cores) only adds noise that one quiet start
			// escapes.
			took, out := time.Duration(1<<62), ""
			for range 3 {
				home := t.TempDir()
				argv := append([]string{binary, "--db", filepath.Join(home, "vigil.db")}, c.args...)
				d, o := firstOutputInSilentPTY(t, home, argv, c.want)
				if d < took {
					took, out = d, o
				}
			}
			t.Logf("vigil %s: %q after %v (fastest of 3)", strings.Join(c.args, " "), c.want, took.Round(100*time.Microsecond))
			if took > startupLimit {
				t.Errorf("vigil %s showed %q after %v in a terminal that answers nothing; want under %v. Output:\n%q",
					strings.Join(c.args, " "), c.want, took.Round(time.Millisecond), startupLimit, out)
			}
		})
	}
}

// TestSilentTerminalHarness: the floor, a trivial bubbletea v2 program,
// shows its screen in the same silent pty within the limit, so a vigil that
// does not is slow itself, not the harness.
func TestSilentTerminalHarness(t *testing.T) {
	floor := goBuild(t, "../internal/floor")
	took, out := time.Duration(1<<62), ""
	for range 3 {
		if d, o := firstOutputInSilentPTY(t, t.TempDir(), []string{floor}, "floor ready"); d < took {
			took, out = d, o
		}
	}
	t.Logf("floor: first screen after %v", took.Round(100*time.Microsecond))
	if took > startupLimit {
		t.Errorf("the floor showed its screen after %v; want under %v. Output:\n%q", took, startupLimit, out)
	}
}

// firstOutputInSilentPTY starts argv on a pty whose other end only reads
// (startPTY), with home as HOME, and returns the time until its output
// (squashed) holds want, and that output. It gives up after 10 s.
func firstOutputInSilentPTY(t *testing.T, home string, argv []string, want string) (time.Duration, string) {
	t.Helper()
	shown := showsText(want)
	seen := make(chan struct{})
	var took time.Duration // set by the reader as it reads; read once seen is closed
	t0 := time.Now()
	p := startPTY(t, home, argv, func(out string) []byte {
		if took == 0 && shown(out) {
			took = time.Since(t0)
			close(seen)
		}
		return nil // never an answer to a query
	})
	select { // not a poll: nothing of the test competes with the start
	case <-seen:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not show %q within 10 s; it wrote:\n%q", strings.Join(argv, " "), want, p.output())
	}
	p.stop()
	return took, p.output()
}
