package room

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"go.uber.org/goleak"
)

// The load test runs when VIGIL_ROOM_LOAD=1; its figures are logged (run
// with -v). The following test's clients run in a child process, so the
// RSS and goroutine figures per participant are the room's side alone
// (the clients' process's RSS is logged beside them); the cycles' clients
// are in this process, so their heap figure counts both ends.
func TestLoad(t *testing.T) {
	if os.Getenv("VIGIL_ROOM_LOAD") != "1" {
		t.Skip("set VIGIL_ROOM_LOAD=1 to run the room's load test")
	}
	t.Run("follow", loadFollow)
	t.Run("cycles", loadCycles)
}

// rssKiB is this process's resident memory, after two collections.
func rssKiB(t testing.TB) int {
	runtime.GC()
	runtime.GC()
	n, err := vmRSSKiB("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// vmRSSKiB reads VmRSS from a /proc status file.
func vmRSSKiB(status string) (int, error) {
	data, err := os.ReadFile(status)
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
	return 0, fmt.Errorf("no VmRSS in %s", status)
}

func fds(t testing.TB) int {
	es, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

// loadTitle is the i-th title: every column differs from the one before,
// and no letter repeats twice running.
func loadTitle(i int) string {
	return strings.Repeat(fmt.Sprintf("%c%c", 'A'+i%26, 'a'+(i+7)%26), 8) + fmt.Sprintf(" page %02d", i)
}

// seen waits until the terminal has shown want since byte from.
func (tm *term) seen(want string, from int, d time.Duration) (time.Time, bool) {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		tm.mu.Lock()
		b := tm.out.Bytes()
		tail := string(b[min(len(b), max(0, from-64)):])
		tm.mu.Unlock()
		if strings.Contains(ansi.Strip(tail), want) {
			return time.Now(), true
		}
		select {
		case <-tm.wrote:
		case <-deadline.C:
			return time.Time{}, false
		}
	}
}

func loadFollow(t *testing.T) {
	people, changes := 50, 20
	if n, err := strconv.Atoi(os.Getenv("VIGIL_ROOM_LOAD_PEOPLE")); err == nil {
		people = n
	}
	r := openRoom(t, func(c *Config) { c.MaxParticipants = people })
	base := rssKiB(t)
	mem0 := heapStackKiB()
	g0 := runtime.NumGoroutine()
	cl := startClients(t, r, people)
	cl.expect("ready")
	waitPeople(t, r, people)
	full := rssKiB(t)
	mem1 := heapStackKiB()
	clientRSS := cl.rssKiB()
	if path := os.Getenv("VIGIL_ROOM_HEAP"); path != "" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	g1 := runtime.NumGoroutine()
	var lat []time.Duration
	for i := range changes {
		title := loadTitle(i)
		cl.say("watch " + title)
		cl.expect("armed")
		start := time.Now()
		r.Show(Frame{Key: title, Where: "Part 1 of 1", Title: title, Markdown: "Some words for " + title + "."})
		for range people {
			f := strings.Fields(cl.expect("seen"))
			at, err := strconv.ParseInt(f[len(f)-1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			lat = append(lat, time.Unix(0, at).Sub(start))
		}
	}
	cl.say("quit")
	slices.Sort(lat)
	med, p95 := lat[len(lat)/2], lat[len(lat)*95/100]
	per := (full - base) / people
	t.Logf("%d participants × %d page changes: follow median %v, p95 %v, max %v", people, changes, med, p95, lat[len(lat)-1])
	t.Logf("the room's side (the clients run in a child process): RSS %d KiB with 0 participants, %d KiB with %d: %d KiB per participant; %d goroutines per participant",
		base, full, people, per, (g1-g0)/people)
	t.Logf("the room's heap and stacks in use: %d KiB → %d KiB: %d KiB per participant", mem0, mem1, (mem1-mem0)/people)
	t.Logf("the clients' process (its own baseline included): RSS %d KiB for %d clients", clientRSS, people)
	if med > 17*time.Millisecond || p95 > 33*time.Millisecond {
		t.Errorf("follow latency median %v, p95 %v; goals 16.7 ms and 33 ms", med, p95)
	}
	if per > 200 {
		t.Errorf("%d KiB per participant; goal under 200", per)
	}
}

// clients is the load test's clients, run in a child process (this test
// binary again, as TestLoadClients) so that the room's RSS and goroutines
// are counted alone. They talk over the child's stdin and stdout, one
// line at a time.
type clients struct {
	t    testing.TB
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	line chan string
}

func startClients(t testing.TB, r *Room, people int) *clients {
	t.Helper()
	in := r.Info()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadClients$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		"VIGIL_ROOM_LOAD_CLIENT=1",
		"VIGIL_ROOM_LOAD_ADDR="+in.Addr,
		"VIGIL_ROOM_LOAD_CODE="+in.ParticipantCode,
		"VIGIL_ROOM_LOAD_FP="+in.Fingerprint,
		fmt.Sprintf("VIGIL_ROOM_LOAD_N=%d", people))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &clients{t: t, cmd: cmd, in: stdin, out: bufio.NewScanner(stdout), line: make(chan string, 1024)}
	go func() {
		defer close(c.line)
		for c.out.Scan() {
			if l, ok := strings.CutPrefix(c.out.Text(), "LOAD "); ok {
				c.line <- l
			}
		}
	}()
	t.Cleanup(func() {
		_ = stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	return c
}

func (c *clients) say(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, s+"\n"); err != nil {
		c.t.Fatal(err)
	}
}

// expect waits for the child's next line, which must start with word.
func (c *clients) expect(word string) string {
	c.t.Helper()
	select {
	case l, ok := <-c.line:
		if !ok {
			c.t.Fatalf("the clients' process ended; wanted %q", word)
		}
		if !strings.HasPrefix(l, word) {
			c.t.Fatalf("the clients' process said %q; wanted %q", l, word)
		}
		return l
	case <-time.After(30 * time.Second):
		c.t.Fatalf("the clients' process never said %q", word)
	}
	return ""
}

// rssKiB is the clients' process's resident memory, or 0 when it cannot
// be read.
func (c *clients) rssKiB() int {
	n, _ := vmRSSKiB(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	return n
}

// TestLoadClients is the load test's child process: it connects the
// clients, says "ready" once each shows the room, then for each "watch
// TITLE" says "armed", and "seen J UNIXNANO" as each client shows it.
func TestLoadClients(t *testing.T) {
	if os.Getenv("VIGIL_ROOM_LOAD_CLIENT") != "1" {
		t.Skip("the load test's child process")
	}
	people, _ := strconv.Atoi(os.Getenv("VIGIL_ROOM_LOAD_N"))
	addr, code, fp := os.Getenv("VIGIL_ROOM_LOAD_ADDR"), os.Getenv("VIGIL_ROOM_LOAD_CODE"), os.Getenv("VIGIL_ROOM_LOAD_FP")
	say := func(s string) { fmt.Printf("LOAD %s\n", s) }
	terms := make([]*term, people)
	for i := range terms {
		c, err := dialAt(Info{Addr: addr, Fingerprint: fp}, "p", code, nil)
		if err != nil {
			t.Fatal(err)
		}
		terms[i] = shell(t, c, true)
	}
	for _, tm := range terms {
		tm.waitFor(WaitingText)
	}
	say("ready")
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		title, ok := strings.CutPrefix(sc.Text(), "watch ")
		if !ok {
			return
		}
		from := make([]int, people)
		for j, tm := range terms {
			tm.mu.Lock()
			from[j] = tm.out.Len()
			tm.mu.Unlock()
		}
		say("armed")
		var wg sync.WaitGroup
		var mu sync.Mutex
		for j, tm := range terms {
			wg.Add(1)
			go func() {
				defer wg.Done()
				at, ok := tm.seen(title, from[j], 10*time.Second)
				if !ok {
					t.Errorf("client %d never showed %q", j, title)
					at = time.Now().Add(time.Hour)
				}
				mu.Lock()
				say(fmt.Sprintf("seen %d %d", j, at.UnixNano()))
				mu.Unlock()
			}()
		}
		wg.Wait()
	}
}

func loadCycles(t *testing.T) {
	const cycles = 1000
	r := openRoom(t, nil)
	r.Show(frame(titles[0]))
	// One cycle first, so that what is made once (renderers, pools) is made.
	// Each cycle keeps nothing of its client afterwards (no t.Cleanup),
	// so that the heap figure is the room's.
	one := func() {
		c, s := connect(t, r, "p")
		defer c.Close()
		tm := &term{t: t, wrote: make(chan struct{}, 1)}
		s.Stdout = tm
		startShell(t, s)
		tm.waitFor(titles[0])
	}
	one()
	waitPeople(t, r, 0)
	opts := goleak.IgnoreCurrent()
	fd0, heap0 := fds(t), heapKiB()
	rss0 := rssKiB(t)
	start := time.Now()
	for range cycles {
		one()
	}
	waitPeople(t, r, 0)
	took := time.Since(start)
	if err := goleak.Find(opts); err != nil {
		t.Errorf("after %d cycles: %v", cycles, err)
	}
	fd1 := fds(t)
	for i := 0; fd1 != fd0 && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
		fd1 = fds(t)
	}
	heap1, rss1 := heapKiB(), rssKiB(t)
	t.Logf("%d connect/disconnect cycles in %v: fds %d → %d, heap %d → %d KiB, RSS %d → %d KiB, goroutines back at baseline: %v",
		cycles, took.Round(time.Millisecond), fd0, fd1, heap0, heap1, rss0, rss1, !t.Failed())
	if fd1 != fd0 {
		t.Errorf("fds %d → %d after the cycles", fd0, fd1)
	}
}

// heapStackKiB is the heap and goroutine stacks in use, after a GC.
func heapStackKiB() int {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int((ms.HeapInuse + ms.StackInuse) / 1024)
}

func heapKiB() int {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int(ms.HeapInuse / 1024)
}
