package room

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestWrongCodeIsRefusedAfterThreeTries(t *testing.T) {
	r := openRoom(t, func(c *Config) { c.failDelay = 100 * time.Millisecond })
	asked := 0
	start := time.Now()
	_, err := dial(r, "someone", "WRONG1", &asked)
	if err == nil {
		t.Fatal("a wrong code got in")
	}
	if asked != MaxAuthTries {
		t.Errorf("the code was asked %d times; want %d", asked, MaxAuthTries)
	}
	if took := time.Since(start); took < time.Duration(MaxAuthTries)*100*time.Millisecond {
		t.Errorf("three wrong codes took %v; each should cost the pause", took)
	}
	if n := len(r.People()); n != 0 {
		t.Errorf("%d people in the room after a wrong code", n)
	}
}

func TestRightCodesGiveRoles(t *testing.T) {
	r := openRoom(t, nil)
	in := r.Info()
	p := join(t, r, "anna", strings.ToLower(in.ParticipantCode)) // any case
	p.waitFor(WaitingText)
	s := join(t, r, "wall", in.ScreenCode)
	s.waitFor(WaitingText)
	ps := waitPeople(t, r, 2)
	if ps[0].Role != RoleParticipant || ps[0].Name != "guest 1" {
		t.Errorf("first person = %+v; want participant guest 1", ps[0])
	}
	if ps[1].Role != RoleScreen || ps[1].Name != "screen 1" {
		t.Errorf("second person = %+v; want screen 1", ps[1])
	}
	if !strings.Contains(p.text(), "r send a prayer request") {
		t.Error("the participant's keys are not shown")
	}
	if strings.Contains(s.text(), "prayer request") {
		t.Error("the screen offers keys it does not take")
	}
}

func TestNoPtyIsRefusedWithASentence(t *testing.T) {
	r := openRoom(t, nil)
	c, err := dial(r, "x", r.Info().ParticipantCode, nil)
	if err != nil {
		t.Fatal(err)
	}
	tm := shell(t, c, false)
	var exit *gossh.ExitError
	if err := tm.wait(); err == nil || !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("without a terminal the session ended with %v; want exit status 1", err)
	}
	if !strings.Contains(tm.text(), NoPtyText) {
		t.Errorf("no sentence without a terminal; got %q", tm.text())
	}
	if n := len(r.People()); n != 0 {
		t.Errorf("%d people in the room", n)
	}
}

func TestExecSubsystemForwardingAgentAndSecondSessionAreRefused(t *testing.T) {
	r := openRoom(t, nil)
	conn := func() *gossh.Client {
		c, err := dial(r, "x", r.Info().ParticipantCode, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	session := func(c *gossh.Client) *gossh.Session {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if err := session(conn()).Run("cat /etc/passwd"); err == nil {
		t.Error("exec was allowed")
	}
	if err := session(conn()).RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was allowed")
	}
	c := conn()
	if _, err := c.Dial("tcp", r.Info().Addr); err == nil {
		t.Error("local port forwarding was allowed")
	}
	if _, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		t.Error("remote port forwarding was allowed")
	}
	s := session(c)
	if ok, _ := s.SendRequest("auth-agent-req@openssh.com", true, nil); ok {
		t.Error("agent forwarding was granted")
	}
	if ok, _ := s.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})); ok {
		t.Error("X11 forwarding was granted")
	}
	if _, err := c.NewSession(); err == nil {
		t.Error("a second session on one connection was opened")
	}
	if n := len(r.People()); n != 0 {
		t.Errorf("%d people joined without a shell", n)
	}
}

func TestRoomFull(t *testing.T) {
	r := openRoom(t, func(c *Config) { c.MaxParticipants = 1 })
	a := join(t, r, "a", r.Info().ParticipantCode)
	a.waitFor(WaitingText)
	b := join(t, r, "b", r.Info().ParticipantCode)
	b.waitFor(FullText)
	if err := b.wait(); err == nil {
		t.Error("a refused participant's session ended with status 0")
	}
	if n := len(r.People()); n != 1 {
		t.Errorf("%d people in a room for 1", n)
	}
}

func TestAnAddressThatGuessesIsRefused(t *testing.T) {
	r := openRoom(t, func(c *Config) { c.maxFailures = 4 })
	for range 2 { // 3 + 3 wrong codes: over the limit of 4
		if _, err := dial(r, "x", "WRONG2", nil); err == nil {
			t.Fatal("a wrong code got in")
		}
	}
	if _, err := dial(r, "x", r.Info().ParticipantCode, nil); err == nil {
		t.Fatal("an address over the failure limit got in with the right code")
	}
	// The window passes: the address may try again.
	r.fails.mu.Lock()
	for h, ts := range r.fails.by {
		for i := range ts {
			ts[i] = ts[i].Add(-time.Hour)
		}
		r.fails.by[h] = ts
	}
	r.fails.mu.Unlock()
	c, err := dial(r, "x", r.Info().ParticipantCode, nil)
	if err != nil {
		t.Fatalf("after the window the right code was refused: %v", err)
	}
	c.Close()
}

func TestLoginDeadline(t *testing.T) {
	r := openRoom(t, func(c *Config) { c.LoginDeadline = 200 * time.Millisecond })
	conn, err := net.Dial("tcp", r.Info().Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 256)
	n, _ := conn.Read(buf)
	if got := string(buf[:n]); !strings.HasPrefix(got, "SSH-2.0-vigil\r\n") {
		t.Errorf("server version %q; want SSH-2.0-vigil", got)
	}
	start := time.Now()
	for { // say nothing; the room hangs up
		if _, err := conn.Read(buf); err != nil {
			break
		}
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("a silent connection stayed %v", took)
	}
}

func TestHostKeyIsKeptPrivateAndPersistent(t *testing.T) {
	dir := t.TempDir()
	open := func() Info {
		r, err := Open(Config{Addr: "127.0.0.1:0", DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		return r.Info()
	}
	a, b := open(), open()
	if a.Fingerprint != b.Fingerprint || !strings.HasPrefix(a.Fingerprint, "SHA256:") {
		t.Errorf("fingerprints %q and %q; want one SHA256: key kept", a.Fingerprint, b.Fingerprint)
	}
	if a.ParticipantCode == b.ParticipantCode || a.ParticipantCode == a.ScreenCode {
		t.Error("join codes repeat")
	}
	for path, want := range map[string]os.FileMode{"room": 0o700, filepath.Join("room", HostKeyName): 0o600} {
		if fi, err := os.Stat(filepath.Join(dir, path)); err != nil {
			t.Error(err)
		} else if fi.Mode().Perm() != want {
			t.Errorf("%s: %v; want %v", path, fi.Mode().Perm(), want)
		}
	}
}

func TestCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		c, err := newCode()
		if err != nil {
			t.Fatal(err)
		}
		if len(c) < 6 || strings.ContainsAny(string(c), "0O1lI") {
			t.Fatalf("code %q", c)
		}
		for _, ch := range string(c) {
			if !strings.ContainsRune(CodeAlphabet, ch) {
				t.Fatalf("code %q has %q", c, ch)
			}
		}
		seen[string(c)] = true
	}
	if len(seen) < 199 {
		t.Errorf("only %d different codes in 200", len(seen))
	}
}

func TestInfoSaysWhoCanJoin(t *testing.T) {
	r := openRoom(t, nil)
	if in := r.Info(); !strings.Contains(in.Exposure, "this computer only") || !strings.Contains(in.Command, "ssh -p ") {
		t.Errorf("loopback info: %+v", in)
	}
	r2 := openRoom(t, func(c *Config) { c.Addr = "0.0.0.0:0" })
	if in := r2.Info(); !strings.Contains(in.Exposure, "anyone on the network who has the join code can join") {
		t.Errorf("0.0.0.0 info says %q", in.Exposure)
	}
}
