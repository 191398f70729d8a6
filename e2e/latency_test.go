package e2e

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLatency is the latency benchmark of issue 11: vigil against the floor
// (a trivial bubbletea program, internal/floor) and the stack floor (the same
// program linking glamour, internal/floorglamour), in one run, in tmux at
// 100×30. It is a measurement, not a CI test, so it runs only when asked:
//
//	VIGIL_LATENCY=1 go test ./e2e -run TestLatency -v
//
// vigil draws at 120 frames a second (bubbletea's default is 60), so the
// floors are measured at both: the frame rate also sets when the first
// frame is drawn (on the renderer's first tick).
//
// VIGIL_LATENCY_RUNS sets the runs per program (default 15),
// VIGIL_LATENCY_KEYS the key samples in each run (default 10) and
// VIGIL_LATENCY_PAUSE_MS the pause between screen probes (default 2).
//
// First screen is the time from asking tmux to start the command to the
// first probe that sees the expected text; key to screen is the time from
// sending the key to the first probe that sees the next screen's text.
// The keys go forward and back in turn (→ then ←), each timed: a key's
// time depends on where in bubbletea's 60 fps frame it lands (0–17 ms),
// so a median needs many samples to be steady. The
// programs take turns within each run, so a busy moment of the machine
// falls on all of them alike. The method is that of
// ../shared/tools/tui-latency.sh: a private tmux server, one control-mode
// client kept open (no fork per probe), a settle time plus a random jitter
// before the key (bubbletea draws at 60 fps; a fixed phase would bias the
// key times). It fails when a screen does not appear.
func TestLatency(t *testing.T) {
	if os.Getenv("VIGIL_LATENCY") != "1" {
		t.Skip("a measurement, not a test: set VIGIL_LATENCY=1 to run it (see the doc comment)")
	}
	needTmux(t)
	runs := envInt(t, "VIGIL_LATENCY_RUNS", 15)
	keysPerRun := envInt(t, "VIGIL_LATENCY_KEYS", 10)
	pause := time.Duration(envInt(t, "VIGIL_LATENCY_PAUSE_MS", 2)) * time.Millisecond

	env := freshHome(t)
	floor := goBuild(t, "../internal/floor")
	stack := goBuild(t, "../internal/floorglamour")
	programs := []latencyProgram{
		{name: "floor", argv: []string{floor}, first: "floor ready", key: "Right", second: "page 1", back: "Left", backText: "page 0"},
		{name: "floor at 120 fps", argv: []string{floor, "-fps", "120"}, first: "floor ready", key: "Right", second: "page 1", back: "Left", backText: "page 0"},
		{name: "stack floor", argv: []string{stack}, first: "floor ready", key: "Right", second: "page 1", back: "Left", backText: "page 0"},
		{name: "stack floor at 120 fps", argv: []string{stack, "-fps", "120"}, first: "floor ready", key: "Right", second: "page 1", back: "Left", backText: "page 0"},
		{name: "vigil", argv: []string{binary, "new"}, env: env, first: "Before we begin", key: "Right", second: "What is cybersex trafficking?", back: "Left", backText: "Before we begin"},
	}

	load0 := "? ? ?"
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		load0 = string(la)
	}
	ctl := startTmuxControl(t, 100, 30)
	probe := ctl.probeCost(t)
	firsts := make([][]time.Duration, len(programs))
	keys := make([][]time.Duration, len(programs))
	for i := 1; i <= runs; i++ {
		for p, prog := range programs {
			f, k := ctl.measure(t, fmt.Sprintf("run%d-%d", i, p), prog, keysPerRun, pause)
			firsts[p] = append(firsts[p], f)
			keys[p] = append(keys[p], k...)
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\nlatency in tmux 100×30: %d runs each, %d key samples per run, one run; medians (min–max), ms; probe %.2f ms, pause %v\n",
		runs, keysPerRun, ms(probe), pause)
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		// Other work on the machine shows in every number; say how busy it was.
		fmt.Fprintf(&b, "load average before and after: %s → %s\n", strings.Join(strings.Fields(load0)[:3], " "), strings.Join(strings.Fields(string(la))[:3], " "))
	}
	fmt.Fprintf(&b, "%-30s %-24s %s\n", "", "first screen", "key to screen")
	for p, prog := range programs {
		fmt.Fprintf(&b, "%-30s %-24s %s\n", prog.name, spread(firsts[p]), spread(keys[p]))
	}
	v := len(programs) - 1
	for p := range v {
		fmt.Fprintf(&b, "%-30s %-24s %.2f×\n", "vigil ÷ "+programs[p].name,
			fmt.Sprintf("%.2f×", ms(median(firsts[v]))/ms(median(firsts[p]))), ms(median(keys[v]))/ms(median(keys[p])))
	}
	fmt.Print(b.String())
}

// latencyProgram is one program to measure: its command line, the text of
// its first screen, the key to send and the text the key brings, and the
// key back and the text it brings back.
type latencyProgram struct {
	name          string
	argv          []string
	env           map[string]string
	first, second string
	key           string
	back          string
	backText      string
}

// tmuxControl is a private tmux server with one control-mode client (tmux
// -C) attached, so each probe is a line written and a few read, not a fork.
type tmuxControl struct {
	socket string
	in     io.WriteCloser
	out    *bufio.Reader
	cmd    *exec.Cmd
}

func startTmuxControl(t *testing.T, w, h int) *tmuxControl {
	t.Helper()
	sock := fmt.Sprintf("vigil-lat-%d-%d", os.Getpid(), time.Now().UnixNano())
	tmux := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
	}
	// A keep-alive session, so the server's start is not counted in run 1.
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "__keep", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sleep 86400")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", sock, "kill-server").Run() })
	tmux("set-option", "-g", "default-terminal", "tmux-256color")
	tmux("set-option", "-g", "remain-on-exit", "on")
	tmux("set-option", "-g", "history-limit", "0")

	c := &tmuxControl{socket: sock, cmd: exec.Command("tmux", "-L", sock, "-C", "attach-session", "-t", "__keep")}
	var err error
	if c.in, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.out = bufio.NewReader(stdout)
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.in.Close()
		_ = c.cmd.Process.Kill()
		_ = c.cmd.Wait()
	})
	if _, err := c.run("display-message", "-p", "ok"); err != nil { // in step with the client
		t.Fatal(err)
	}
	return c
}

// run sends one tmux command and returns its output. Lines outside a
// %begin/%end block of this client (notifications) are skipped.
func (c *tmuxControl) run(args ...string) (string, error) {
	var line strings.Builder
	for _, a := range args {
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, `~`, `\~`)
		line.WriteString(`"` + r.Replace(a) + `" `)
	}
	line.WriteString("\n")
	if _, err := io.WriteString(c.in, line.String()); err != nil {
		return "", fmt.Errorf("tmux control client: %w", err)
	}
	var out strings.Builder
	inBlock := false
	for {
		l, err := c.out.ReadString('\n')
		if err != nil {
			return "", fmt.Errorf("tmux control client closed: %w", err)
		}
		l = strings.TrimSuffix(l, "\n")
		if !inBlock {
			// flags 1: the reply to a command of this client.
			inBlock = strings.HasPrefix(l, "%begin ") && strings.HasSuffix(l, " 1")
			if strings.HasPrefix(l, "%exit") {
				return "", fmt.Errorf("tmux control client exited: %s", l)
			}
			continue
		}
		switch {
		case strings.HasPrefix(l, "%end "):
			return out.String(), nil
		case strings.HasPrefix(l, "%error "):
			return out.String(), fmt.Errorf("tmux %v: %s", args, out.String())
		}
		out.WriteString(l + "\n")
	}
}

// has reports whether the pane of session shows text.
func (c *tmuxControl) has(t *testing.T, session, text string) bool {
	t.Helper()
	s, err := c.run("capture-pane", "-p", "-t", session)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(s, text)
}

// waitFor polls the pane until it shows text, and returns the time since t0
// at the probe that saw it.
func (c *tmuxControl) waitFor(t *testing.T, session, text string, t0 time.Time, pause time.Duration) time.Duration {
	t.Helper()
	deadline := t0.Add(10 * time.Second)
	for {
		if c.has(t, session, text) {
			return time.Since(t0)
		}
		if time.Now().After(deadline) {
			s, _ := c.run("capture-pane", "-p", "-t", session)
			t.Fatalf("%s: %q not on screen within 10 s; the screen shows:\n%s", session, text, s)
		}
		time.Sleep(pause)
	}
}

// probeCost is the median time of one probe: the resolution of the
// measurements is about probe + pause.
func (c *tmuxControl) probeCost(t *testing.T) time.Duration {
	var d []time.Duration
	for range 20 {
		t0 := time.Now()
		c.has(t, "__keep", "x")
		d = append(d, time.Since(t0))
	}
	return median(d)
}

// measure starts prog in a fresh session, times its first screen, then
// times n keys, forward and back in turn, each after a settle time plus
// jitter.
func (c *tmuxControl) measure(t *testing.T, session string, prog latencyProgram, n int, pause time.Duration) (first time.Duration, keys []time.Duration) {
	t.Helper()
	args := []string{"new-session", "-d", "-s", session, "-x", "100", "-y", "30"}
	for k, v := range prog.env {
		args = append(args, "-e", k+"="+v)
	}
	args = append(args, "--")
	args = append(args, prog.argv...)
	t0 := time.Now()
	if _, err := c.run(args...); err != nil {
		t.Fatal(err)
	}
	defer func() { _, _ = c.run("kill-session", "-t", session) }()
	first = c.waitFor(t, session, prog.first, t0, pause)

	settle := 300 * time.Millisecond // the first time: vigil renders the guide in the background
	for i := range n {
		key, want := prog.key, prog.second
		if i%2 == 1 {
			key, want = prog.back, prog.backText
		}
		time.Sleep(settle + rand.N(50*time.Millisecond)) // off the frame phase
		settle = 100 * time.Millisecond
		if c.has(t, session, want) {
			t.Fatalf("%s: %q is on screen before the key %s", prog.name, want, key)
		}
		t0 = time.Now()
		if _, err := c.run("send-keys", "-t", session, key); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, c.waitFor(t, session, want, t0, pause))
	}
	return first, keys
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// spread is "median (min–max)" in milliseconds.
func spread(d []time.Duration) string {
	return fmt.Sprintf("%.1f (%.1f–%.1f)", ms(median(d)), ms(slices.Min(d)), ms(slices.Max(d)))
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a whole number above 0", name, v)
	}
	return n
}
