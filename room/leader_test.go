package room

import (
	"strings"
	"testing"
	"time"

	"vigil/session"
)

// TestStalledClientNeverSlowsTheLeader has a client that never reads
// while the leader changes page 20,000 times.
func TestStalledClientNeverSlowsTheLeader(t *testing.T) {
	r := openRoom(t, nil)
	c, s := connect(t, r, "x")
	defer c.Close()
	if _, err := s.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	startShell(t, s)
	waitPeople(t, r, 1)
	long := strings.Repeat("A long page that fills the window. ", 300)
	// Each Show is timed, and beside it the same timing around nothing:
	// the control shows what the scheduler alone costs on a busy machine.
	var slowest, control, total time.Duration
	const n = 20000
	over := 0
	var sink int
	for i := range n {
		f := frame(titles[i%len(titles)])
		f.Markdown = long
		start := time.Now()
		r.Show(f)
		d := time.Since(start)
		start = time.Now()
		sink++
		control = max(control, time.Since(start))
		total += d
		slowest = max(slowest, d)
		if d > time.Millisecond {
			over++
		}
	}
	t.Logf("%d page changes to a client that never reads: mean Show %v, slowest %v (timing nothing, slowest %v), %d over 1 ms",
		n, total/n, slowest, control, over)
	if over > n/1000 || slowest > 50*time.Millisecond {
		t.Errorf("Show waited: %d of %d over 1 ms, slowest %v", over, n, slowest)
	}
	start := time.Now()
	r.Close() // the stalled client is cut off after the grace
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Close took %v with a stalled client", took)
	}
}

// TestLeaderStandIn plays the leader's front end as the tui will: open the
// room, show each page as the meeting moves, take what comes in, accept a
// request for the room onto the meeting, and show the requests page.
func TestLeaderStandIn(t *testing.T) {
	m := meeting(t)
	now := time.Now()
	r := openRoom(t, func(c *Config) {
		c.ContentNote = ContentNoteOf(m)
		c.Help = session.HelpOf(m.Guide)
	})
	r.Show(FrameOf(m, false))
	a := join(t, r, "a", r.Info().ParticipantCode)
	s := join(t, r, "w", r.Info().ScreenCode)
	waitPeople(t, r, 2)
	a.waitFor(session.TitleContentNote)
	s.waitFor(session.TitleContentNote)
	m.ChoosePath(m.Rec.Session.Path, now)
	r.Show(FrameOf(m, false))
	sec, _ := m.Section()
	a.waitFor(sec.Title)

	a.typeKeys("r1Rain for the farms\ry")
	in := recv(t, r)
	name := ""
	if in.Named {
		name = in.From.Name
	}
	if in.Private {
		t.Fatal("a request for the room came marked private")
	}
	if _, cs := m.AddRequest(in.Text, name, in.Private, now); len(cs) == 0 {
		t.Fatal("the meeting did not take the request")
	}
	for i, p := range m.Pages {
		if p.Kind == session.PageRequests {
			m.GoTo(i, now)
		}
	}
	r.Show(FrameOf(m, false))
	s.waitFor("Rain for the farms")
	s.waitFor("guest 1")
	a.waitFor("Rain for the farms")
	m.Pause(now)
	r.Show(FrameOf(m, true))
	s.waitFor("We are taking a pause")
}
