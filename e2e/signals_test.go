package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"vigil/store"
)

// vigilPID finds vigil's process: the child of the pane's shell.
func (tm *term) vigilPID() int {
	tm.t.Helper()
	out, err := exec.Command("tmux", "-L", tm.socket, "display-message", "-p", "-t", tm.name, "#{pane_pid}").Output()
	if err != nil {
		tm.t.Fatal(err)
	}
	shell := strings.TrimSpace(string(out))
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
	deadline := time.Now().Add(timeout)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("process %d still running after %v", pid, timeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// storedNote opens the database the way vigil does and reads the note of
// the first question of the latest session.
func storedNote(t *testing.T, env map[string]string) string {
	t.Helper()
	st, err := store.Open(filepath.Join(env["XDG_DATA_HOME"], "vigil", "vigil.db"), store.Options{Timeout: 2 * time.Second, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Errorf("database check: %v", err)
	}
	s, err := st.Latest()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Notes["faq/what-is-cybersex-trafficking"].Text
}

// typeNoteThen opens a session, types a note on the first question and,
// while still typing (before the debounced save), does something to vigil.
func typeNoteThen(t *testing.T, text string, then func(tm *term)) map[string]string {
	env := freshHome(t)
	tm := startTerm(t, env, 100, 30, binary, "new")
	tm.waitFor("Before we begin", wait)
	tm.keys("Right")
	tm.waitFor("What is cybersex trafficking?", wait)
	tm.keys("Enter")
	tm.waitFor("esc when done", wait)
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
		if out, err := exec.Command("tmux", "-L", tm.socket, "kill-session", "-t", tm.name).CombinedOutput(); err != nil {
			t.Fatalf("kill-session: %v %s", err, out)
		}
		waitGone(t, pid, 5*time.Second)
	})
	if got := storedNote(t, env); got != text {
		t.Errorf("stored note %q, want %q", got, text)
	}
}
