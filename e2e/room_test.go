package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/room"
	"vigil/session"
	"vigil/store"
)

// TestRoomEndToEnd is the room as a leader runs it, with the real OpenSSH
// client in tmux: `vigil new --room` shows the codes; a wrong code is
// refused; two participants and a screen join; they follow three page
// changes; a private request reaches the leader's screen and no one
// else's (every byte the others' ssh received is scanned); the pause
// reaches them; quitting ends them all with "The meeting has ended." and
// exit status 0, and vigil exits 0.
func TestRoomEndToEnd(t *testing.T) {
	if os.Getenv("VIGIL_E2E") != "1" {
		t.Skip("set VIGIL_E2E=1 to run the room's end-to-end test with OpenSSH in tmux")
	}
	for _, bin := range []string{"tmux", "ssh", "bash"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Fatalf("%s is required for the room's end-to-end test", bin)
		}
	}
	dir := t.TempDir()
	port := freePort(t)
	env := freshHome(t)
	db := filepath.Join(dir, "vigil.db")
	leader := startTerm(t, env, 100, 30, binary, "new", "--group", "G", "--room",
		"--addr", fmt.Sprintf("127.0.0.1:%d", port), "--db", db)

	// The panel opens with the room: the command, the codes, the key.
	panel := leader.waitFor("then the join code", 10*time.Second)
	if !strings.Contains(panel, fmt.Sprintf("ssh -p %d 127.0.0.1", port)) {
		t.Fatalf("the panel does not show the command to type:\n%s", panel)
	}
	if !strings.Contains(panel, "SHA256:") {
		t.Fatalf("the panel does not show the host key's fingerprint:\n%s", panel)
	}
	partCode := codeAfter(t, panel, "then the join code")
	screenCode := codeAfter(t, panel, "The screen's code")

	win := func(name, user, code string) string {
		pass := filepath.Join(dir, name+".askpass")
		if err := os.WriteFile(pass, []byte("#!/bin/sh\necho "+code+"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name+".out")
		ssh := fmt.Sprintf("env SSH_ASKPASS=%s SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ssh -tt -F /dev/null -p %d "+
			"-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -o LogLevel=ERROR %s@127.0.0.1",
			pass, port, user)
		script := ssh + " 2>&1 | tee " + out + "; echo EXIT=${PIPESTATUS[0]}; sleep 60"
		leader.tmux("new-window", "-d", "-t", leader.name, "-n", name, "bash -c '"+script+"'")
		return out
	}
	// capture is a window's screen and everything it scrolled away.
	capture := func(name string) string {
		out, _ := exec.Command("tmux", "-L", leader.socket, "capture-pane", "-p", "-t", leader.name+":"+name, "-S", "-").Output()
		return string(out)
	}
	waitWin := func(name, want string) {
		t.Helper()
		var got string
		if !poll(15*time.Second, func() bool { got = capture(name); return strings.Contains(got, want) }) {
			t.Fatalf("window %s never showed %q:\n%s", name, want, got)
		}
	}
	// keysTo sends keys to a window, as leader.keys does to the leader's.
	keysTo := func(name string, keys ...string) {
		t.Helper()
		leader.tmux(append([]string{"send-keys", "-t", leader.name + ":" + name}, keys...)...)
	}

	win("wrong", "x", "WRONG9")
	waitWin("wrong", "EXIT=255")

	partOut := win("part", "anna", partCode)
	benOut := win("ben", "ben", partCode)
	screenOut := win("screen", "wall", screenCode)
	for _, w := range []string{"part", "ben", "screen"} {
		waitWin(w, session.TitleContentNote)
	}
	leader.waitFor("In the room (3)", 10*time.Second)

	// Three page changes, each on the leader's screen, then on theirs.
	leader.keys("Escape")
	leader.waitFor("room open · 3 in it", wait) // the panel closed
	for _, title := range pageTitles(t, 3) {
		// The start of the title: a long one wraps.
		if r := []rune(title); len(r) > 24 {
			title = string(r[:24])
		}
		leader.keys("Right")
		leader.waitFor(title, wait)
		for _, w := range []string{"part", "ben", "screen"} {
			waitWin(w, title)
		}
	}

	// A private request, for the leader alone.
	const secret = "Wilhelmina needs a quiet word"
	keysTo("part", "r")
	waitWin("part", "for the room")
	keysTo("part", "2")
	// Not "for the leader only" alone: the question before says it too.
	waitWin("part", "Your request, for the leader only:")
	keysTo("part", "-l", secret)
	keysTo("part", "Enter")
	waitWin("part", "without my name")
	keysTo("part", "n")
	waitWin("part", "went to the leader only")
	leader.waitFor("1 waiting", 10*time.Second)
	leader.keys("R")
	// The panel opens in the shared view (the laptop may be on the TV):
	// the request's words wait for tab and the leader's view.
	if shown := leader.waitFor("tab shows it in the leader's view", wait); strings.Contains(shown, secret) {
		t.Fatalf("the shared view shows the leader-only request:\n%s", shown)
	}
	leader.keys("Tab")
	leader.waitFor(secret, wait)
	leader.waitFor("for the leader only", wait)
	leader.keys("Escape")
	leader.waitFor("1 waiting", wait)

	// The pause reaches everyone.
	leader.keys("Space")
	leader.waitFor("Paused", wait)
	for _, w := range []string{"part", "ben", "screen"} {
		waitWin(w, "We are taking a pause")
	}
	leader.keys("Escape")
	leader.waitFor("1 waiting", wait)

	// Quitting ends the meeting for everyone.
	leader.keys("q")
	for _, w := range []string{"part", "ben", "screen"} {
		waitWin(w, room.EndedText)
		waitWin(w, "EXIT=0")
	}
	leader.waitFor("[exited] 0", 15*time.Second)

	// The private request reached nobody but the leader: not the screen,
	// not the other participant, in their panes or in any byte their ssh
	// received.
	for _, w := range []string{"ben", "screen"} {
		if strings.Contains(capture(w), "Wilhelmina") {
			t.Errorf("the private request reached %s's pane:\n%s", w, capture(w))
		}
	}
	for name, path := range map[string]string{"ben": benOut, "screen": screenOut, "part": partOut} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw), session.TitleContentNote) {
			t.Errorf("%s's ssh output was not recorded (%d bytes)", name, len(raw))
		}
		if name == "part" {
			continue
		}
		if strings.Contains(string(raw), "Wilhelmina") || strings.Contains(ansi.Strip(string(raw)), "Wilhelmina") {
			t.Errorf("the private request is in the bytes %s's ssh received", name)
		}
	}
}

// freePort is a loopback port nobody listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// codeAfter reads a join code the panel shows letter-spaced after a label.
func codeAfter(t *testing.T, screen, label string) string {
	t.Helper()
	re := regexp.MustCompile(regexp.QuoteMeta(label) + `\s+((?:[A-Za-z0-9] )+[A-Za-z0-9])`)
	m := re.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no code after %q on the leader's screen:\n%s", label, screen)
	}
	return strings.ReplaceAll(m[1], " ", "")
}

// pageTitles is the titles of the shared view's first n pages after the
// content note, on the full path of the seed guide.
func pageTitles(t *testing.T, n int) []string {
	t.Helper()
	now := time.Now()
	rec := store.Record{Session: store.Session{ID: 1, GuideID: guides.Default().Meta.ID, Created: now, Group: "G"}}
	m := session.Open(&session.Opened{Guide: guides.Default(), Record: rec}, now)
	m.ChoosePath(store.PathFull, now)
	var out []string
	for i := 0; i < n; i++ {
		if i > 0 {
			if _, ok := m.GoTo(m.Cur+1, now); !ok {
				t.Fatal("the seed guide has fewer pages than the test walks")
			}
		}
		out = append(out, m.SharedPage().Title)
	}
	return out
}
