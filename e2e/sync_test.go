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

// TestPageChangeIsOneSynchronizedFrame: in a terminal that says it knows
// synchronized output (mode 2026), a page change reaches it between the
// begin and end marks, so a projector never shows half of one page over
// the other. In a terminal that does not answer, vigil sends no marks (so
// the test can tell the two apart). No tmux here: the pty's other end is
// the test, which answers the mode query itself.
func TestPageChangeIsOneSynchronizedFrame(t *testing.T) {
	for _, answers := range []bool{true, false} {
		out := pageChangeOutput(t, answers)
		begin, end := strings.Index(out, ansi.SetModeSynchronizedOutput), strings.LastIndex(out, ansi.ResetModeSynchronizedOutput)
		page := strings.Index(out, "cybersex")
		switch {
		case answers && (begin < 0 || end < 0 || !(begin < page && page < end)):
			t.Errorf("the terminal knows mode 2026, but the page change is not inside its marks (begin %d, page text %d, end %d):\n%q", begin, page, end, out)
		case !answers && (begin >= 0 || end >= 0):
			t.Errorf("the terminal did not answer the mode query, yet vigil sent the marks:\n%q", out)
		}
	}
}

// pageChangeOutput runs `vigil new` on a pty, answering the synchronized
// output query when answer is true, waits for the content note, sends →,
// and returns what vigil wrote from the key until the first question's
// title was shown.
func pageChangeOutput(t *testing.T, answer bool) string {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(binary, "--db", filepath.Join(home, "vigil.db"), "new")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, "data"), "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"TERM=xterm-256color"}
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		answered := false
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			ask := answer && !answered && strings.Contains(out.String(), "\x1b[?2026$p")
			mu.Unlock()
			if ask {
				answered = true
				_, _ = ptmx.Write([]byte("\x1b[?2026;2$y")) // known, now reset
			}
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, syscall.EIO) && !errors.Is(err, os.ErrClosed) {
					t.Errorf("read the pty: %v", err)
				}
				return
			}
		}
	}()
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		ptmx.Close()
		<-done
	}()
	// waitOut waits until what vigil wrote after from meets done, and
	// returns it.
	waitOut := func(from int, what string, done func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			s := out.String()[from:]
			mu.Unlock()
			if done(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s not seen within 10 s; vigil wrote:\n%q", what, s)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	shows := func(text string) func(string) bool {
		return func(s string) bool { return strings.Contains(squash(s), squash(text)) }
	}
	waitOut(0, "the content note", shows("Before we begin"))
	mu.Lock()
	from := out.Len()
	mu.Unlock()
	if _, err := ptmx.Write([]byte("\x1b[C")); err != nil { // →
		t.Fatal(err)
	}
	page := shows("What is cybersex trafficking?")
	if !answer {
		return waitOut(from, "the first question", page)
	}
	return waitOut(from, "the first question and the frame's end mark", func(s string) bool {
		i := strings.Index(s, "cybersex")
		return page(s) && i >= 0 && strings.Contains(s[i:], ansi.ResetModeSynchronizedOutput)
	})
}
