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

// ptyProgram is a program on a pty whose other end is the test itself, for
// what tmux would hide: tmux answers the terminal's queries for the
// program, and draws the screen anew.
type ptyProgram struct {
	cmd  *exec.Cmd
	ptmx *os.File
	done chan struct{} // closed when the reader has stopped
	once sync.Once

	mu  sync.Mutex
	out bytes.Buffer // everything the program wrote
}

// startPTY starts argv on a fresh pty of 100×30 with home as HOME, the XDG
// folders under it, and TERM=xterm-256color (a terminal that colour
// libraries ask for its background; they skip the query for screen* and
// tmux*). A reader keeps all the program writes. After each read, reply
// (when not nil) gets all of it so far, and may return bytes to write
// back: the program gets no other input. The program is killed at the end
// of the test, or earlier by stop.
func startPTY(t *testing.T, home string, argv []string, reply func(out string) []byte) *ptyProgram {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"TERM=xterm-256color",
	}
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatalf("start %s on a pty: %v", argv[0], err)
	}
	p := &ptyProgram{cmd: cmd, ptmx: ptmx, done: make(chan struct{})}
	go p.read(t, reply)
	t.Cleanup(p.stop)
	return p
}

func (p *ptyProgram) read(t *testing.T, reply func(string) []byte) {
	defer close(p.done)
	buf := make([]byte, 4096)
	for {
		n, err := p.ptmx.Read(buf)
		if n > 0 {
			p.mu.Lock()
			p.out.Write(buf[:n])
			all := p.out.String()
			p.mu.Unlock()
			if reply != nil {
				if answer := reply(all); len(answer) > 0 {
					_, _ = p.ptmx.Write(answer)
				}
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, syscall.EIO) && !errors.Is(err, os.ErrClosed) {
				t.Errorf("read the pty: %v", err)
			}
			return
		}
	}
}

// stop kills the program and waits for the reader to finish.
func (p *ptyProgram) stop() {
	p.once.Do(func() {
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
		p.ptmx.Close()
		<-p.done
	})
}

// output is all the program has written so far.
func (p *ptyProgram) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// write sends bytes to the program, as keys typed.
func (p *ptyProgram) write(t *testing.T, b []byte) {
	t.Helper()
	if _, err := p.ptmx.Write(b); err != nil {
		t.Fatal(err)
	}
}

// waitOutput waits until what the program wrote after its first from
// bytes meets done, and returns it; it fails after 10 s, naming what it
// waited for.
func (p *ptyProgram) waitOutput(t *testing.T, from int, what string, done func(string) bool) string {
	t.Helper()
	var s string
	if !poll(10*time.Second, func() bool { s = p.output()[from:]; return done(s) }) {
		t.Fatalf("%s not seen within 10 s from %s; it wrote:\n%q", what, strings.Join(p.cmd.Args, " "), s)
	}
	return s
}

// showsText reports whether output holds text once both are squashed.
func showsText(text string) func(output string) bool {
	key := squash(text)
	return func(output string) bool { return strings.Contains(squash(output), key) }
}

// squash is s without escape sequences and without white space, since a
// renderer may move the cursor over spaces rather than write them.
func squash(s string) string {
	return strings.Join(strings.Fields(ansi.Strip(s)), "")
}
