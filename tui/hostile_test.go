package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/room/link"
	"vigil/session"
	"vigil/store"
)

// hostile holds every control sequence issue 12 saw reach a terminal: OSC
// 52 (clipboard), OSC 0 (window title), ESC[2J (clear), OSC 8 (link), a C1
// CSI (U+009B), a CR and a right-to-left override.
const hostile = "A\x1b]52;c;SGVsbG8=\x07B\x1b]0;pwned\x07C\x1b[2JD\x1b]8;;http://evil.example\x1b\\E\x1b]8;;\x1b\\F\u009b31mG\rH\u202eI\x1bZ"

// lipglossSGR is the styling lipgloss itself writes: SGR sequences only.
var lipglossSGR = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// checkNoControls fails when a frame holds anything but lipgloss's own
// styling: no other ESC, no C1 code, no CR, no bidi control.
func checkNoControls(t *testing.T, where, frame string) {
	t.Helper()
	s := lipglossSGR.ReplaceAllString(frame, "")
	for i, r := range s {
		bad := r == 0x1b || r == '\r' || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r < 0x20 && r != '\n'
		if bad {
			lo := max(0, i-20)
			t.Errorf("%s: control %U at %d: %q", where, r, i, s[lo:min(len(s), i+20)])
			return
		}
	}
}

// hostileStore holds a session whose every stored string carries the
// hostile sequences: group, title, notes (both views), requests (shared
// and private), names, attendance, commitments.
func hostileStore(t *testing.T) (*store.Store, *guides.Guide, *session.Opened) {
	t.Helper()
	st := openTestStore(t)
	g := tinyGuide()
	o, err := session.NewSession(st, g, session.Start{Group: "G" + hostile, Title: "T" + hostile, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	id := o.Record.Session.ID
	s := o.Record.Session
	s.Attendance = "Ana" + hostile + ", Ben"
	now := fixedClock()
	c := store.Change{SessionID: id, Session: &s,
		Notes: []store.Note{
			{Key: "faq/one", Kind: store.NoteSection, Text: "note" + hostile, Updated: now},
			{Key: "faq/one" + session.LeaderSuffix, Kind: store.NoteLeader, Text: "lnote" + hostile, Updated: now},
			{Key: session.KeyRequests, Kind: store.NoteSection, Text: "rnote" + hostile, Updated: now},
		},
		Requests: []store.Request{
			{ID: 1, Text: "req" + hostile, Name: "Name" + hostile, Created: now},
			{ID: 2, Text: "priv" + hostile, Name: "PName" + hostile, Private: true, Created: now},
		},
		Commitments: []store.Commitment{{ID: 1, Text: "com" + hostile, Name: "CName" + hostile, Created: now}},
	}
	if err := st.Apply(c); err != nil {
		t.Fatal(err)
	}
	o2, err := session.ResumeStatus(st, guides.Library{Guides: []*guides.Guide{g}}, id)
	if err != nil {
		t.Fatal(err)
	}
	return st, g, o2
}

// TestNoControlSequenceFromStoredText draws every screen over a database
// whose stored text holds escape sequences, C1 codes, CR and bidi
// overrides, and checks every frame.
func TestNoControlSequenceFromStoredText(t *testing.T) {
	st, g, o := hostileStore(t)
	lib := guides.Library{Guides: []*guides.Guide{g}}
	cfg := Config{Store: st, Library: lib, GlamourStyle: "notty", Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true,
		ExportDir: t.TempDir()}

	// The home screen and the prayer list, from both views.
	a := New(cfg)
	a = drive(t, a, sizeMsg(100, 30), loadSessions(st)())
	checkNoControls(t, "home", a.View().Content)
	mustContain(t, viewText(a), "GA") // the group's name is there, cleaned
	// The group's row starts its next session with the name in the field.
	start := a
	for start.home.items()[start.home.sel].kind != itemGroup {
		start = drive(t, start, keyMsg("down"))
	}
	start = drive(t, start, keyMsg("enter"))
	mustContain(t, viewText(start), "Group (optional): GA")
	checkNoControls(t, "the start form with a stored group", start.View().Content)
	a = drive(t, a, keyMsg("down"), keyMsg("enter"))
	if a.state != statePrayerList {
		t.Fatalf("not on the prayer list: %v", a.state)
	}
	checkNoControls(t, "prayer list (shared)", a.View().Content)
	a = drive(t, a, keyMsg("tab"))
	checkNoControls(t, "prayer list (leader)", a.View().Content)
	mustContain(t, viewText(a), "privA")

	// Every page of the session, in both views, and the export dialog.
	cfg.Start = o
	a = New(cfg)
	a = drive(t, a, sizeMsg(100, 30))
	for _, leader := range []bool{false, true} {
		a.session.leader = leader
		for i := range a.session.meet.Pages {
			a.session.meet.Cur = i
			a.session.refresh(true)
			a.session.remake()
			checkNoControls(t, a.session.page().Key, a.View().Content)
		}
	}
	a.session.leader = false // the room's view again: the export is redacted, with its preview
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("e")) // the edit form, filled in
	checkNoControls(t, "edit form", a.View().Content)
	a = drive(t, a, keyMsg("esc"))
	a = goTo(t, a, session.KeyCommitments)
	checkNoControls(t, "commitments", a.View().Content)
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keyMsg("enter")) // the note editor
	checkNoControls(t, "note editor", a.View().Content)
	a = drive(t, a, keyMsg("esc"))
	a = goTo(t, a, session.KeySummary)
	checkNoControls(t, "summary", a.View().Content)
	a = drive(t, a, keyMsg("e"))
	checkNoControls(t, "export dialog", a.View().Content)
	a = drive(t, a, keyMsg("enter")) // the redacted preview
	if d, ok := a.top().(exportDialog); !ok || d.stage != exportPreview {
		t.Fatal("the redacted preview did not open")
	}
	checkNoControls(t, "export preview", a.View().Content)
}

// TestNoControlSequenceFromTheRoom: what a participant sends, and the name
// they chose, reach the leader's panel cleaned, in the leader's view (which
// shows both) as in the shared one. The room cleans them as it takes them
// in; the panel does too, as every screen does with text it did not write.
func TestNoControlSequenceFromTheRoom(t *testing.T) {
	who := link.Person{ID: 3, Name: "Name" + hostile, Role: link.RoleParticipant, Since: fixedClock()}
	r := newQuietRoom(localInfo(), who)
	for _, in := range []link.Incoming{
		{From: who, Kind: link.Request, Text: "req" + hostile, Named: true, At: fixedClock()},
		{From: who, Kind: link.Request, Text: "priv" + hostile, Private: true, Named: true, At: fixedClock()},
		{From: who, Kind: link.Response, Text: "resp" + hostile, Named: true, PageKey: session.KeyContentNote, At: fixedClock()},
	} {
		a := groupApp(t, 100, 30)
		a.ctx.cfg.Room = RoomConfig{Opener: r.opener()}
		a = drive(t, a, keyMsg("R"))
		a = drive(t, a, roomIncomingMsg{r: a.ctx.room.r, in: in, ok: true})
		checkNoControls(t, "room panel, shared view", a.View().Content)
		a = drive(t, a, keyMsg("tab"))
		if !a.session.leader {
			t.Fatal("tab in the panel did not turn to the leader's view")
		}
		checkNoControls(t, "room panel, leader's view", a.View().Content)
		shown, _, _ := strings.Cut(in.Text, "\x1b") // "reqA": what comes before the first escape
		mustContain(t, flat(viewText(a)), shown, "from NameA")
	}
}
