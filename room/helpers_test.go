package room

import (
	"bytes"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// openRoom opens a room on a free loopback port for one test.
func openRoom(t testing.TB, edit func(*Config)) *Room {
	t.Helper()
	dir := t.TempDir()
	cfg := Config{
		Addr:      "127.0.0.1:0",
		DataDir:   dir,
		LogPath:   filepath.Join(dir, "room.log"),
		failDelay: 20 * time.Millisecond,
		endGrace:  time.Second,
	}
	if edit != nil {
		edit(&cfg)
	}
	r, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// meeting is a session on the seed guide, on its first page.
func meeting(t testing.TB) *session.Meeting {
	t.Helper()
	now := time.Date(2026, 11, 26, 19, 0, 0, 0, time.UTC)
	rec := store.Record{Session: store.Session{ID: 1, GuideID: guides.Default().Meta.ID, Created: now, Group: "Thursday group"}}
	m := session.Open(&session.Opened{Guide: guides.Default(), Record: rec}, now)
	return &m
}

// dial connects to the room as user with a code, answering both
// keyboard-interactive and password; asked counts the questions.
func dial(r *Room, user, code string, asked *int) (*gossh.Client, error) {
	return dialAt(r.Info(), user, code, asked)
}

// dialAt is dial to a room known by its Info alone (the load test's
// clients run in another process): its address and host key.
func dialAt(in Info, user, code string, asked *int) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{
			gossh.RetryableAuthMethod(gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
				if asked != nil {
					*asked += len(qs)
				}
				ans := make([]string, len(qs))
				for i := range ans {
					ans[i] = code
				}
				return ans, nil
			}), 10),
		},
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			if got := gossh.FingerprintSHA256(key); got != in.Fingerprint {
				return errors.New("host key " + got + " is not the room's " + in.Fingerprint)
			}
			return nil
		},
		Timeout: 10 * time.Second,
	}
	return gossh.Dial("tcp", in.Addr, cfg)
}

// term is one client's terminal: everything the room wrote to it, kept.
type term struct {
	t      testing.TB
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer
	wrote  chan struct{}
	done   chan error
}

func (tm *term) Write(p []byte) (int, error) {
	tm.mu.Lock()
	tm.out.Write(p)
	tm.mu.Unlock()
	select {
	case tm.wrote <- struct{}{}:
	default:
	}
	return len(p), nil
}

// raw is every byte received so far.
func (tm *term) raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// text is what was received with the escape sequences taken out.
func (tm *term) text() string { return ansi.Strip(tm.raw()) }

// join connects with a code and opens a shell on a 100×40 terminal.
func join(t testing.TB, r *Room, user, code string) *term {
	t.Helper()
	c, err := dial(r, user, code, nil)
	if err != nil {
		t.Fatalf("join with %q: %v", code, err)
	}
	return shell(t, c, true)
}

func shell(t testing.TB, c *gossh.Client, pty bool) *term {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, client: c, sess: s, wrote: make(chan struct{}, 1), done: make(chan error, 1)}
	s.Stdout, s.Stderr = tm, tm
	if tm.stdin, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if pty {
		startShell(t, s)
	} else if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- s.Wait() }()
	t.Cleanup(func() { _ = c.Close() })
	return tm
}

// connect dials the room as a participant and opens a session, with no
// shell yet. Closing the client is the caller's: no t.Cleanup keeps it.
func connect(t testing.TB, r *Room, user string) (*gossh.Client, *gossh.Session) {
	t.Helper()
	c, err := dial(r, user, r.Info().ParticipantCode, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		c.Close()
		t.Fatal(err)
	}
	return c, s
}

// startShell asks for a 100×40 xterm and starts the shell.
func startShell(t testing.TB, s *gossh.Session) {
	t.Helper()
	if err := s.RequestPty("xterm-256color", 40, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
}

// participantAndScreen joins a participant and a screen, shows the first
// test page and waits until both show it.
func participantAndScreen(t testing.TB, r *Room) (p, s *term) {
	t.Helper()
	p = join(t, r, "a", r.Info().ParticipantCode)
	s = join(t, r, "w", r.Info().ScreenCode)
	waitPeople(t, r, 2)
	r.Show(frame(titles[0]))
	p.waitFor(titles[0])
	s.waitFor(titles[0])
	return p, s
}

// waitFor waits until the terminal's text holds want.
func (tm *term) waitFor(want string) {
	tm.t.Helper()
	if !tm.waitUntil(func(s string) bool { return strings.Contains(s, want) }, 10*time.Second) {
		tm.t.Fatalf("%q never appeared; the terminal shows:\n%s", want, tail(tm.text(), 2000))
	}
}

func (tm *term) waitUntil(ok func(text string) bool, d time.Duration) bool {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		if ok(tm.text()) {
			return true
		}
		select {
		case <-tm.wrote:
		case <-deadline.C:
			return ok(tm.text())
		}
	}
}

// wait waits for the session to end and returns its exit error.
func (tm *term) wait() error {
	tm.t.Helper()
	select {
	case err := <-tm.done:
		return err
	case <-time.After(10 * time.Second):
		tm.t.Fatal("the session did not end")
	}
	return nil
}

func (tm *term) typeKeys(s string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.stdin, s); err != nil {
		tm.t.Fatal(err)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// waitPeople waits until the room has n people.
func waitPeople(t testing.TB, r *Room, n int) []Person {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ps := r.People()
		if len(ps) == n {
			return ps
		}
		if time.Now().After(deadline) {
			t.Fatalf("the room has %d people, not %d", len(ps), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// recv takes the next Incoming, or fails.
func recv(t testing.TB, r *Room) Incoming {
	t.Helper()
	select {
	case in := <-r.Inbox():
		return in
	case <-time.After(10 * time.Second):
		t.Fatal("nothing reached the inbox")
	}
	return Incoming{}
}
