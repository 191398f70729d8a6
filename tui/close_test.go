package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// newAloneApp is newTestApp for one person alone.
func newAloneApp(t testing.TB, g *guides.Guide, w, h int) (App, *store.Store) {
	t.Helper()
	st := openTestStore(t)
	o, err := session.NewSession(st, g, session.Start{Alone: true, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o})
	return drive(t, a, sizeMsg(w, h)), st
}

// toKey moves the session straight to the page with a key, as the outline
// does.
func toKey(t testing.TB, a App, key string) App {
	t.Helper()
	i := session.IndexOf(a.session.meet.Pages, key)
	if a.session.meet.Pages[i].Key != key {
		t.Fatalf("no page %q", key)
	}
	var cmd tea.Cmd
	a.session, cmd = a.session.goTo(i)
	a.session.remake()
	return drive(t, a, runCmd(cmd)...)
}

// TestAloneSpeaksToOnePerson: alone, the screens say "your", never the
// group's words, show no badge and no who-is-here, and tab does nothing.
func TestAloneSpeaksToOnePerson(t *testing.T) {
	a, _ := newAloneApp(t, guides.Default(), 100, 30)
	v := viewText(a)
	mustNotContain(t, v, "SHARED VIEW", "LEADER VIEW", "Who is here", "meeting", "tab ")
	mustContain(t, v, "time set aside")
	a = drive(t, a, keyMsg("tab"))
	if a.session.leader {
		t.Error("tab switched to a leader's view alone")
	}
	a = drive(t, a, keyMsg("g")) // the gentler path: the first reflection prompt
	if a.session.page().Kind != session.PagePrompt {
		t.Fatalf("on %q, not a prompt", a.session.page().Key)
	}
	v = viewText(a)
	mustContain(t, v, "Your response", "time ")
	mustNotContain(t, v, "group's", "SHARED VIEW", "meeting ")
	for _, k := range []string{session.KeyRequests, session.KeyCommitments} {
		a = toKey(t, a, k)
		v = viewText(a)
		mustNotContain(t, v, "group's", "What we will do", "as it is spoken", "(tab)", "SHARED VIEW")
	}
	a = toKey(t, a, session.KeySummary)
	v = viewText(a)
	mustContain(t, v, "What you wrote")
	mustNotContain(t, v, "What the group captured", "SHARED VIEW")
}

// TestHeadlineRequestRevealsOnR: on the gentler path, a request marked
// detailed shows its title and that its details are one key away; r
// shows them, and a move hides them again.
func TestHeadlineRequestRevealsOnR(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, keyMsg("g"))
	var hp session.Page
	for _, p := range a.session.meet.Pages {
		if p.Headline {
			hp = p
			break
		}
	}
	if hp.Key == "" {
		t.Fatal("the gentler path has no headline request")
	}
	a = toKey(t, a, hp.Key)
	sec := a.session.meet.Guide.Parts[hp.Part].Sections[hp.Section]
	body := strings.Fields(sec.Body)
	probe := strings.Join(body[len(body)-3:], " ")
	v := viewText(a)
	mustContain(t, v, sec.Title[:20], "The details of this request describe abuse; r reads them.", "r read the details")
	mustNotContain(t, v, probe)
	a = drive(t, a, keyMsg("r"))
	v = strings.Join(strings.Fields(viewText(a)), " ")
	mustContain(t, v, probe)
	mustNotContain(t, v, "describe abuse; r reads them")
}

// TestGentlePacingCountsWhatItShows: the gentler path's time budget
// leaves out the FAQ it skips.
func TestGentlePacingCountsWhatItShows(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 120, 40)
	full := a.session.meet.MeetingLength()
	a = drive(t, a, keyMsg("g"))
	gentle := a.session.meet.MeetingLength()
	if gentle >= full {
		t.Fatalf("gentler path plans %d min, the full guide %d", gentle, full)
	}
	mustContain(t, viewText(a), fmt.Sprintf("of %d min", gentle))
}

// TestCloseOfAGroupMeeting: the closing, the check-in with the help
// resources (someone to talk to first) and, in the leader's view only, the
// debrief, whose note is the leader's follow-up.
func TestCloseOfAGroupMeeting(t *testing.T) {
	a, st := newTestApp(t, guides.Default(), 100, 30)
	a = toKey(t, a, session.KeyRequests)
	a = goTo(t, a, session.KeyClosing)
	v := viewText(a)
	mustContain(t, v, "Closing", session.VigilClosingCredit)
	a = drive(t, a, keyMsg("right"))
	for a.session.page().Kind != session.PageCheckIn {
		a = drive(t, a, keyMsg("right")) // the closing's end first
	}
	a = drive(t, a, keyMsg("pgdown")) // nothing: at most to the end
	all := pageLines(t, a)
	mustContain(t, all, session.CheckInGroup, "Someone to talk to", session.EmergencyLine)
	if strings.Index(all, session.EmergencyLine) > strings.Index(all, "Someone to talk to") {
		t.Error("the emergency line is not first")
	}
	// The shared view steps over the debrief, and its outline does not list it.
	for a.session.page().Kind == session.PageCheckIn {
		a = drive(t, a, keyMsg("right"))
	}
	if k := a.session.page().Kind; k != session.PageSummary {
		t.Fatalf("after the check-in the shared view shows %v, not the summary", k)
	}
	a = drive(t, a, keyMsg("o"))
	mustNotContain(t, viewText(a), "Debrief")
	a = drive(t, a, keyMsg("esc"))
	// The leader's view goes back to it.
	a = drive(t, a, keys("tab", "left")...)
	if a.session.page().Kind != session.PageDebrief {
		t.Fatalf("← from the summary in the leader's view shows %q", a.session.page().Key)
	}
	v = viewText(a)
	mustContain(t, v, session.DebriefTitle, "Follow-up · private")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("call J. this week")...)
	a = drive(t, a, keyMsg("esc"))
	rec := load(t, st, a.session.meet.ID())
	if got := rec.Notes[session.KeyDebrief+session.LeaderSuffix].Text; got != "call J. this week" {
		t.Errorf("the debrief note is %q", got)
	}
	// Back to the shared view on the debrief: the room never sees it.
	a = drive(t, a, keyMsg("tab"))
	if a.session.page().LeaderOnly {
		t.Error("the shared view shows the debrief")
	}
	mustNotContain(t, viewText(a), session.DebriefTitle, "call J.")
}

// pageLines is every line of the page's body, scrolled through.
func pageLines(t testing.TB, a App) string {
	t.Helper()
	return ansi.Strip(a.session.vp.GetContent())
}

// TestFollowUpAndLeaderNoteOnTheContentNote: the leader's view of the
// content note shows the follow-up from the last debrief and the guide's
// note for the leader; the shared view shows neither.
func TestFollowUpAndLeaderNoteOnTheContentNote(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, carryMsg{sessionID: a.session.meet.ID(), carry: session.Carry{FollowUp: "ring Ana about Sunday"}})
	shared := pageLines(t, a)
	mustNotContain(t, shared, "ring Ana", "safeguarding lead", session.FollowUpLabel)
	mustContain(t, shared, "H shows help and report resources at any time")
	a = drive(t, a, keyMsg("tab"))
	leader := strings.Join(strings.Fields(pageLines(t, a)), " ")
	mustContain(t, leader, session.FollowUpLabel, "ring Ana about Sunday", "For the leader", "safeguarding lead")
}

// TestPassAPrompt: s records that the group passes a prompt, shows it,
// and takes it back; the summary says "Passed.".
func TestPassAPrompt(t *testing.T) {
	a, st := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, keyMsg("g"))
	key := a.session.page().Key
	a = drive(t, a, keyMsg("s"))
	mustContain(t, viewText(a), session.WordsFor(false).Passed)
	if rec := load(t, st, a.session.meet.ID()); !rec.Notes[key].Passed {
		t.Error("the pass was not saved")
	}
	a = toKey(t, a, session.KeySummary)
	mustContain(t, pageLines(t, a), "Passed.")
	a = toKey(t, a, key)
	a = drive(t, a, keyMsg("s"))
	mustNotContain(t, viewText(a), session.WordsFor(false).Passed)

	b, _ := newAloneApp(t, guides.Default(), 100, 30)
	b = drive(t, b, keys("g", "s")...)
	mustContain(t, viewText(b), session.WordsFor(true).Passed)
}

// TestHelpKeyInEveryFooter: H is in the footer of every page, at the
// smallest window, in both views and alone.
func TestHelpKeyInEveryFooter(t *testing.T) {
	for _, alone := range []bool{false, true} {
		var a App
		if alone {
			a, _ = newAloneApp(t, guides.Default(), 60, 20)
		} else {
			a, _ = newTestApp(t, guides.Default(), 60, 20)
		}
		for _, leader := range []bool{false, true} {
			a.session.leader = leader && !alone
			for _, p := range a.session.meet.Pages {
				if !p.ShownIn(a.session.audience()) {
					continue
				}
				a = toKey(t, a, p.Key)
				lines := strings.Split(viewText(a), "\n")
				if foot := lines[len(lines)-1]; !strings.Contains(foot, "H help") {
					t.Errorf("alone %v leader %v, page %s: no H in the footer %q", alone, leader, p.Key, foot)
				}
			}
		}
	}
}

// TestLinksOnce: a link whose text is its address shows once; other links
// keep their text (glamour adds the address).
func TestLinksOnce(t *testing.T) {
	for in, want := range map[string]string{
		"Go to [www.IJM.org/IFLOCAL](http://www.IJM.org/IFLOCAL).": `Go to www\.IJM\.org/IFLOCAL.`,
		"[https://ijm.org/](https://IJM.org)":                      `https\:\/\/ijm\.org/`,
		"[the site](http://x.org/a)":                               "[the site](http://x.org/a)",
	} {
		got := linksOnce(in)
		if in == "[https://ijm.org/](https://IJM.org)" {
			got = strings.ReplaceAll(got, `\/`, "/")
			want = strings.ReplaceAll(want, `\/`, "/")
		}
		if got != want {
			t.Errorf("linksOnce(%q) = %q, want %q", in, got, want)
		}
	}
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	for _, p := range a.session.meet.Pages {
		for _, k := range []string{p.Key, p.Key + session.LeaderSuffix} {
			for _, line := range strings.Split(a.session.cache[a.session.lay.text][k], "\n") {
				if n := strings.Count(strings.ToLower(line), "ijm.org/if"); n > 1 {
					t.Errorf("%s: a link shows %d times: %q", k, n, line)
				}
			}
		}
	}
}

// TestReflectionTextBeforePrompt: a reflection page shows the step's text,
// then the prompt.
func TestReflectionTextBeforePrompt(t *testing.T) {
	g := guides.Default()
	for _, p := range session.BuildPages(g, store.PathFull) {
		if p.Kind != session.PagePrompt {
			continue
		}
		shared, _ := pageMarkdown(g, p)
		sec := g.Parts[p.Part].Sections[p.Section]
		if strings.Index(shared, "### Prompt") < strings.Index(shared, "## "+sec.Title) {
			t.Errorf("%s: the prompt comes before the text", p.Key)
		}
	}
}

// TestOutlineShowsEachTitleOnce: no "Next Steps · Next Steps".
func TestOutlineShowsEachTitleOnce(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 100, 40)
	a = drive(t, a, keyMsg("o"))
	for _, line := range a.session.outlineLines() {
		parts := strings.Split(line, " · ")
		for i := 1; i < len(parts); i++ {
			if strings.TrimSpace(parts[i]) == strings.TrimSpace(strings.TrimLeft(parts[i-1], " •›0123456789")) {
				t.Errorf("doubled title: %q", line)
			}
		}
	}
}

// TestPlaceholderCannotBeTakenForInput: the meeting-length question shows
// its whole placeholder, the cursor on a space before it.
func TestPlaceholderCannotBeTakenForInput(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 80, 24)
	a = drive(t, a, keyMsg("m"))
	v := viewText(a)
	mustContain(t, v, "Minutes for the meeting:  for example 60")
}

// TestGoldenClose: the closing, the check-in and the debrief, and a page
// and the summary of a session alone, as the screen shows them.
func TestGoldenClose(t *testing.T) {
	screens := []struct {
		name   string
		alone  bool
		leader bool
		page   string
		keys   []tea.Msg
		wait   string
	}{
		{name: "closing", page: session.KeyClosing, wait: "Closing"},
		{name: "check-in", page: session.KeyCheckIn, wait: session.CheckInGroup},
		{name: "debrief", leader: true, page: session.KeyDebrief, wait: session.DebriefTitle},
		{name: "alone-prompt", alone: true, keys: keys("g"), wait: "Your response"},
		{name: "alone-summary", alone: true, page: session.KeySummary, wait: "What you wrote"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				var app App
				if sc.alone {
					app, _ = newAloneApp(t, guides.Default(), size[0], size[1])
				} else {
					app, _ = newTestApp(t, guides.Default(), size[0], size[1])
				}
				app.session.leader = sc.leader
				if sc.page != "" {
					app = toKey(t, app, sc.page)
				}
				view := showScreen(t, app, size[0], size[1], sc.keys, []string{sc.wait})
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// TestHomeStartsASessionAlone: tab in the start form chooses a session
// alone, and the home screen says "alone" for it.
func TestHomeStartsASessionAlone(t *testing.T) {
	a, st := homeWithTwoWeeks(t)
	for i, it := range a.home.items() {
		if it.kind == itemNew {
			a.home.sel = i
		}
	}
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), "one person's private reflection")
	h, cmd := a.home.updateStart(keyMsg("enter"))
	if !h.busy || cmd == nil {
		t.Fatal("enter did not start the session")
	}
	o, ok := cmd().(openedMsg)
	if !ok || o.err != nil || !o.opened.Record.Session.Alone {
		t.Fatalf("the session started is not alone: %+v", o)
	}
	b := New(Config{Store: st, Library: a.ctx.cfg.Library, GlamourStyle: "notty", Now: fixedClock, ReduceMotion: true})
	b = drive(t, b, sizeMsg(100, 30), loadSessions(st)())
	mustContain(t, viewText(b), " · alone · ")
}
