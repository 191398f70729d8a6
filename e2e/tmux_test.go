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

// wait is how long a test waits for a screen before it fails.
const wait = 10 * time.Second

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
	args := []string{"-f", "/dev/null", "new-session", "-d", "-s", tm.name,
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for k, v := range env {
		args = append(args, "-e", k+"="+v)
	}
	// The shell stays after vigil exits, so its exit status and last
	// words can be read.
	args = append(args, strings.Join(quoteAll(argv), " ")+"; echo '[exited]' $?; sleep 30")
	tm.tmux(args...)
	t.Cleanup(tm.close)
	return tm
}

func quoteAll(argv []string) []string {
	out := make([]string, len(argv))
	for i, a := range argv {
		out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return out
}

// tmux runs a tmux command on the term's own server and returns what it
// printed; it fails the test when tmux fails.
func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// close ends the term's tmux server, and what runs in it, now rather than
// at the end of the test.
func (tm *term) close() {
	_ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
}

// keys sends tmux key names (Enter, Right, Escape, C-c) or literal text.
func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", tm.name}, keys...)...)
}

// typeText sends text literally, so words like "Enter" stay words.
func (tm *term) typeText(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", tm.name, "-l", s)
}

// screen is the pane's text now, or "" when it cannot be read.
func (tm *term) screen() string {
	out, err := exec.Command("tmux", "-L", tm.socket, "capture-pane", "-p", "-t", tm.name).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// poll checks cond every 10 ms until it holds, and reports whether it did
// within timeout. Polling, not a sleep: it returns as soon as cond holds.
func poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// waitFor polls the pane until it shows text, and fails with the screen if
// it does not within the timeout.
func (tm *term) waitFor(text string, timeout time.Duration) string {
	tm.t.Helper()
	var s string
	if !poll(timeout, func() bool { s = tm.screen(); return strings.Contains(s, text) }) {
		tm.t.Fatalf("waited %v for %q; the screen shows:\n%s", timeout, text, s)
	}
	return s
}

// shows polls the pane until it shows text, and reports whether it did
// within the timeout.
func (tm *term) shows(text string, timeout time.Duration) bool {
	return poll(timeout, func() bool { return strings.Contains(tm.screen(), text) })
}

// waitOff polls until the screen no longer shows text.
func (tm *term) waitOff(text string) {
	tm.t.Helper()
	if !poll(wait, func() bool { return !strings.Contains(tm.screen(), text) }) {
		tm.t.Fatalf("%q stays on the screen:\n%s", text, tm.screen())
	}
}

// quit presses q and waits for vigil to exit with status 0.
func (tm *term) quit() {
	tm.t.Helper()
	tm.keys("q")
	tm.waitFor("[exited] 0", wait)
}

// pageRe finds the page counter at the end of the progress line.
var pageRe = regexp.MustCompile(`(?m)(\d+) of (\d+)\s*$`)

// page is the number of the page on screen, or 0 when none shows.
func (tm *term) page() int { return pageOf(tm.screen()) }

func pageOf(screen string) int {
	m := pageRe.FindStringSubmatch(screen)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// settled waits until the screen stays the same for 30 ms (at most 2 s),
// and returns it: a frame drawn whole, and what vigil does of itself (the
// first frame's redraw, a save's status) done, so that a change seen next
// is a key's.
func (tm *term) settled() string {
	s := tm.screen()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		time.Sleep(30 * time.Millisecond)
		now := tm.screen()
		if now == s {
			break
		}
		s = now
	}
	return s
}

// press sends a key to the settled screen shown, waits for the screen to
// change and settle, and returns it. It fails, saying what the key was
// for, when 5 s pass without a change.
func (tm *term) press(key, purpose, shown string) string {
	tm.t.Helper()
	tm.keys(key)
	if !poll(5*time.Second, func() bool { return tm.screen() != shown }) {
		tm.t.Fatalf("%s did not change the screen (%s):\n%s", key, purpose, shown)
	}
	return tm.settled()
}

// next presses → until the page counter moves on: on a page longer than
// the screen, → first shows the rest of it.
func (tm *term) next() {
	tm.t.Helper()
	s := tm.settled()
	before := pageOf(s)
	for range 40 {
		if s = tm.press("Right", fmt.Sprintf("moving on from page %d", before), s); pageOf(s) != before {
			return
		}
	}
	tm.t.Fatalf("→ never left page %d:\n%s", before, s)
}

// prev presses ← and waits until the page counter moves back.
func (tm *term) prev() {
	tm.t.Helper()
	before := pageOf(tm.settled())
	tm.keys("Left")
	if !poll(5*time.Second, func() bool { return tm.page() != before }) {
		tm.t.Fatalf("← did not move back from page %d:\n%s", before, tm.screen())
	}
}

// pressUntil presses key, at most n times and each time waiting for the
// screen to change and settle, until the screen shows text.
func (tm *term) pressUntil(key, text string, n int) string {
	tm.t.Helper()
	s := tm.settled()
	for range n {
		if strings.Contains(s, text) {
			return s
		}
		s = tm.press(key, fmt.Sprintf("%q is not on it yet", text), s)
	}
	return tm.waitFor(text, wait)
}

// nextUntil presses → (through the rest of each page, then on) until the
// screen shows text.
func (tm *term) nextUntil(text string) string {
	tm.t.Helper()
	return tm.pressUntil("Right", text, 300)
}

// scrollDownTo presses ↓ until the screen shows text.
func (tm *term) scrollDownTo(text string) string {
	tm.t.Helper()
	return tm.pressUntil("Down", text, 60)
}

// startOnFirstNote starts `vigil new` in a w×h pane, goes from the content
// note to the first question and opens its note: it returns with the
// empty note's editor open.
func startOnFirstNote(t *testing.T, env map[string]string, w, h int) *term {
	t.Helper()
	tm := startTerm(t, env, w, h, binary, "new")
	tm.waitFor("Before we begin", wait)
	tm.nextUntil("What is cybersex trafficking?")
	tm.keys("Enter")
	tm.waitFor("esc when done", wait) // the empty editor's placeholder
	tm.waitFor("esc stop editing", wait)
	return tm
}

// stopEditing presses esc in a note's editor and waits for the editor to
// close (the footer, not the placeholder: typing already hid that). The
// note is saved.
func (tm *term) stopEditing() {
	tm.t.Helper()
	tm.keys("Escape")
	tm.waitOff("esc stop editing")
}

// addRequest adds a request for the room on the group's requests page: a,
// r, the text, enter, the name (none when empty), enter. Each key waits for
// the screen it is meant for; it returns once the form has closed.
func addRequest(tm *term, text, name string) {
	tm.t.Helper()
	const textField, nameField = "│ Text: ", "│ Name (optional): "
	const onText, onName = "enter name, then save", "enter save • esc cancel"
	tm.keys("a")
	tm.waitFor("For the room, or private?", wait)
	tm.keys("r") // for the room
	waitField(tm.t, tm, textField, "the request, in their words", onText)
	tm.typeText(text)
	waitField(tm.t, tm, textField, text, onText)
	tm.keys("Enter")
	waitField(tm.t, tm, nameField, "leave empty if they prefer", onName)
	if name != "" {
		tm.typeText(name)
		waitField(tm.t, tm, nameField, name, onName)
	}
	tm.keys("Enter")
	tm.waitOff("Add the group's request")
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

// goBuild builds the program in pkg (a path from e2e/) into a fresh
// folder, and returns its path.
func goBuild(t *testing.T, pkg string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(pkg))
	if b, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", pkg, err, b)
	}
	return out
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
