package room

import (
	"os"
	"strings"
	"testing"
	"time"

	"vigil/session"
)

// frame is a test page; titles differ in every column from one to the
// next, so a screen that redraws only what changed still writes them whole.
func frame(title string) Frame {
	return Frame{Key: "k/" + title, Where: "Part 1 of 1", Title: title, Markdown: "Text of " + title + "."}
}

var titles = []string{"Kestrel over the hill", "Marigold harbour", "Quiet lantern at dusk", "Juniper bay"}

func TestParticipantFollowsTheLeaderAndThePause(t *testing.T) {
	r := openRoom(t, nil)
	p, s := participantAndScreen(t, r)
	for _, title := range titles[1:3] {
		r.Show(frame(title))
		p.waitFor(title)
		s.waitFor(title)
	}
	f := frame(titles[2])
	f.Paused = true
	r.Show(f)
	p.waitFor("We are taking a pause")
	s.waitFor("We are taking a pause")
	r.Show(frame(titles[3]))
	p.waitFor(titles[3])
}

func TestPrivateRequestReachesOnlyTheLeader(t *testing.T) {
	r := openRoom(t, nil)
	a := join(t, r, "a", r.Info().ParticipantCode)
	b := join(t, r, "b", r.Info().ParticipantCode)
	s := join(t, r, "w", r.Info().ScreenCode)
	waitPeople(t, r, 3)
	r.Show(frame(titles[0]))
	for _, tm := range []*term{a, b, s} {
		tm.waitFor(titles[0])
	}

	// A names themself, then sends a request for the leader only,
	// without the name.
	a.typeKeys("n")
	a.waitFor("Your name in the room")
	a.typeKeys("Anna Q\r")
	a.waitFor("You are Anna Q in the room.")
	const secret = "Zephyrine needs courage for Tuesday"
	a.typeKeys("r")
	a.waitFor("Who is this prayer request for?")
	a.typeKeys("2")
	a.waitFor("for the leader only")
	a.typeKeys(secret + "\x1b[31m\r") // an escape sequence typed in is not kept
	a.waitFor("or without?")
	a.typeKeys("n")
	a.waitFor("went to the leader only")
	in := recv(t, r)
	if in.Kind != Request || !in.Private || in.Named || in.Text != secret || in.From.Name != "Anna Q" || in.PageKey != "k/"+titles[0] {
		t.Errorf("inbox got %+v", in)
	}
	// A request for the room, with the name.
	a.typeKeys("r1For the harvest\ry")
	in = recv(t, r)
	if in.Private || !in.Named || in.Text != "For the harvest" {
		t.Errorf("inbox got %+v", in)
	}
	// Let everything settle, then read every byte the others received.
	r.Show(frame(titles[1]))
	for _, tm := range []*term{a, b, s} {
		tm.waitFor(titles[1])
	}
	for name, tm := range map[string]*term{"participant B": b, "the screen": s} {
		for _, bit := range []string{"Zephyrine", "courage for Tuesday", "harvest", "Anna"} {
			if strings.Contains(tm.text(), bit) || strings.Contains(tm.raw(), bit) {
				t.Errorf("%s received %q", name, bit)
			}
		}
	}
}

func TestResponseOnAPrompt(t *testing.T) {
	r := openRoom(t, nil)
	a := join(t, r, "a", r.Info().ParticipantCode)
	waitPeople(t, r, 1)
	r.Show(frame(titles[0]))
	a.waitFor(titles[0])
	a.typeKeys("w")
	a.waitFor("no prompt on screen")
	f := frame(titles[1])
	f.Prompt = true
	r.Show(f)
	a.waitFor("w write a response")
	a.typeKeys("w")
	a.waitFor("Your response, for the leader")
	a.typeKeys("I felt hope\r")
	in := recv(t, r)
	if in.Kind != Response || in.Text != "I felt hope" || in.PageKey != f.Key {
		t.Errorf("inbox got %+v", in)
	}
}

func TestSubmitCleansCapsAndLimits(t *testing.T) {
	r := openRoom(t, nil)
	m := &member{person: Person{ID: 9, Name: "guest 9"}}
	long := strings.Repeat("é", MaxSent+50)
	r.submit(m, Request, "\x1b]0;owned\x07"+long+"\u202e", false, false, "k")
	in := recv(t, r)
	if strings.ContainsAny(in.Text, "\x1b\x07\u202e") || len([]rune(in.Text)) != MaxSent {
		t.Errorf("sent text kept %d runes or control characters: %q…", len([]rune(in.Text)), in.Text[:20])
	}
	for range RateLimit - 1 {
		r.submit(m, Response, "x", true, true, "k")
		recv(t, r)
	}
	if got := r.submit(m, Response, "x", true, true, "k"); !strings.Contains(got, "wait a little") {
		t.Errorf("the sixth in a minute: %q", got)
	}
	select {
	case in := <-r.Inbox():
		t.Errorf("over the limit, %+v reached the inbox", in)
	default:
	}
}

// TestMeetingPrivacy shows the participants a real meeting that holds a
// leader's note and a private request, and reads every byte they got.
func TestMeetingPrivacy(t *testing.T) {
	m := meeting(t)
	now := time.Now()
	m.GoTo(1, now)
	m.SetNote(true, "LEADERNOTE Kalamata should not be asked", now)
	m.SetNote(false, "group note", now)
	m.AddRequest("PRIVATEREQ Ulrike surgery", "Ulrike", true, now)
	m.AddRequest("For the new neighbours", "Ben", false, now)
	secrets := []string{"LEADERNOTE", "Kalamata", "PRIVATEREQ", "Ulrike"}
	// The guide's own notes for the leader are not shared either.
	for _, p := range m.Guide.Parts {
		for _, s := range p.Sections {
			if s.Leader != "" {
				secrets = append(secrets, strings.TrimSpace(strings.SplitN(s.Leader, "\n", 2)[0]))
			}
		}
	}

	r := openRoom(t, func(c *Config) { c.ContentNote = ContentNoteOf(m) })
	a := join(t, r, "a", r.Info().ParticipantCode)
	s := join(t, r, "w", r.Info().ScreenCode)
	waitPeople(t, r, 2)
	a.waitFor("Press enter to join the group")
	a.typeKeys("\r")
	var shown []Frame
	for i := range m.Pages {
		m.GoTo(i, now)
		if m.Page().Kind == session.PageSection || m.Page().Kind == session.PagePrompt {
			m.SetNote(true, "LEADERNOTE Kalamata on "+m.Page().Key, now)
		}
		f := FrameOf(m, false)
		shown = append(shown, f)
		r.Show(f)
	}
	requests := FrameOf(m, false)
	for i, p := range m.Pages {
		if p.Kind == session.PageRequests {
			m.GoTo(i, now)
			requests = FrameOf(m, false)
		}
	}
	for _, f := range append(shown, requests) {
		for _, bit := range secrets {
			if bit != "" && strings.Contains(f.Title+f.Where+f.Markdown, bit) {
				t.Errorf("frame %s holds %q", f.Key, bit)
			}
		}
	}
	if !strings.Contains(requests.Markdown, "For the new neighbours") {
		t.Errorf("the requests page lacks the room's request:\n%s", requests.Markdown)
	}
	r.Show(requests)
	a.waitFor("For the new neighbours")
	s.waitFor("For the new neighbours")
	for name, tm := range map[string]*term{"participant": a, "screen": s} {
		got := tm.text() + tm.raw()
		for _, bit := range secrets {
			if bit != "" && strings.Contains(got, bit) {
				t.Errorf("the %s received %q", name, bit)
			}
		}
	}
}

func TestLateParticipantReadsTheContentNoteFirst(t *testing.T) {
	m := meeting(t)
	r := openRoom(t, func(c *Config) { c.ContentNote = ContentNoteOf(m) })
	r.Show(frame(titles[0]))
	a := join(t, r, "a", r.Info().ParticipantCode)
	a.waitFor(session.TitleContentNote)
	a.waitFor("Press enter to join the group")
	a.typeKeys("\r")
	a.waitFor(titles[0])
	s := join(t, r, "w", r.Info().ScreenCode)
	s.waitFor(titles[0])
	if strings.Contains(s.text(), session.TitleContentNote) {
		t.Error("the screen was held on the content note")
	}
}

func TestHelpOnOwnScreen(t *testing.T) {
	r := openRoom(t, func(c *Config) { c.Help = session.HelpOf(meeting(t).Guide) })
	a, s := participantAndScreen(t, r)
	a.typeKeys("H")
	a.waitFor(session.EmergencyLine)
	a.waitFor("Only you see this screen.")
	s.typeKeys("H") // the screen takes no key but q
	r.Show(frame(titles[1]))
	s.waitFor(titles[1])
	if strings.Contains(s.text(), session.EmergencyLine) {
		t.Error("help reached the screen")
	}
}

func TestCloseEndsEveryoneCleanly(t *testing.T) {
	r := openRoom(t, nil)
	a, s := participantAndScreen(t, r)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for name, tm := range map[string]*term{"participant": a, "screen": s} {
		if err := tm.wait(); err != nil {
			t.Errorf("the %s's session ended with %v; want exit status 0", name, err)
		}
		raw := tm.raw()
		enter, leave := strings.LastIndex(raw, "\x1b[?1049h"), strings.LastIndex(raw, "\x1b[?1049l")
		if enter < 0 || leave < enter {
			t.Errorf("the %s's terminal was left in the alternate screen", name)
		}
		if i := strings.LastIndex(raw, EndedText); i < leave {
			t.Errorf("the %s was not told %q after the screen was restored", name, EndedText)
		}
		if strings.LastIndex(raw, "\x1b[?25h") < strings.LastIndex(raw, "\x1b[?25l") {
			t.Errorf("the %s's cursor was left hidden", name)
		}
	}
	if _, ok := <-r.Inbox(); ok {
		t.Error("the inbox is open after Close")
	}
	if _, err := dial(r, "x", r.Info().ParticipantCode, nil); err == nil {
		t.Error("a closed room let someone in")
	}
}

func TestRemove(t *testing.T) {
	r := openRoom(t, nil)
	a := join(t, r, "a", r.Info().ParticipantCode)
	b := join(t, r, "b", r.Info().ParticipantCode)
	ps := waitPeople(t, r, 2)
	if !r.Remove(ps[0].ID) {
		t.Fatal("Remove found nobody")
	}
	a.waitFor(RemovedText)
	_ = a.wait()
	ps = waitPeople(t, r, 1)
	if ps[0].Name != "guest 2" {
		t.Errorf("left in the room: %+v", ps)
	}
	r.Show(frame(titles[0]))
	b.waitFor(titles[0])
}

func TestPlainUserGetsLines(t *testing.T) {
	r := openRoom(t, nil)
	p := join(t, r, PlainUser, r.Info().ParticipantCode)
	p.waitFor("You are in the room as guest 1")
	r.Show(frame(titles[0]))
	p.waitFor("Text of " + titles[0])
	p.typeKeys("r\r")
	p.waitFor("room or for the leader only")
	p.typeKeys("leader\rplain words\rno\r")
	in := recv(t, r)
	if !in.Private || in.Named || in.Text != "plain words" {
		t.Errorf("inbox got %+v", in)
	}
	if raw := p.raw(); strings.Contains(raw, "\x1b[?1049h") || strings.Contains(raw, "\x1b[3") {
		t.Errorf("plain mode wrote screen or colour sequences: %q", tail(raw, 300))
	}
	r.Close()
	p.waitFor(EndedText)
}

func TestPanicEndsOnlyThatParticipant(t *testing.T) {
	r := openRoom(t, func(c *Config) { c.panicOn = "BOOM" })
	a := join(t, r, "a", r.Info().ParticipantCode)
	b := join(t, r, "b", r.Info().ParticipantCode)
	waitPeople(t, r, 2)
	r.Show(frame("BOOM"))
	a.waitFor("Something went wrong")
	_ = a.wait()
	waitPeople(t, r, 1)
	r.Show(frame(titles[1]))
	b.waitFor(titles[1])
	if raw := a.raw(); strings.LastIndex(raw, "\x1b[?1049l") < strings.LastIndex(raw, "\x1b[?1049h") {
		t.Error("the panicked participant's terminal was left in the alternate screen")
	}
	data, _ := os.ReadFile(r.cfg.LogPath)
	if !strings.Contains(string(data), "a test's panic") {
		t.Error("the panic is not in the room's log")
	}
}
