package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// vigilPID finds vigil's process: the child of the pane's shell.
func (tm *term) vigilPID() int {
	tm.t.Helper()
	shell := strings.TrimSpace(tm.tmux("display-message", "-p", "-t", tm.name, "#{pane_pid}"))
	kids, err := os.ReadFile(filepath.Join("/proc", shell, "task", shell, "children"))
	if err != nil {
		tm.t.Fatal(err)
	}
	f := strings.Fields(string(kids))
	if len(f) == 0 {
		tm.t.Fatal("vigil is not running in the pane")
	}
	pid, _ := strconv.Atoi(f[0])
	return pid
}

// waitGone waits for a process to end.
func waitGone(t *testing.T, pid int, timeout time.Duration) {
	t.Helper()
	if !poll(timeout, func() bool { return syscall.Kill(pid, 0) != nil }) {
		t.Fatalf("process %d still running after %v", pid, timeout)
	}
}

// typeNoteThen opens a session, types a note on the first question and,
// while still typing (before the debounced save), does something to vigil.
func typeNoteThen(t *testing.T, text string, then func(tm *term)) map[string]string {
	env := freshHome(t)
	tm := startOnFirstNote(t, env, 100, 30)
	tm.typeText(text)
	tm.waitFor(text, wait)
	then(tm)
	return env
}

// TestSIGTERMSavesTheNote: a note still being typed is saved when vigil is
// told to stop, and the terminal is given back.
func TestSIGTERMSavesTheNote(t *testing.T) {
	const text = "typed just before SIGTERM"
	env := typeNoteThen(t, text, func(tm *term) {
		pid := tm.vigilPID()
		if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		tm.waitFor("[exited] 0", wait)
		// The alternate screen is gone: the shell's own line shows.
		if s := tm.screen(); strings.Contains(s, "SHARED VIEW") {
			t.Errorf("the terminal was not restored:\n%s", s)
		}
	})
	if got := storedNote(t, env); got != text {
		t.Errorf("stored note %q, want %q", got, text)
	}
}

// TestSIGHUPSavesTheNote: closing the terminal (tmux kills the pane, and
// vigil gets SIGHUP) still saves the note being typed.
func TestSIGHUPSavesTheNote(t *testing.T) {
	const text = "typed just before the window closed"
	env := typeNoteThen(t, text, func(tm *term) {
		pid := tm.vigilPID()
		tm.tmux("kill-session", "-t", tm.name)
		waitGone(t, pid, 5*time.Second)
	})
	if got := storedNote(t, env); got != text {
		t.Errorf("stored note %q, want %q", got, text)
	}
}
