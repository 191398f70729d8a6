package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// layoutSizes are the window sizes the home screen, its start form and the
// prayer list must fit: the smallest vigil draws at, and two common ones.
var layoutSizes = [][2]int{{60, 24}, {80, 24}, {120, 40}}

// longGuide is a guide whose title and source are longer than a line of
// the start form at 60 or 80 columns.
func longGuide() *guides.Guide {
	g := tinyGuide()
	g.Meta.ID = "long"
	g.Meta.Title = "A guide whose title is long enough to need a second line in a narrow window"
	g.Meta.Source = `The Very Long Name of a Ministry, "The Original Document's Even Longer Title"`
	return g
}

// mustFit fails when a line of the view is wider than the window, or the
// view is taller than it.
func mustFit(t *testing.T, a App, w, h int, what string) {
	t.Helper()
	lines := strings.Split(a.View().Content, "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines:\n%s", what, w, h, len(lines), viewText(a))
	}
	for _, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%s at %dx%d: a line %d wide: %q", what, w, h, n, strings.TrimSpace(ansi.Strip(l)))
			return // one line says it; the padding makes the rest as wide
		}
	}
}

// TestHomeFitsTheWindow: no line of the home screen, its start form
// (with a group and alone, for a guide with a long title too) or the
// prayer list is wider than the window, at 60, 80 and 120 columns.
func TestHomeFitsTheWindow(t *testing.T) {
	for _, size := range layoutSizes {
		w, h := size[0], size[1]
		st, _ := groupHistory(t)
		lib := guides.Library{Guides: []*guides.Guide{guides.Default(), longGuide()},
			Broken: []error{guides.Problems{{File: "mine.md", Line: 3, Msg: "bad"}}, guides.Problems{{File: "yours.md", Line: 1, Msg: "bad"}}}}
		a := New(Config{Store: st, Library: lib, GlamourStyle: "notty", Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
		a = drive(t, a, sizeMsg(w, h), loadSessions(st)())
		mustContain(t, viewText(a), "Start a new session")
		for i := range a.home.items() {
			mustFit(t, a, w, h, fmt.Sprintf("home, row %d chosen", i))
			if i < len(a.home.items())-1 {
				a = drive(t, a, keyMsg("down"))
			}
		}
		for a.home.sel > 0 {
			a = drive(t, a, keyMsg("up"))
		}

		a = drive(t, a, keyMsg("enter"))
		for gi := range lib.Guides {
			mustContain(t, viewText(a), "Group (optional): ")
			mustFit(t, a, w, h, fmt.Sprintf("the start form, guide %d, with a group", gi))
			// The cursor follows the field down when the guide takes
			// more than one line.
			mustCursorAfter(t, a, "Group (optional): ")
			a = drive(t, a, keyMsg("tab"))
			mustContain(t, viewText(a), "one person's private reflection")
			mustFit(t, a, w, h, fmt.Sprintf("the start form, guide %d, alone", gi))
			a = drive(t, a, keyMsg("tab"), keyMsg("down"))
		}
		long := longGuide().Meta
		a = drive(t, a, keyMsg("down")) // the long guide
		if v := strings.Join(strings.Fields(viewText(a)), " "); !strings.Contains(v, long.Title) || !strings.Contains(v, long.Source) {
			t.Errorf("at %dx%d the start form does not show the guide's whole title and source:\n%s", w, h, viewText(a))
		}

		a.home = a.home.opened(errors.New("open session 12: the guide this session used, " + strings.Repeat("a long name ", 12) + ", is not in the library"))
		mustFit(t, a, w, h, "the start form with an error")

		p := prayerListWithHistory()(t, w, h)
		mustFit(t, p, w, h, "the prayer list")
		mustFit(t, drive(t, p, keyMsg("tab")), w, h, "the prayer list's leader view")
	}
}

// prayedRequests is a group that met twice: the guide's first prayer
// request prayed both times, its second once; and one request of its
// own, long enough to wrap, prayed once.
func prayedRequests(t *testing.T, w, h int) (App, []string) {
	t.Helper()
	st := openTestStore(t)
	g := guides.Default()
	var prayer guides.Part
	for _, p := range g.Parts {
		if p.Kind == guides.KindPrayer {
			prayer = p
		}
	}
	if len(prayer.Sections) < 2 {
		t.Fatal("the seed guide has fewer than two prayer requests")
	}
	first, second := prayer.Sections[0], prayer.Sections[1]
	const own = "for the children in our own town who are alone at home most evenings, and for their parents"
	for week, prayed := range [][]string{{first.ID, second.ID}, {first.ID}} {
		at := fixedClock().Add(time.Duration(week) * 7 * 24 * time.Hour)
		o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: at})
		if err != nil {
			t.Fatal(err)
		}
		s := o.Record.Session
		s.Prayed = map[string]time.Time{}
		for _, id := range prayed {
			s.Prayed[id] = at
		}
		c := store.Change{SessionID: s.ID, Session: &s}
		if week == 0 {
			c.Requests = []store.Request{{ID: 1, Text: own, Name: "Ana", Prayed: true, Created: at}}
		}
		if err := st.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
	a = drive(t, a, sizeMsg(w, h), loadSessions(st)())
	a = drive(t, a, openPrayerListMsg{}, loadPrayerList(st)())
	// Each request, whole, and how often the group prayed it: what the
	// list must show together.
	return a, []string{
		"○ " + own + " — Ana added 2026-11-26 · prayed in 1 session",
		"✓ " + session.OneLine(first.Title) + " prayed in 2 sessions",
		"✓ " + session.OneLine(second.Title) + " prayed in 1 session",
	}
}

// TestPrayerListShowsHowOftenEachWasPrayed: at 80 and 60 columns every
// request on the prayer list is shown whole, with how many sessions
// prayed it; the text wraps rather than being cut.
func TestPrayerListShowsHowOftenEachWasPrayed(t *testing.T) {
	for _, w := range []int{80, 60} {
		a, wants := prayedRequests(t, w, 40)
		v := viewText(a)
		// The lines as one text: a request wrapped onto a second line
		// reads on across the break.
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range wants {
			if !strings.Contains(flat, want) {
				t.Errorf("at %d columns the prayer list does not show %q:\n%s", w, want, v)
			}
		}
		mustFit(t, a, w, 40, "the prayer list")
	}
}

// TestGuideLineWithoutSource: a guide with no source says its minutes
// alone, with no empty " ·  · " left where the source would be.
func TestGuideLineWithoutSource(t *testing.T) {
	g := tinyGuide()
	g.Meta.Source = ""
	st := openTestStore(t)
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty", Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
	a = drive(t, a, sizeMsg(80, 24), loadSessions(st)())
	a = drive(t, a, keyMsg("enter"))
	v := viewText(a)
	mustContain(t, v, "Guide: "+g.Meta.Title+" · ")
	if strings.Contains(v, "·  ·") || strings.Contains(v, " ·  ") {
		t.Errorf("an empty source leaves its separator:\n%s", v)
	}
}
