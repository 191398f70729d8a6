package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"vigil/guides"
	"vigil/room/link"
	"vigil/session"
	"vigil/store"
)

// The goldens of the screens, modes and dialogs TestGoldenScreens and
// TestGoldenClose leave out, at 80×24 and 120×40: each is reached by keys
// (or, where the way there is long, by keys given to the model before the
// program starts), and compared as text with a file under testdata/.
// Regenerate with -update, and read the files before committing them.

// goldenScreen is one screen to compare.
type goldenScreen struct {
	name string
	// setup makes the app, sized w×h, as the program gets it.
	setup func(t *testing.T, w, h int) App
	keys  []tea.Msg
	// keysFor, when set, gives the keys for a size instead: where the
	// text to show is scrolled to, which takes more keys in a smaller
	// window.
	keysFor func(w, h int) []tea.Msg
	// wait is the text that shows the screen is there: all of it.
	wait []string
	// secret is text that must never be on this screen: a private
	// request or the leader's note, in the shared view.
	secret []string
}

// goldenSizes are the sizes every screen is compared at.
var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// runGoldens shows each screen at each size, and compares it with its
// golden file.
func runGoldens(t *testing.T, sizes [][2]int, screens []goldenScreen) {
	t.Helper()
	for _, size := range sizes {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				app := sc.setup(t, size[0], size[1])
				msgs := sc.keys
				if sc.keysFor != nil {
					msgs = sc.keysFor(size[0], size[1])
				}
				view := showScreen(t, app, size[0], size[1], msgs, sc.wait)
				mustNotContain(t, view, sc.secret...)
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// showScreen runs the program (teatest) at w×h, sends the keys, and
// returns the view once it shows every wait text, the guide rendered and
// every save it started finished.
func showScreen(t *testing.T, app App, w, h int, msgs []tea.Msg, wait []string) string {
	t.Helper()
	seen := &lastModel{}
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithFilter(seen.filter)))
	for _, k := range msgs {
		tm.Send(k)
	}
	view := seen.waitFor(t, tm, func(v string) bool {
		for _, s := range wait {
			if !strings.Contains(v, s) {
				return false
			}
		}
		return !strings.Contains(v, "saving…") && !strings.Contains(v, "Preparing the guide…")
	})
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	return view
}

// Text the goldens' stores hold, some of it private.
const (
	secretRequest  = "for my brother, who is in danger"   // a private request
	secretFollowUp = "ring Ana quietly about Sunday"      // the leader's follow-up
	secretTyped    = "My uncle hurt me"                   // typed for a private request
	secretNewReq   = "for the one who told me last night" // a private request added this meeting
)

// groupApp is a group's first meeting of the seed guide, sized w×h.
func groupApp(t *testing.T, w, h int) App {
	t.Helper()
	a, _ := newTestApp(t, guides.Default(), w, h)
	return a
}

// aloneApp is newAloneApp with the seed guide, as a setup.
func aloneApp(t *testing.T, w, h int) App {
	t.Helper()
	a, _ := newAloneApp(t, guides.Default(), w, h)
	return a
}

// silenceRunning is groupApp on the first reflection prompt with the
// silence timer just started for a minute. The key is given to the
// session alone: drive would wait on the timer's ticks.
func silenceRunning(t *testing.T, w, h int) App {
	t.Helper()
	a := drive(t, toKey(t, groupApp(t, w, h), "reflection/clarity#1"), keyMsg("t"))
	a.session, _ = a.session.update(keyMsg("1"))
	return a
}

// atHeadline is groupApp on the gentler path, on the first prayer request
// it shows by its headline only.
func atHeadline(t *testing.T, w, h int) App {
	t.Helper()
	a := drive(t, groupApp(t, w, h), keyMsg("g"))
	for _, p := range a.session.meet.Pages {
		if p.Headline {
			return toKey(t, a, p.Key)
		}
	}
	t.Fatal("the gentler path has no headline request")
	return a
}

// atKey is groupApp on the page with a key.
func atKey(key string, msgs ...tea.Msg) func(t *testing.T, w, h int) App {
	return func(t *testing.T, w, h int) App {
		t.Helper()
		return drive(t, toKey(t, groupApp(t, w, h), key), msgs...)
	}
}

// pgDown is the page-down key.
func pgDown() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyPgDown} }

// historyWeeks is a group's first meeting, which left requests (one
// prayed, one private, one answered), two commitments and the leader's
// private follow-up, and its second meeting.
func historyWeeks(t *testing.T) groupWeeks {
	t.Helper()
	g := guides.Default()
	return secondMeeting(t, g, func(s store.Session) store.Change {
		s.Prayed = map[string]time.Time{g.Parts[2].Sections[0].ID: fixedClock()}
		return store.Change{Session: &s,
			Notes: []store.Note{{Key: session.KeyDebrief + session.LeaderSuffix, Kind: store.NoteLeader, Text: secretFollowUp, Updated: fixedClock()}},
			Requests: []store.Request{
				{ID: 1, Text: "for Ana's mother, in hospital", Name: "Ana", Prayed: true, Created: fixedClock()},
				{ID: 2, Text: "for a new job", Name: "Ben", Created: fixedClock()},
				{ID: 3, Text: secretRequest, Private: true, Created: fixedClock()},
				{ID: 4, Text: "for Mia's surgery", Name: "Mia", Status: store.RequestAnswered, Answer: "it went well", Created: fixedClock()},
			},
			Commitments: []store.Commitment{
				{ID: 1, Text: "call the helpline together", Name: "Ben", Created: fixedClock()},
				{ID: 2, Text: "read the IJM report", Created: fixedClock()},
			}}
	})
}

// groupHistory is historyWeeks' store and its second meeting.
func groupHistory(t *testing.T) (*store.Store, *session.Opened) {
	t.Helper()
	gw := historyWeeks(t)
	return gw.st, gw.week2
}

// weekTwo is historyWeeks' second meeting, sized w×h, with what the
// first left read.
func weekTwo(t *testing.T, w, h int) App {
	t.Helper()
	return historyWeeks(t).app(t, w, h)
}

// homeWithHistory is the home screen over groupHistory's store, sized
// w×h, with the sessions read.
func homeWithHistory(t *testing.T, w, h int) App {
	t.Helper()
	st, _ := groupHistory(t)
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{guides.Default()}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
	return drive(t, a, sizeMsg(w, h), loadSessions(st)())
}

// prayerListWithHistory is the prayer list over groupHistory's store.
func prayerListWithHistory(msgs ...tea.Msg) func(t *testing.T, w, h int) App {
	return func(t *testing.T, w, h int) App {
		t.Helper()
		a := homeWithHistory(t, w, h)
		a = drive(t, a, openPrayerListMsg{}, loadPrayerList(a.ctx.cfg.Store)())
		return drive(t, a, msgs...)
	}
}

// withRequests is groupApp on the group's own requests with two added as
// they were spoken: one for the room (named, prayed) and one private.
func withRequests(t *testing.T, w, h int) App {
	t.Helper()
	a := toKey(t, groupApp(t, w, h), session.KeyRequests)
	a = drive(t, a, keys("a", "r")...)
	a = drive(t, a, typeText("for Ana's mother, in hospital")...)
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("Ana")...)
	a = drive(t, a, keys("enter", "p", "a")...)
	a = drive(t, a, typeText(secretNewReq)...) // typing at once: private
	return drive(t, a, keys("enter", "enter", "up")...)
}

// TestGoldenSessionModes: the session screen's pages and modes that
// TestGoldenScreens leaves out.
func TestGoldenSessionModes(t *testing.T) {
	wd := session.WordsFor(false)
	runGoldens(t, goldenSizes, []goldenScreen{
		// The content note's questions.
		{name: "minutes", setup: groupApp, keys: append(keys("m"), typeText("75")...), wait: []string{"Minutes for the meeting: 75", "share the time"}},
		{name: "minutes-refused", setup: groupApp, keys: keys("m", "0", "enter"), wait: []string{"(a number from 1 to 600)"}},
		{name: "who-is-here", setup: groupApp, keys: append(keys("w"), typeText("A., B. and C.")...), wait: []string{"Who is here: A., B. and C."}},
		{name: "content-note-leader", setup: groupApp, keys: []tea.Msg{keyMsg("tab"), pgDown(), pgDown()},
			wait: []string{"LEADER VIEW", "For the leader (not shown in the shared view)"}},
		{name: "alone-content-note", setup: aloneApp, wait: []string{"How shall we go on?"}},

		// Moving through the guide.
		{name: "outline", setup: atKey("faq/how-is-ijm-fighting-it"), keys: keys("o", "down", "down"),
			wait: []string{"› ", "go there"}},
		{name: "search-field", setup: groupApp, keys: append(keys("/"), typeText("aftercare")...), wait: []string{"Search the guide: aftercare"}},
		{name: "search-match", setup: groupApp, keys: append(append(keys("/"), typeText("aftercare")...), keyMsg("enter")), wait: []string{"for “aftercare”"}},
		{name: "timer-choose", setup: atKey("reflection/clarity#1"), keys: keys("t"), wait: []string{"Silence for how long?"}},
		// The timer's ticks are left out, so the golden holds one time left.
		{name: "timer-running", setup: silenceRunning, wait: []string{"◷ silence · 1:00 left"}},
		{name: "timer-ended", setup: func(t *testing.T, w, h int) App {
			a := silenceRunning(t, w, h)
			return drive(t, a, timer.TimeoutMsg{ID: a.session.silence.timer.ID()})
		}, wait: []string{"The silence has ended."}},

		// Pages.
		{name: "leader-notes", setup: atKey("faq/what-is-cybersex-trafficking"), keys: []tea.Msg{keyMsg("tab"), pgDown(), pgDown()},
			wait: []string{"LEADER VIEW", "Leader's note"}},
		{name: "headline-request", setup: atHeadline, wait: []string{"r reads them"}},
		{name: "prompt-passed", setup: groupApp, keys: keys("g", "s"), wait: []string{wd.Passed}},
		{name: "next-steps", setup: atKey("next/next-steps"), wait: []string{"Part 4 of 4"}},
		{name: "commitments", setup: atKey(session.KeyCommitments, append(append(keys("a"), typeText("call the helpline together")...),
			append(keys("enter"), append(typeText("Ben"), keyMsg("enter"))...)...)...),
			wait: []string{"What we will do", "call the helpline together — Ben"}},
		{name: "add-commitment", setup: atKey(session.KeyCommitments), keys: append(keys("a"), typeText("read the IJM report")...),
			wait: []string{"Add a commitment", "read the IJM report"}},

		// The group's own requests.
		{name: "requests-list", setup: withRequests, wait: []string{"for Ana's mother", "1 private request (leader's view)"},
			secret: []string{secretNewReq}},
		{name: "requests-leader", setup: withRequests, keys: keys("tab"), wait: []string{"LEADER VIEW", secretNewReq}},
		{name: "add-request-ask", setup: atKey(session.KeyRequests), keys: keys("a"), wait: []string{"For the room, or private?"}},
		{name: "add-request-room", setup: atKey(session.KeyRequests), keys: append(append(append(keys("a", "r"), typeText("for Ana's mother")...), keyMsg("enter")), typeText("Ana")...),
			wait: []string{"for Ana's mother", "Name (optional): Ana"}},
		{name: "add-request-private", setup: atKey(session.KeyRequests), keys: append(keys("a"), typeText(secretTyped)...),
			wait: []string{"A private request is being written", "[x] Private"}, secret: []string{"uncle", "hurt"}},
		{name: "edit-request", setup: withRequests, keys: keys("e"), wait: []string{"Edit the request"}},
		{name: "discard-request", setup: atKey(session.KeyRequests), keys: append(append(keys("a", "r"), typeText("half a thought")...), keyMsg("esc")),
			wait: []string{"Discard this request? y/n"}},
		{name: "delete-request", setup: withRequests, keys: keys("x"), wait: []string{"Delete this request for good? y/n"},
			secret: []string{secretNewReq}},

		// What earlier meetings left: the second meeting of a group.
		{name: "revisit", setup: weekTwo, keys: keys("enter"),
			wait: []string{"Requests from earlier meetings", "Commitments from last time"}, secret: []string{secretRequest, secretFollowUp}},
		{name: "revisit-leader", setup: weekTwo, keys: keys("enter", "tab"),
			wait: []string{"LEADER VIEW", "Requests from earlier meetings", secretRequest}},
		{name: "revisit-answering", setup: weekTwo, keys: append(keys("enter", "down", "y"), typeText("started on Monday")...),
			wait: []string{"How was it answered? (optional) started on Monday", "enter keep • esc keep"}, secret: []string{secretRequest}},
		{name: "content-note-follow-up", setup: weekTwo, keysFor: func(w, h int) []tea.Msg {
			if h < 40 {
				return []tea.Msg{keyMsg("tab"), pgDown(), pgDown(), keyMsg("down"), keyMsg("down"), keyMsg("down")}
			}
			return keys("tab")
		},
			wait: []string{"LEADER VIEW", session.FollowUpLabel, secretFollowUp}},
	})
}

// TestGoldenHomeAndLists: the home screen with a group's history, the
// start form, the prayer list with requests, and the keys dialog over
// both.
func TestGoldenHomeAndLists(t *testing.T) {
	runGoldens(t, goldenSizes, []goldenScreen{
		{name: "home-groups", setup: homeWithHistory, wait: []string{"Resume a session", "3 open requests, 1 private"}},
		{name: "home-keys", setup: homeWithHistory, keys: keys("?"), wait: []string{"any other key closes"}},
		{name: "start-group", setup: homeWithHistory, keys: keys("enter"), wait: []string{"Start a new session", "tab: alone instead"}},
		{name: "start-alone", setup: homeWithHistory, keys: keys("enter", "tab"), wait: []string{"one person's private reflection"}},
		{name: "prayer-list-requests", setup: prayerListWithHistory(), wait: []string{"SHARED VIEW", "for Ana's mother"},
			secret: []string{secretRequest}},
		{name: "prayer-list-leader", setup: prayerListWithHistory(keyMsg("tab")), wait: []string{"LEADER VIEW", secretRequest}},
		{name: "prayer-list-keys", setup: prayerListWithHistory(), keys: keys("?"), wait: []string{"any other key closes", "back home"}},
	})
}

// TestGoldenExportStages: the export form's question before redaction
// is turned off, the redacted copy shown before it is written, and the
// form opened from the leader's view.
func TestGoldenExportStages(t *testing.T) {
	atSummary := func(t *testing.T, w, h int) App {
		return toKey(t, withRequests(t, w, h), session.KeySummary)
	}
	runGoldens(t, goldenSizes, []goldenScreen{
		{name: "export-ask-off", setup: atSummary, keys: keys("e", "r"), wait: []string{"redaction off? y/n"}},
		{name: "export-preview", setup: atSummary, keys: keys("e", "enter"), wait: []string{"Read it before you send it"},
			secret: []string{secretNewReq, "Ana", "Thursday"}},
		{name: "export-leader", setup: atSummary, keys: keys("tab", "e"), wait: []string{"(•) leader's record"}},
	})
}

// fakeRoom is a room with no network: what the panel shows of one.
type fakeRoom struct {
	info   link.Info
	people []link.Person
}

func (r *fakeRoom) Info() link.Info             { return r.info }
func (r *fakeRoom) Show(link.Frame)             {}
func (r *fakeRoom) Inbox() <-chan link.Incoming { return nil }
func (r *fakeRoom) People() []link.Person       { return r.people }
func (r *fakeRoom) Remove(uint64) bool          { return false }
func (r *fakeRoom) Close() error                { return nil }
func (r *fakeRoom) opener() link.Opener {
	return func(session.Help, link.Frame) (link.Room, error) { return r, nil }
}

// failingOpener is a room that cannot open, as when its port is taken.
func failingOpener(session.Help, link.Frame) (link.Room, error) {
	return nil, errors.New("open the room on 127.0.0.1:2323: listen tcp 127.0.0.1:2323: bind: address already in use")
}

// withRoom is groupApp with a room opened by R (its panel in front), and
// what participants sent given to it, as the room's inbox would. The
// commands that wait on the inbox are dropped: the fake has none.
func withRoom(r *fakeRoom, sent ...link.Incoming) func(t *testing.T, w, h int) App {
	return func(t *testing.T, w, h int) App {
		t.Helper()
		a := groupApp(t, w, h)
		a.ctx.cfg.Room = RoomConfig{Opener: failingOpener}
		if r != nil {
			a.ctx.cfg.Room = RoomConfig{Opener: r.opener()}
		}
		a, open := step(t, a, keyMsg("R"))
		a, _ = step(t, a, await[roomOpenedMsg](t, open))
		for _, in := range sent {
			a, _ = step(t, a, roomIncomingMsg{r: a.ctx.room.r, in: in, ok: true})
		}
		return a
	}
}

// TestGoldenRoom: the room's panel, opened with a room that needs no
// network, with nobody in it and with people and a request waiting; the
// panel when the room could not open; and the session's status line with
// the room open.
func TestGoldenRoom(t *testing.T) {
	local := link.Info{Addr: "127.0.0.1:2323", Host: "127.0.0.1", Port: 2323, ParticipantCode: "K4T9QX", ScreenCode: "M2P7WR",
		Fingerprint: "SHA256:3vQ0cXbQy0m1Yl6cJ0lJpWv8bq4mYpM1fX0kZ2qTt1E",
		Exposure:    "The room listens on this computer only: people join from terminals on this computer.",
		Command:     "ssh -p 2323 127.0.0.1"}
	lan := local
	lan.Addr, lan.Host, lan.Command = "192.168.1.20:2323", "192.168.1.20", "ssh -p 2323 192.168.1.20"
	lan.Exposure = "The room listens on 192.168.1.20:2323, beyond this computer: anyone on the network who has the join code can join."
	ana := link.Person{ID: 1, Name: "Ana", Role: link.RoleParticipant, Since: fixedClock()}
	screen := link.Person{ID: 2, Name: "screen 1", Role: link.RoleScreen, Since: fixedClock()}
	runGoldens(t, goldenSizes, []goldenScreen{
		{name: "room-open", setup: withRoom(&fakeRoom{info: local}), wait: []string{"The room is open", "Nobody yet."}},
		{name: "room-waiting", setup: withRoom(&fakeRoom{info: lan, people: []link.Person{ana, screen}},
			link.Incoming{From: ana, Kind: link.Request, Text: "for my sister's exams", Named: true, PageKey: session.KeyContentNote, At: fixedClock()},
			link.Incoming{From: ana, Kind: link.Request, Text: "please pray for me, privately", Private: true, PageKey: session.KeyContentNote, At: fixedClock()}),
			wait: []string{"Waiting for you (2)", "In the room (2)"}},
		{name: "room-close-question", setup: withRoom(&fakeRoom{info: local}), keys: keys("C"), wait: []string{"Close the room?"}},
		{name: "room-failed", setup: withRoom(nil), wait: []string{"The room could not open."}},
		{name: "room-status", setup: withRoom(&fakeRoom{info: local, people: []link.Person{ana}}), keys: keys("esc"),
			wait: []string{"room open · 1 in it · R room"}},
	})
}

// TestGoldenTooSmall: below 60×20 the screen says so, wrapped to the
// window; 80×24 and 120×40 are not too small, so it is shown at sizes
// that are.
func TestGoldenTooSmall(t *testing.T) {
	runGoldens(t, [][2]int{{80, 19}, {59, 24}, {40, 10}}, []goldenScreen{
		{name: "too-small", setup: groupApp, wait: []string{"too small for vigil"}},
	})
}
