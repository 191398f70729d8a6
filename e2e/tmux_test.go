package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// term is one tmux session on a private server, running a command in a pane
// of fixed size.
type term struct {
	t      *testing.T
	socket string
	name   string
}

// needTmux skips without tmux, unless VIGIL_E2E=1 (CI), where a missing
// tmux is a failure.
func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("VIGIL_E2E") == "1" {
			t.Fatal("tmux is required for the end-to-end tests (VIGIL_E2E=1)")
		}
		t.Skip("tmux not found; set VIGIL_E2E=1 to require it")
	}
}

// startTerm runs argv in a fresh tmux session with the given environment.
func startTerm(t *testing.T, env map[string]string, w, h int, argv ...string) *term {
	t.Helper()
	needTmux(t)
	tm := &term{t: t, socket: fmt.Sprintf("vigil-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e"}
	args := []string{"-L", tm.socket, "-f", "/dev/null", "new-session", "-d", "-s", tm.name,
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for k, v := range env {
		args = append(args, "-e", k+"="+v)
	}
	// remain-on-exit keeps the pane after vigil exits, so its last words
	// can be read.
	args = append(args, strings.Join(quoteAll(argv), " ")+"; echo '[exited]' $?; sleep 30")
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func quoteAll(argv []string) []string {
	out := make([]string, len(argv))
	for i, a := range argv {
		out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return out
}

// keys sends tmux key names (Enter, Right, Escape, C-c) or literal text.
func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	args := append([]string{"-L", tm.socket, "send-keys", "-t", tm.name}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys %v: %v\n%s", keys, err, out)
	}
}

// typeText sends text literally, so words like "Enter" stay words.
func (tm *term) typeText(s string) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "-L", tm.socket, "send-keys", "-t", tm.name, "-l", s).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys -l: %v\n%s", err, out)
	}
}

func (tm *term) screen() string {
	out, err := exec.Command("tmux", "-L", tm.socket, "capture-pane", "-p", "-t", tm.name).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor polls the pane until it shows text, and fails with the screen if
// it does not within the timeout. Polling, not a sleep: it returns as soon
// as the text is there.
func (tm *term) waitFor(text string, timeout time.Duration) string {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited %v for %q; the screen shows:\n%s", timeout, text, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// pageRe finds the page counter at the end of the progress line.
var pageRe = regexp.MustCompile(`(?m)(\d+) of (\d+)\s*$`)

// page is the number of the page on screen, or 0 when none shows.
func (tm *term) page() int {
	m := pageRe.FindStringSubmatch(tm.screen())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// next presses → until the page counter moves on: on a page longer than
// the screen, → first shows the rest of it. Each press waits for the
// screen to change.
func (tm *term) next() {
	tm.t.Helper()
	before := tm.page()
	for range 40 {
		shown := tm.screen()
		tm.keys("Right")
		deadline := time.Now().Add(5 * time.Second)
		for tm.screen() == shown {
			if time.Now().After(deadline) {
				tm.t.Fatalf("→ did not move on from page %d:\n%s", before, shown)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if tm.page() != before {
			return
		}
	}
	tm.t.Fatalf("→ never left page %d:\n%s", before, tm.screen())
}

// nextUntil presses → (through the rest of each page, then on) until the
// screen shows text.
func (tm *term) nextUntil(text string) string {
	tm.t.Helper()
	for range 300 {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		tm.keys("Right")
		deadline := time.Now().Add(5 * time.Second)
		for tm.screen() == s {
			if time.Now().After(deadline) {
				tm.t.Fatalf("→ did not change the screen, and %q is not on it:\n%s", text, s)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return tm.waitFor(text, wait)
}

// prev presses ← and waits until the page counter moves back.
func (tm *term) prev() {
	tm.t.Helper()
	before := tm.page()
	tm.keys("Left")
	deadline := time.Now().Add(5 * time.Second)
	for tm.page() == before {
		if time.Now().After(deadline) {
			tm.t.Fatalf("← did not move back from page %d:\n%s", before, tm.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// scrollDownTo presses ↓ until the screen shows text, waiting for each
// press to move the screen.
func (tm *term) scrollDownTo(text string) string {
	tm.t.Helper()
	for i := 0; i < 60; i++ {
		before := tm.screen()
		if strings.Contains(before, text) {
			return before
		}
		tm.keys("Down")
		deadline := time.Now().Add(5 * time.Second)
		for tm.screen() == before {
			if time.Now().After(deadline) {
				tm.t.Fatalf("↓ did not move the screen, and %q is not on it:\n%s", text, before)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return tm.waitFor(text, wait)
}

// binary is the vigil built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vigil-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "vigil")
	build := exec.Command("go", "build", "-o", binary, "../cmd/vigil")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build vigil:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// freshHome is an empty HOME with nothing else of the user's environment
// that vigil reads.
func freshHome(t *testing.T) map[string]string {
	home := t.TempDir()
	return map[string]string{
		"HOME":            home,
		"XDG_DATA_HOME":   filepath.Join(home, ".local", "share"),
		"XDG_CONFIG_HOME": filepath.Join(home, ".config"),
		"VIGIL_DB":        "",
		"VIGIL_GUIDES":    "",
	}
}

// vigilCmd runs vigil without a terminal, with an environment, for the
// commands that print.
func vigilCmd(env map[string]string, args ...string) *exec.Cmd {
	c := exec.Command(binary, args...)
	c.Env = []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range env {
		c.Env = append(c.Env, k+"="+v)
	}
	return c
}

func execTmux(tm *term, args ...string) error {
	return exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).Run()
}
