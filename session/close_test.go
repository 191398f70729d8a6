package session

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"vigil/guides"
	"vigil/store"
)

func TestPagesEndWithCloseCheckInAndDebrief(t *testing.T) {
	for _, tt := range []struct {
		name  string
		s     store.Session
		tail  []string
		views []View
	}{
		{"group, full", store.Session{Path: store.PathFull}, []string{KeyClosing, KeyCheckIn, KeyDebrief, KeySummary}, []View{Shared, Leader}},
		{"group, gentle", store.Session{Path: store.PathGentle}, []string{KeyClosing, KeyCheckIn, KeyDebrief, KeySummary}, []View{Shared, Leader}},
		{"alone, full", store.Session{Path: store.PathFull, Alone: true}, []string{KeyCommitments, KeyClosing, KeyCheckIn, KeySummary}, []View{Leader}},
		{"alone, gentle", store.Session{Path: store.PathGentle, Alone: true}, []string{KeyCommitments, KeyClosing, KeyCheckIn, KeySummary}, []View{Leader}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pages := PagesOf(seed(), tt.s)
			keys := keysOf(pages)
			if got := keys[len(keys)-len(tt.tail):]; !reflect.DeepEqual(got, tt.tail) {
				t.Errorf("pages end %v, want %v", got, tt.tail)
			}
			for _, p := range pages {
				if p.LeaderOnly != (p.Kind == PageDebrief) {
					t.Errorf("%s: LeaderOnly %v", p.Key, p.LeaderOnly)
				}
			}
			m := Meeting{Guide: seed(), Rec: store.Record{Session: tt.s}, Pages: pages}
			if got := m.Views(); !reflect.DeepEqual(got, tt.views) {
				t.Errorf("views %v, want %v", got, tt.views)
			}
		})
	}
}

func TestPagesInAndShownIn(t *testing.T) {
	pages := BuildPages(tinyGuide(), store.PathFull)
	debrief := IndexOf(pages, KeyDebrief)
	for _, tt := range []struct {
		v     View
		shows bool
	}{{Shared, false}, {Redacted, false}, {View(0), false}, {Leader, true}} {
		if got := pages[debrief].ShownIn(tt.v); got != tt.shows {
			t.Errorf("debrief ShownIn(%v) = %v", tt.v, got)
		}
		in := PagesIn(pages, tt.v)
		has := false
		for _, i := range in {
			has = has || i == debrief
		}
		if has != tt.shows {
			t.Errorf("PagesIn(%v) has the debrief: %v", tt.v, has)
		}
	}
	if len(PagesIn(pages, Shared)) != len(pages)-1 {
		t.Errorf("the shared view leaves out more than the debrief: %v", PagesIn(pages, Shared))
	}
}

func TestMoveInSkipsTheDebriefInTheSharedView(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, tinyGuide(), "Thursday", t0)
	goToKey(t, &m, KeyCheckIn, t0)
	if _, moved := m.MoveIn(Shared, +1, t0); !moved || m.Page().Key != KeySummary {
		t.Errorf("shared view: from the check-in, next is %s", m.Page().Key)
	}
	if _, moved := m.MoveIn(Shared, -1, t0); !moved || m.Page().Key != KeyCheckIn {
		t.Errorf("shared view: from the summary, back is %s", m.Page().Key)
	}
	if _, moved := m.MoveIn(Leader, +1, t0); !moved || m.Page().Key != KeyDebrief {
		t.Errorf("leader's view: from the check-in, next is %s", m.Page().Key)
	}
	// While the leader is on the debrief, the shared screen keeps the
	// check-in.
	if m.PageIn(Shared).Key != KeyCheckIn || m.PageIn(Leader).Key != KeyDebrief {
		t.Errorf("on the debrief, shared shows %s, leader %s", m.PageIn(Shared).Key, m.PageIn(Leader).Key)
	}
	goToKey(t, &m, KeySummary, t0)
	if _, moved := m.MoveIn(Shared, +1, t0); moved {
		t.Error("moved past the summary")
	}
}

// TestDebriefNoteIsTheLeaders: whichever view writes on the debrief, the
// note is the leader's, under "debrief@leader", and no shared or redacted
// rendering has it.
func TestDebriefNoteIsTheLeaders(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "Thursday", t0)
	goToKey(t, &m, KeyDebrief, t0)
	p := m.Page()
	for _, leader := range []bool{false, true} {
		if k, kind := NoteKey(p, leader), NoteKindOf(p, leader); k != "debrief@leader" || kind != store.NoteLeader {
			t.Errorf("NoteKey(debrief, %v) = %q, %q", leader, k, kind)
		}
	}
	cs, err := m.AppendNote("Check on Ana", t0)
	if err != nil {
		t.Fatal(err)
	}
	applyAll(t, st, cs)
	rec := load(t, st, m.ID())
	if n, ok := rec.Notes["debrief@leader"]; !ok || n.Kind != store.NoteLeader || n.Text != "Check on Ana" {
		t.Fatalf("stored notes %+v", rec.Notes)
	}
	if _, ok := rec.Notes["debrief"]; ok {
		t.Error("a group's note was written on the debrief")
	}
	for _, v := range []View{Shared, Redacted} {
		if c := Capture(rec, seed(), v); strings.Contains(strings.Join(c.Lines(), "\n"), "Ana") {
			t.Errorf("%v shows the debrief: %v", v, c.Lines())
		}
	}
	if c := Capture(rec, seed(), Leader); !strings.Contains(strings.Join(c.Lines(), "\n"), TitleFollowUp+": Check on Ana") {
		t.Errorf("the leader's view lacks the debrief: %v", c.Lines())
	}
}

// TestFollowUpReachesTheNextMeetingsLeader: the debrief's note comes back
// at the group's next meeting, in the leader's view only.
func TestFollowUpReachesTheNextMeetingsLeader(t *testing.T) {
	st, clk := openStore(t)
	m1 := newMeeting(t, st, seed(), "Thursday", day(5))
	goToKey(t, &m1, KeyDebrief, day(5))
	cs, err := m1.AppendNote("Ben: call on Saturday", day(5))
	if err != nil {
		t.Fatal(err)
	}
	applyAll(t, st, cs)

	clk.set(day(12))
	m2 := newMeeting(t, st, seed(), "Thursday", day(12))
	c, err := LoadCarry(st, m2.Rec.Session)
	if err != nil {
		t.Fatal(err)
	}
	m2.TakeCarry(c, nil)
	if got := m2.FollowUp(Leader); got != "Ben: call on Saturday" {
		t.Errorf("the leader's follow-up: %q", got)
	}
	for _, v := range []View{Shared, Redacted} {
		if got := m2.FollowUp(v); got != "" {
			t.Errorf("%v shows the follow-up %q", v, got)
		}
	}
	if m2.Pages[1].Kind == PageRevisit {
		t.Error("a follow-up alone made a revisit step, which the room sees")
	}
	other := newMeeting(t, st, seed(), "Sunday", day(12))
	c, _ = LoadCarry(st, other.Rec.Session)
	if c.FollowUp != "" {
		t.Errorf("another group got the follow-up %q", c.FollowUp)
	}
}

func TestAloneSession(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	if _, err := NewSession(st, seed(), Start{Alone: true, Group: "Thursday", Now: t0}); !errors.Is(err, ErrAloneWithGroup) {
		t.Errorf("alone with a group: %v", err)
	}
	o, err := NewSession(st, seed(), Start{Alone: true, Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	m := Open(o, t0)
	if !load(t, st, m.ID()).Session.Alone || !m.Alone() {
		t.Fatal("the session is not stored as alone")
	}
	if m.LeaderNoteIn(Leader) || m.GuideLeaderNotesIn(Leader) {
		t.Error("alone, the one view writes or shows leader's notes")
	}
	if m.Rec.Session.Total != len(m.Pages) {
		t.Errorf("Total %d, pages %d", m.Rec.Session.Total, len(m.Pages))
	}
	goToKey(t, &m, "reflection/clarity#1", t0)
	applyAll(t, st, m.SetNote(m.LeaderNoteIn(Leader), "God sees.", t0))
	goToKey(t, &m, KeyRequests, t0)
	_, cs := m.AddRequest("for my sister", "", false, t0)
	applyAll(t, st, cs)
	c := Capture(load(t, st, m.ID()), seed(), Leader)
	if c.Title != "What you wrote" {
		t.Errorf("title %q", c.Title)
	}
	text := strings.Join(c.Lines(), "\n")
	for _, want := range []string{"Your own requests: for my sister", "Clarity: God sees."} {
		if !strings.Contains(text, want) {
			t.Errorf("alone capture lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "group") || strings.Contains(text, LabelLeader) {
		t.Errorf("alone capture speaks of a group or a leader:\n%s", text)
	}
	// A group's meeting keeps the group's words.
	g := newMeeting(t, st, seed(), "Thursday", t0)
	if g.Alone() || !g.LeaderNoteIn(Leader) || g.LeaderNoteIn(Shared) || Capture(g.Rec, seed(), Leader).Title != "What the group captured" {
		t.Error("a group's meeting lost its words or views")
	}
}

func TestWordsFor(t *testing.T) {
	alone, group := WordsFor(true), WordsFor(false)
	for _, tt := range []struct{ got, want string }{
		{alone.Note, "Your note"}, {group.Note, "The group's note"},
		{alone.Response, "Your response"}, {group.Response, "The group's response"},
		{alone.Captured, "What you wrote"}, {group.Captured, "What the group captured"},
		{alone.Requests, "Your own requests"}, {group.Requests, "The group's requests"},
		{alone.CheckIn, "How are you leaving this?"}, {group.CheckIn, "How are you leaving tonight?"},
		{group.PromptsNote, ""},
	} {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
	// Nothing said to one person speaks of a group or a meeting.
	for _, s := range []string{alone.Note, alone.Response, alone.Passed, alone.Captured, alone.Requests,
		alone.AddRequest, alone.Commitments, alone.Length, alone.Clock, alone.CheckIn, alone.CheckInIntro()} {
		if strings.Contains(strings.ToLower(s), "group") || strings.Contains(strings.ToLower(s), "meeting") {
			t.Errorf("alone: %q", s)
		}
	}
}

func TestClosing(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		vigils   bool
	}{
		{"", VigilClosing, true},
		{"  \n ", VigilClosing, true},
		{"Go in peace.\x1b[2J", "Go in peace.[2J", false},
		{"Go in peace.\n\nAmen.", "Go in peace.\n\nAmen.", false},
	} {
		if got, v := Closing(tt.in); got != tt.want || v != tt.vigils {
			t.Errorf("Closing(%q) = %q, %v", tt.in, got, v)
		}
	}
	// vigil's blessing asks nothing of anyone.
	if strings.Contains(VigilClosing, "?") || strings.Contains(strings.ToLower(VigilClosing), "share") {
		t.Errorf("the blessing asks something: %q", VigilClosing)
	}
}

// TestGentlePathHeadlines: on the gentler path the seed's prayer requests
// whose text describes abuse show their headline only; the others, and
// every request on the full path, show their text.
func TestGentlePathHeadlines(t *testing.T) {
	g := seed()
	want := map[string]bool{
		"prayer/pray-for-young-boys-and-girls-who-are-suffering-in-secret": true,
		"prayer/pray-for-favor-and-good-collaboration-between-ijm-and":     true,
	}
	for _, path := range []store.Path{store.PathFull, store.PathGentle} {
		prayers := 0
		for _, p := range BuildPages(g, path) {
			if PartKind(g, p) == guides.KindFAQ && path == store.PathGentle {
				t.Errorf("the gentler path shows %s", p.Key)
			}
			if PartKind(g, p) != guides.KindPrayer || p.Kind != PageSection {
				if p.Headline {
					t.Errorf("%s: %s is headline-only", path, p.Key)
				}
				continue
			}
			prayers++
			if w := path == store.PathGentle && want[p.Key]; p.Headline != w {
				t.Errorf("%s: %s Headline %v, want %v", path, p.Key, p.Headline, w)
			}
		}
		if prayers != 5 {
			t.Errorf("%s: %d prayer requests, want all 5", path, prayers)
		}
	}
}

func TestPlannedCountsOnlyWhatThePathShows(t *testing.T) {
	g := seed()
	noDetail := tinyGuide()
	noDetail.Meta.Detailed = nil
	noDetail.Meta.Minutes = map[guides.Kind]int{"faq": 10, "reflection": 10, "prayer": 10, "next": 10}
	for _, tt := range []struct {
		name  string
		g     *guides.Guide
		s     store.Session
		want  map[guides.Kind]int
		total int
	}{
		{"seed, full", g, store.Session{Path: store.PathFull}, map[guides.Kind]int{"faq": 20, "reflection": 20, "prayer": 15, "next": 5}, 60},
		{"seed, no path yet", g, store.Session{}, map[guides.Kind]int{"faq": 20, "reflection": 20, "prayer": 15, "next": 5}, 60},
		{"seed, gentle", g, store.Session{Path: store.PathGentle}, map[guides.Kind]int{"reflection": 20, "prayer": 15, "next": 5}, 40},
		{"seed, gentle, 60 min", g, store.Session{Path: store.PathGentle, Budget: ScaleBudgetFor(g, store.PathGentle, 60)}, map[guides.Kind]int{"reflection": 30, "prayer": 23, "next": 7}, 60},
		{"no detailed list, gentle", noDetail, store.Session{Path: store.PathGentle}, map[guides.Kind]int{"reflection": 10, "prayer": 10, "next": 10}, 30},
		{"alone, gentle", g, store.Session{Path: store.PathGentle, Alone: true}, map[guides.Kind]int{"reflection": 20, "prayer": 15, "next": 5}, 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Planned(tt.g, tt.s)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Planned = %v, want %v", got, tt.want)
			}
			sum := 0
			for _, v := range got {
				sum += v
			}
			if sum != tt.total {
				t.Errorf("total %d, want %d", sum, tt.total)
			}
		})
	}
}

func TestScaleBudgetForSharesOnlyAmongShownParts(t *testing.T) {
	g := seed()
	for _, tt := range []struct {
		path  store.Path
		total int
		want  map[string]int
	}{
		{store.PathFull, 60, map[string]int{"faq": 20, "reflection": 20, "prayer": 15, "next": 5}},
		{store.PathGentle, 40, map[string]int{"reflection": 20, "prayer": 15, "next": 5}},
		{store.PathGentle, 60, map[string]int{"reflection": 30, "prayer": 23, "next": 7}},
		{store.PathGentle, 1, map[string]int{"reflection": 1, "prayer": 0, "next": 0}},
	} {
		got := ScaleBudgetFor(g, tt.path, tt.total)
		if !reflect.DeepEqual(got, tt.want) || BudgetTotal(got) != tt.total {
			t.Errorf("ScaleBudgetFor(%s, %d) = %v, want %v", tt.path, tt.total, got, tt.want)
		}
	}
}

// TestChoosePathKeepsTheMeetingLength: a length set before the path is
// chosen is shared again among the parts the path shows.
func TestChoosePathKeepsTheMeetingLength(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "", t0)
	applyAll(t, st, m.SetMeetingLength(60))
	applyAll(t, st, m.ChoosePath(store.PathGentle, t0))
	p := Planned(m.Guide, load(t, st, m.ID()).Session)
	if _, ok := p[guides.KindFAQ]; ok || m.MeetingLength() != 60 || p[guides.KindReflection] != 30 {
		t.Errorf("gentle after 60 min: %v, length %d", p, m.MeetingLength())
	}
	goToKey(t, &m, KeyContentNote, t0)
	m.ChoosePath(store.PathFull, t0)
	if p := Planned(m.Guide, m.Rec.Session); p[guides.KindFAQ] != 20 || m.MeetingLength() != 60 {
		t.Errorf("back to the full guide: %v", p)
	}
}
