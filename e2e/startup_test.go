package e2e

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
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
	floor := filepath.Join(t.TempDir(), "floor")
	if b, err := exec.Command("go", "build", "-o", floor, "../internal/floor").CombinedOutput(); err != nil {
		t.Fatalf("build the floor: %v\n%s", err, b)
	}
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

// firstOutputInSilentPTY starts argv on a fresh pty of 100×30 whose other
// end only reads, with home as HOME and XDG dirs under it, and returns the
// time until its output (escape sequences and spaces left out, since a
// renderer may move the cursor over spaces) holds want. It gives up after
// 10 s.
func firstOutputInSilentPTY(t *testing.T, home string, argv []string, want string) (time.Duration, string) {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		// A terminal that colour libraries will ask for its background
		// (they skip the query for TERM=screen* and tmux*).
		"TERM=xterm-256color",
	}

	var mu sync.Mutex
	var out bytes.Buffer
	seen := make(chan struct{})
	key := squash(want)

	t0 := time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatalf("start vigil on a pty: %v", err)
	}
	var took time.Duration
	done := make(chan struct{})
	go func() { // the reader: never writes, so no query is ever answered
		defer close(done)
		buf := make([]byte, 4096)
		found := false
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				mu.Lock()
				out.Write(buf[:n])
				if !found && strings.Contains(squash(out.String()), key) {
					found, took = true, time.Since(t0)
					close(seen)
				}
				mu.Unlock()
			}
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, syscall.EIO) && !errors.Is(err, os.ErrClosed) {
					t.Errorf("read the pty: %v", err)
				}
				return
			}
		}
	}()
	stop := func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		ptmx.Close()
		<-done
	}

	select {
	case <-seen:
		stop()
		mu.Lock()
		defer mu.Unlock()
		return took, out.String()
	case <-time.After(10 * time.Second):
		stop()
		t.Fatalf("%s did not show %q within 10 s; it wrote:\n%q", strings.Join(argv, " "), want, out.String())
		return 0, ""
	}
}

// squash is s without escape sequences and without white space.
func squash(s string) string {
	return strings.Join(strings.Fields(ansi.Strip(s)), "")
}
