package room

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenSSHEndToEnd drives the real OpenSSH client in tmux: a wrong
// code refused, a participant and a screen following the leader, a
// private request kept from the screen, the pause, and the end. It runs
// with VIGIL_E2E=1 where tmux and ssh are installed.
func TestOpenSSHEndToEnd(t *testing.T) {
	if os.Getenv("VIGIL_E2E") != "1" {
		t.Skip("set VIGIL_E2E=1 to run the end-to-end test with OpenSSH in tmux")
	}
	for _, bin := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s is not installed", bin)
		}
	}
	r := openRoom(t, nil)
	in := r.Info()
	dir := t.TempDir()
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", sock, "kill-server").Run() })
	askpass := func(name, code string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\necho "+code+"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sshCmd := func(user, pass string) string {
		return fmt.Sprintf("env SSH_ASKPASS=%s SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ssh -t -p %d -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -o LogLevel=ERROR %s@%s; echo EXIT=$?; sleep 60",
			pass, in.Port, user, in.Host)
	}
	capture := func(win string) string { return tmux("capture-pane", "-p", "-t", win, "-S", "-100") }
	waitPane := func(win, want string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			got := capture(win)
			if strings.Contains(got, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s never showed %q:\n%s", win, want, got)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	tmux("new-session", "-d", "-s", "room", "-n", "wrong", "-x", "100", "-y", "30", sshCmd("x", askpass("wrong", "WRONG9")))
	waitPane("room:wrong", "EXIT=255")

	tmux("new-window", "-t", "room", "-n", "part", sshCmd("anna", askpass("p", in.ParticipantCode)))
	tmux("new-window", "-t", "room", "-n", "screen", sshCmd("wall", askpass("s", in.ScreenCode)))
	waitPane("room:part", WaitingText)
	waitPane("room:screen", WaitingText)
	for _, title := range titles[:3] {
		r.Show(frame(title))
		waitPane("room:part", title)
		waitPane("room:screen", title)
	}
	tmux("send-keys", "-t", "room:part", "r")
	waitPane("room:part", "for the leader only")
	tmux("send-keys", "-t", "room:part", "2")
	waitPane("room:part", "Your request, for the leader only") // the form takes the text now
	tmux("send-keys", "-t", "room:part", "-l", "Wilhelmina secret")
	waitPane("room:part", "Wilhelmina secret")
	tmux("send-keys", "-t", "room:part", "Enter")
	waitPane("room:part", "without my name")
	tmux("send-keys", "-t", "room:part", "n")
	got := recv(t, r)
	if !got.Private || got.Text != "Wilhelmina secret" {
		t.Errorf("inbox got %+v", got)
	}
	f := frame(titles[3])
	f.Paused = true
	r.Show(f)
	waitPane("room:part", "We are taking a pause")
	waitPane("room:screen", "We are taking a pause")
	if strings.Contains(capture("room:screen"), "Wilhelmina") {
		t.Error("the private request reached the screen")
	}
	r.Close()
	for _, w := range []string{"room:part", "room:screen"} {
		waitPane(w, EndedText)
		waitPane(w, "EXIT=0")
	}
}
