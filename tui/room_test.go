package tui

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"vigil/guides"
	"vigil/room"
	"vigil/room/link"
	"vigil/session"
)

// roomApp is a test app with the room's settings: a free loopback port
// and a key folder of its own.
func roomApp(t *testing.T) App {
	t.Helper()
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	dir := t.TempDir()
	a.ctx.cfg.Room = RoomConfig{Opener: func(help session.Help, note link.Frame) (link.Room, error) {
		return room.Open(room.Config{Addr: "127.0.0.1:0", DataDir: dir, LogPath: filepath.Join(dir, "vigil.db.room.log"),
			Help: help, ContentNote: note})
	}}
	t.Cleanup(a.CloseRoom)
	return a
}

// step gives the app one message and returns the command it gave back.
func step(t *testing.T, a App, msg tea.Msg) (App, tea.Cmd) {
	t.Helper()
	m, cmd := a.Update(msg)
	return m.(App), cmd
}

// await runs a command until it gives a message of type T, looking
// inside batches; other messages are dropped.
func await[T tea.Msg](t *testing.T, cmd tea.Cmd) T {
	t.Helper()
	var zero T
	if cmd == nil {
		t.Fatalf("no command, waiting for %T", zero)
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		if m, ok := msg.(T); ok {
			return m
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				if c == nil {
					continue
				}
				if m, ok := tryCmd[T](c); ok {
					return m
				}
			}
		}
		t.Fatalf("got %T, waiting for %T", msg, zero)
	case <-time.After(10 * time.Second):
		t.Fatalf("no %T within 10 s", zero)
	}
	return zero
}

func tryCmd[T tea.Msg](c tea.Cmd) (T, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		m, ok := msg.(T)
		return m, ok
	case <-time.After(300 * time.Millisecond):
		var zero T
		return zero, false
	}
}

// guest is a participant on x/crypto/ssh with a terminal, whose output is
// kept.
type guest struct {
	in  io.WriteCloser
	mu  sync.Mutex
	out bytes.Buffer
	c   *gossh.Client
}

func (g *guest) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.out.Write(p)
}

func (g *guest) text() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.out.String()
}

func (g *guest) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(g.text(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the participant never saw %q:\n%s", want, g.text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func join(t *testing.T, in room.Info, user, code string) *guest {
	t.Helper()
	cfg := &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			ans := make([]string, len(qs))
			for i := range ans {
				ans[i] = code
			}
			return ans, nil
		})},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	c, err := gossh.Dial("tcp", in.Addr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	g := &guest{c: c}
	s.Stdout = g
	if g.in, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return g
}

// TestRoomLeader opens the room with R, follows the leader's move, takes
// a private request into the queue and accepts it as private, removes a
// participant and closes the room.
func TestRoomLeader(t *testing.T) {
	a := roomApp(t)
	a, cmd := step(t, a, keyMsg("R"))
	mustContain(t, viewText(a), "opening the room")
	a, cmd = step(t, a, await[roomOpenedMsg](t, cmd))
	inbox := cmd
	v := viewText(a)
	in := a.ctx.room.r.Info()
	mustContain(t, v, "The room is open", in.Command, in.Fingerprint, strings.Join(strings.Split(in.ParticipantCode, ""), " "),
		strings.Join(strings.Split(in.ScreenCode, ""), " "), "on this computer only")

	g := join(t, in, "anna", in.ParticipantCode)
	g.waitFor(t, "Before we begin")

	// The leader moves; the participant follows. The panel first closes.
	a, _ = step(t, a, keyMsg("esc"))
	a, _ = step(t, a, keyMsg("right"))
	g.waitFor(t, "What is cybersex trafficking?")

	// A private request waits in the queue, and changes nothing yet.
	// Each key once the step that takes it is on the participant's screen.
	for _, step := range []struct{ key, then string }{
		{"r", "for the leader only"},
		{"2", "Your request, for the leader only"},
		{"Only for you\r", "without my name"},
		{"n", ""},
	} {
		if _, err := io.WriteString(g.in, step.key); err != nil {
			t.Fatal(err)
		}
		if step.then != "" {
			g.waitFor(t, step.then)
		}
	}
	a, inbox = step(t, a, await[roomIncomingMsg](t, inbox))
	_ = inbox
	if n := len(a.session.meet.Rec.Requests); n != 0 {
		t.Fatalf("the request changed the session before it was accepted: %d requests", n)
	}
	a, _ = step(t, a, clockTickMsg{sessionID: a.session.meet.ID()})
	mustContain(t, viewText(a), "1 waiting · R room")

	// The panel opens in the session's view, the shared one: the request
	// is for the leader only, so its text is not shown until tab.
	a, _ = step(t, a, keyMsg("R"))
	v = viewText(a)
	mustContain(t, v, "for the leader only", "tab shows it", "In the room (1)", "guest 1 · participant")
	mustNotContain(t, v, "Only for you")
	a, cmd = step(t, a, keyMsg("tab"))
	a, _ = step(t, a, await[roomActMsg](t, cmd))
	mustContain(t, viewText(a), "Only for you", "LEADER VIEW")
	a, cmd = step(t, a, keyMsg("a"))
	a, _ = step(t, a, await[roomActMsg](t, cmd))
	reqs := a.session.meet.Rec.Requests
	if len(reqs) != 1 || !reqs[0].Private || reqs[0].Text != "Only for you" || reqs[0].Name != "" {
		t.Fatalf("accepted requests: %+v", reqs)
	}
	if !a.ctx.cfg.Saver.Pending() || !a.session.save.tickPending {
		t.Error("the accepted request was not queued to be saved")
	}
	mustContain(t, viewText(a), "Waiting for you (0)", "Kept as a private request")

	// Remove the participant (asks first).
	a, _ = step(t, a, keyMsg("x"))
	mustContain(t, viewText(a), "Remove guest 1 from the room? y/n")
	a, _ = step(t, a, keyMsg("y"))
	g.waitFor(t, room.RemovedText)

	// Close the room (asks first).
	a, _ = step(t, a, keyMsg("C"))
	mustContain(t, viewText(a), "Close the room?")
	a, cmd = step(t, a, keyMsg("y"))
	a, _ = step(t, a, await[roomClosedMsg](t, cmd))
	if a.ctx.room.open() {
		t.Error("the room is still open")
	}
	mustContain(t, viewText(a), "The room is closed")
}

// TestRoomPauseReachesParticipants: the pause is shown to the room, and
// leaving it shows the page again.
func TestRoomPauseReachesParticipants(t *testing.T) {
	a := roomApp(t)
	a, cmd := step(t, a, keyMsg("R"))
	a, _ = step(t, a, await[roomOpenedMsg](t, cmd))
	g := join(t, a.ctx.room.r.Info(), "ben", a.ctx.room.r.Info().ParticipantCode)
	g.waitFor(t, "Before we begin")
	a, _ = step(t, a, keyMsg("esc"))
	a, _ = step(t, a, keyMsg(" "))
	g.waitFor(t, "We are taking a pause")
	if !a.ctx.room.last.Paused {
		t.Error("the room's frame is not the pause")
	}
	a, _ = step(t, a, keyMsg("esc"))
	if a.ctx.room.last.Paused {
		t.Error("the room still shows the pause")
	}
}
