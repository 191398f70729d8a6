package tui

import (
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"vigil/room/link"
	"vigil/session"
)

// quietRoom is a fakeRoom whose inbox is closed: the command that waits
// on it answers at once (and is ignored), so a test can run every command
// the app gives back. What participants send is handed in as the inbox
// would, with roomIncomingMsg.
type quietRoom struct {
	*fakeRoom
	inbox chan link.Incoming
}

func newQuietRoom(info link.Info, people ...link.Person) quietRoom {
	r := quietRoom{fakeRoom: &fakeRoom{info: info, people: people}, inbox: make(chan link.Incoming)}
	close(r.inbox)
	return r
}

func (r quietRoom) Inbox() <-chan link.Incoming { return r.inbox }

func (r quietRoom) opener() link.Opener {
	return func(session.Help, link.Frame) (link.Room, error) { return r, nil }
}

// playFrames is drive that keeps the view after every message the app
// takes: every frame the program could draw on the way. A command that
// gives nothing within half a second (the clock's tick) is dropped.
func playFrames(t *testing.T, a App, frames *[]string, msgs ...tea.Msg) App {
	t.Helper()
	keep := func(a App) { *frames = append(*frames, viewText(a)) }
	return player{name: "playFrames", steps: 200, wait: 500 * time.Millisecond, after: keep}.play(t, a, msgs...)
}

// panelSizes are the sizes the panel is checked at: the smallest window
// vigil draws in, and the goldens' two.
var panelSizes = [][2]int{{60, 20}, {80, 24}, {120, 40}}

// localInfo is a room on this computer only, as the goldens' room is.
func localInfo() link.Info {
	return link.Info{Addr: "127.0.0.1:2323", Host: "127.0.0.1", Port: 2323, ParticipantCode: "K4T9QX", ScreenCode: "M2P7WR",
		Fingerprint: "SHA256:3vQ0cXbQy0m1Yl6cJ0lJpWv8bq4mYpM1fX0kZ2qTt1E",
		Exposure:    "The room listens on this computer only: people join from terminals on this computer.",
		Command:     "ssh -p 2323 127.0.0.1"}
}

// TestRoomPanelLeaderOnlyItem: a request a participant sent for the
// leader only waits first in the queue. In the shared view (the laptop on
// the TV) no frame shows its text or who sent it, only that it is for the
// leader and that tab shows it; tab in the panel turns to the leader's
// view, which shows it, and back. The view the panel is in is the
// session's: leaving the panel keeps it.
func TestRoomPanelLeaderOnlyItem(t *testing.T) {
	const text, sender = "for my cousin, who is not safe at home", "Mira"
	// Mira has left the room, so her name is nowhere else on the panel.
	mira := link.Person{ID: 7, Name: sender, Role: link.RoleParticipant, Since: fixedClock()}
	ben := link.Person{ID: 8, Name: "Ben", Role: link.RoleParticipant, Since: fixedClock()}
	secret := link.Incoming{From: mira, Kind: link.Request, Text: text, Private: true, Named: true,
		PageKey: session.KeyContentNote, At: fixedClock()}
	for _, size := range panelSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a := groupApp(t, size[0], size[1])
			r := newQuietRoom(localInfo(), ben)
			a.ctx.cfg.Room = RoomConfig{Opener: r.opener()}
			var shared []string
			a = playFrames(t, a, &shared, keyMsg("R"))
			a = playFrames(t, a, &shared, roomIncomingMsg{r: a.ctx.room.r, in: secret, ok: true})
			a = playFrames(t, a, &shared, clockTickMsg{sessionID: a.session.meet.ID()}, keyMsg("esc"))
			mustContain(t, viewText(a), "1 waiting · R room", "SHARED VIEW")
			a = playFrames(t, a, &shared, keyMsg("R"))
			v := viewText(a)
			mustContain(t, flat(v), "Waiting for you (1)", "request · for the leader only", "tab shows it in the leader's view", "tab read it first", "SHARED VIEW")
			mustNotContain(t, flat(v), "d dismiss")
			// d does not dismiss it unread: it still waits.
			a = playFrames(t, a, &shared, keyMsg("d"))
			mustContain(t, flat(viewText(a)), "Waiting for you (1)", "request · for the leader only")
			for i, f := range shared {
				if strings.Contains(f, text) || strings.Contains(f, sender) {
					t.Fatalf("frame %d of the shared view shows the leader-only request or its sender:\n%s", i, f)
				}
			}

			// tab: the leader's view shows it, with who sent it.
			var leader []string
			a = playFrames(t, a, &leader, keyMsg("tab"))
			mustContain(t, viewText(a), text, "from "+sender, "LEADER VIEW")

			// tab again: the shared view, and it is hidden again from the
			// first frame that says so; esc leaves the session in the view
			// the panel was in.
			var back []string
			a = playFrames(t, a, &back, keyMsg("tab"))
			mustContain(t, flat(viewText(a)), "tab shows it in the leader's view", "SHARED VIEW")
			a = playFrames(t, a, &back, keyMsg("esc"))
			mustContain(t, viewText(a), "SHARED VIEW")
			turned := slices.IndexFunc(back, func(f string) bool { return strings.Contains(f, "SHARED VIEW") })
			for i, f := range back {
				switch {
				case i < turned && !strings.Contains(f, "LEADER VIEW"):
					t.Fatalf("frame %d after tab is in neither view:\n%s", i, f)
				case i >= turned && (strings.Contains(f, text) || strings.Contains(f, sender)):
					t.Fatalf("frame %d after turning back to the shared view shows the request or its sender:\n%s", i, f)
				}
			}

			// Opened from the leader's view, the panel shows it at once.
			a = playFrames(t, a, &leader, keyMsg("tab"), keyMsg("R"))
			mustContain(t, viewText(a), text, "from "+sender, "LEADER VIEW")
		})
	}
}

// TestRoomPanelAlone: alone, the one view is the person's own, so what
// they were sent shows, and tab turns nothing.
func TestRoomPanelAlone(t *testing.T) {
	a, _ := newAloneApp(t, tinyGuide(), 80, 24)
	r := newQuietRoom(localInfo())
	a.ctx.cfg.Room = RoomConfig{Opener: r.opener()}
	var frames []string
	a = playFrames(t, a, &frames, keyMsg("R"))
	a = playFrames(t, a, &frames, roomIncomingMsg{r: a.ctx.room.r, ok: true,
		in: link.Incoming{Kind: link.Request, Text: "for courage", Private: true, At: fixedClock()}})
	a = playFrames(t, a, &frames, keyMsg("tab"))
	v := viewText(a)
	mustContain(t, v, "for courage")
	mustNotContain(t, v, "SHARED VIEW", "LEADER VIEW", "tab")
}

// TestRoomPanelFits: at every size vigil draws in, the panel's sentences
// are wrapped, never cut with "…", the title is on the top line, and the
// way out (esc) is on the bottom line, whatever the panel shows.
func TestRoomPanelFits(t *testing.T) {
	lan := localInfo()
	lan.Addr, lan.Host, lan.Command = "192.168.1.20:2323", "192.168.1.20", "ssh -p 2323 192.168.1.20"
	lan.Exposure = "The room listens on 192.168.1.20:2323, beyond this computer: anyone on the network who has the join code can join."
	ana := link.Person{ID: 1, Name: "Ana", Role: link.RoleParticipant, Since: fixedClock()}
	screen := link.Person{ID: 2, Name: "screen 1", Role: link.RoleScreen, Since: fixedClock()}
	sent := []link.Incoming{
		{From: ana, Kind: link.Request, Text: "for my sister's exams", Named: true, At: fixedClock()},
		{From: ana, Kind: link.Request, Text: "please pray for me, privately", Private: true, At: fixedClock()},
	}
	for _, size := range panelSizes {
		w, h := size[0], size[1]
		for _, c := range []struct {
			name   string
			setup  func(t *testing.T, w, h int) App
			keys   []tea.Msg
			whole  []string // sentences that must show whole
			bottom string   // what the bottom line holds
		}{
			{name: "open", setup: withRoom(&fakeRoom{info: localInfo()}),
				whole:  []string{localInfo().Exposure, "Nothing yet. Nothing a participant sends changes the session until you accept it."},
				bottom: "esc back (the room stays open)"},
			{name: "waiting", setup: withRoom(&fakeRoom{info: lan, people: []link.Person{ana, screen}}, sent...),
				whole:  []string{lan.Exposure, "for my sister's exams", "a accept onto the shared list · p keep private · d dismiss", lan.Fingerprint},
				bottom: "esc back (the room stays open)"},
			{name: "close-question", setup: withRoom(&fakeRoom{info: localInfo()}), keys: keys("C"),
				whole:  []string{"Close the room? Everyone in it is told the meeting has ended. y/n"},
				bottom: "y/n"},
			{name: "failed", setup: withRoom(nil),
				whole:  []string{"The room could not open.", "Another program is already using 127.0.0.1:2323"},
				bottom: "esc"},
		} {
			t.Run(fmt.Sprintf("%s-%dx%d", c.name, w, h), func(t *testing.T) {
				a := c.setup(t, w, h)
				for _, k := range c.keys {
					a, _ = step(t, a, k)
				}
				v := viewText(a)
				lines := strings.Split(v, "\n")
				if strings.Contains(v, "…") {
					t.Errorf("something is cut with …:\n%s", v)
				}
				for _, s := range c.whole {
					if !strings.Contains(flat(v), s) {
						t.Errorf("%q is not shown whole:\n%s", s, v)
					}
				}
				if len(lines) != h {
					t.Errorf("the panel is %d lines high in a window of %d:\n%s", len(lines), h, v)
				}
				if !strings.HasPrefix(lines[0], " The room is") {
					t.Errorf("the title is not on the top line, at the left:\n%s", v)
				}
				// The keys take up to three lines at 60 columns.
				if bottom := strings.Join(lines[max(0, len(lines)-3):], "\n"); !strings.Contains(bottom, c.bottom) {
					t.Errorf("the bottom lines do not hold %q:\n%s", c.bottom, v)
				}
				if !strings.Contains(flat(v), c.bottom) {
					t.Errorf("%q is not shown:\n%s", c.bottom, v)
				}
				for i, l := range lines {
					if lipglossWidth(l) > w {
						t.Errorf("line %d is wider than the window: %q", i, l)
					}
				}
			})
		}
	}
}

// TestRoomFailure: why the room could not open, as one plain sentence
// that says what to do, for the errors net.Listen gives (wrapped as
// room.Open wraps them, or only their text), and a general sentence with
// no Go in it for anything else.
func TestRoomFailure(t *testing.T) {
	listenErr := func(addr string, errno syscall.Errno) error {
		tcp, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Errorf("open the room on %s: %w", addr,
			&net.OpError{Op: "listen", Net: "tcp", Addr: tcp, Err: os.NewSyscallError("bind", errno)})
	}
	// A port really in use, as net.Listen reports it.
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	_, inUse := net.Listen("tcp", taken.Addr().String())
	if inUse == nil {
		t.Fatal("a second listener on the same port was allowed")
	}
	inUse = fmt.Errorf("open the room on %s: %w", taken.Addr(), inUse)
	_, lookup := net.Listen("tcp", "no-such-host.invalid:2323")
	if lookup == nil {
		t.Fatal("listening on a name that does not resolve was allowed")
	}
	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"in use", inUse, []string{"Another program is already using " + taken.Addr().String() + "; close it, or open the room on another address with --addr."}},
		{"in use, text only", failingOpenerErr(), []string{"Another program is already using 127.0.0.1:2323; close it, or open the room on another address with --addr."}},
		{"low port", listenErr("0.0.0.0:80", syscall.EACCES), []string{"Port 80", "below 1024", "--addr", "2323"}},
		{"denied", listenErr("127.0.0.1:8022", syscall.EACCES), []string{"127.0.0.1:8022", "--addr"}},
		{"no such address", listenErr("192.0.2.7:2323", syscall.EADDRNOTAVAIL), []string{"This computer does not have the address 192.0.2.7", "--addr"}},
		{"no such host", fmt.Errorf("open the room on no-such-host.invalid:2323: %w", lookup), []string{"no-such-host.invalid:2323", "--addr"}},
		{"key folder", fmt.Errorf("make the room's folder /x/room: %w", &os.PathError{Op: "mkdir", Path: "/x/room", Err: syscall.EACCES}),
			[]string{"vigil could not make the room's folder /x/room, because permission was denied."}},
		{"a sentence of ours", errors.New("this vigil cannot open a room here"), []string{"This vigil cannot open a room here."}},
		{"something else", fmt.Errorf("set up the room's SSH server: %w", errors.New("ssh: unsupported key type")),
			[]string{"vigil could not set up the room's SSH server", "try again"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := roomFailure(c.err)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("roomFailure(%v) = %q, want %q in it", c.err, got, w)
				}
			}
			for _, jargon := range []string{"listen tcp", "bind:", "lookup", "syscall", "ssh:", "mkdir", "no such host", "errno"} {
				if strings.Contains(got, jargon) {
					t.Errorf("roomFailure(%v) = %q speaks Go (%q)", c.err, got, jargon)
				}
			}
			if strings.Count(got, ". ") > 0 || !strings.HasSuffix(got, ".") {
				t.Errorf("roomFailure(%v) = %q is not one sentence", c.err, got)
			}
		})
	}
}

// flat is s with every run of spaces and line ends one space: wrapped
// text read as the sentences it holds.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// failingOpenerErr is the error of the goldens' room that cannot open:
// the text of a port in use, with nothing to unwrap.
func failingOpenerErr() error {
	_, err := failingOpener(session.Help{}, link.Frame{})
	return err
}
