package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// The text fields use the terminal's own cursor, placed by the View; these
// tests read the View as a terminal would show it and check that the
// cursor stands on the cell just after what was typed.

// cursorCell is the text of the cursor's line before the cursor, and the
// cell under it, in the View as text. It fails the test when the View has
// no cursor or puts it off the screen.
func cursorCell(t *testing.T, a App) (before, under string) {
	t.Helper()
	v := a.View()
	text := ansi.Strip(v.Content)
	if v.Cursor == nil {
		t.Fatalf("no cursor in:\n%s", text)
	}
	lines := strings.Split(text, "\n")
	x, y := v.Cursor.X, v.Cursor.Y
	if y < 0 || y >= len(lines) || x < 0 || x >= a.width {
		t.Fatalf("the cursor at (%d, %d) is off the screen:\n%s", x, y, text)
	}
	line := lines[y]
	return ansi.Cut(line, 0, x), ansi.Cut(line, x, x+1)
}

// mustCursorAfter checks that the cursor follows typed, at the end of the
// field's text (a blank cell under it).
func mustCursorAfter(t *testing.T, a App, typed string) {
	t.Helper()
	before, under := cursorCell(t, a)
	if !strings.HasSuffix(before, typed) || strings.TrimSpace(under) != "" {
		t.Errorf("the cursor is at %q|%q, not just after %q:\n%s", before, under, typed, viewText(a))
	}
	if c := a.View().Cursor; c.Blink {
		t.Error("the cursor blinks although motion is reduced")
	}
}

func mustNoCursor(t *testing.T, a App, when string) {
	t.Helper()
	if c := a.View().Cursor; c != nil {
		t.Errorf("%s: a cursor at (%d, %d) in:\n%s", when, c.X, c.Y, viewText(a))
	}
}

// TestCursorNote: the note editor, which used the terminal's cursor
// first, keeps it where it was.
func TestCursorNote(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		a, _ := newTestApp(t, tinyGuide(), size[0], size[1])
		a = drive(t, a, keys("enter", "enter")...) // the full guide; the first page's note
		a = drive(t, a, typeText("We prayed")...)
		mustCursorAfter(t, a, "│ We prayed")
		a = drive(t, a, keyMsg("esc"))
		mustNoCursor(t, a, "after esc")
	}
}

func TestCursorMinutes(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		a, _ := newTestApp(t, tinyGuide(), size[0], size[1])
		mustNoCursor(t, a, "browsing the content note")
		a = drive(t, a, keyMsg("m"))
		mustCursorAfter(t, a, "Minutes for the meeting: ")
		a = drive(t, a, typeText("45")...)
		mustCursorAfter(t, a, "Minutes for the meeting: 45")
		a = drive(t, a, keyMsg("esc"))
		mustNoCursor(t, a, "after esc")
	}
}

func TestCursorWho(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, keyMsg("w"))
	a = drive(t, a, typeText("Ana, Ben")...)
	mustCursorAfter(t, a, "Who is here: Ana, Ben")

	// A dialog over the field hides the cursor; closing it shows it again.
	a = drive(t, a, openResourcesMsg{})
	mustNoCursor(t, a, "the resources dialog over the field")
	a = drive(t, a, keyMsg("esc"))
	mustCursorAfter(t, a, "Who is here: Ana, Ben")

	// So does a window too small for vigil.
	a = drive(t, a, sizeMsg(50, 15))
	mustNoCursor(t, a, "a window too small")
	a = drive(t, a, sizeMsg(80, 24))
	mustCursorAfter(t, a, "Who is here: Ana, Ben")

	a = drive(t, a, keyMsg("enter"))
	mustNoCursor(t, a, "after enter")
}

// TestCursorWideLetters: letters two cells wide move the cursor two cells
// each (bubbles counts runes).
func TestCursorWideLetters(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, keyMsg("w"))
	a = drive(t, a, typeText("山田さん")...)
	mustCursorAfter(t, a, "Who is here: 山田さん")
}

// TestCursorScrolledField: in a field that scrolls sideways, the cursor
// stays on the letter it is at when it moves back, not at the field's
// right edge.
func TestCursorScrolledField(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = drive(t, a, keyMsg("w"))
	typed := strings.Join([]string{"Ana", "Ben", "Carla", "Dmitri", "Esther", "Farid", "Grace", "Hiroshi", "Ines", "Jonah", "Kemi", "Luis"}, ", ")
	a = drive(t, a, typeText(typed)...)
	if w := a.session.input.Width(); len(typed) <= w {
		t.Fatalf("the text (%d) fits the field (%d): nothing scrolls", len(typed), w)
	}
	mustCursorAfter(t, a, "Kemi, Luis")
	for range 5 {
		a = drive(t, a, keyMsg("left"))
	}
	before, under := cursorCell(t, a)
	if !strings.HasSuffix(before, "Kemi,") || under != " " {
		t.Errorf("five to the left of the end, the cursor is at %q|%q:\n%s", before, under, viewText(a))
	}
}

func TestCursorSearch(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, keyMsg("/"))
	a = drive(t, a, typeText("aftercare")...)
	mustCursorAfter(t, a, "Search the guide: aftercare")
	a = drive(t, a, keyMsg("esc"))
	mustNoCursor(t, a, "after esc")
}

func TestCursorRevisitAnswer(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 20}} {
		a := secondMeeting(t, tinyGuide(), func(store.Session) store.Change {
			return store.Change{
				Requests:    []store.Request{{ID: 1, Text: "for a new job", Name: "Ben"}},
				Commitments: []store.Commitment{{ID: 1, Text: "read the report", Created: fixedClock()}},
			}
		}).app(t, size[0], size[1])
		a = goTo(t, a, session.KeyRevisit) // a small window scrolls the content note first
		mustNoCursor(t, a, "browsing the revisit step")
		if size[1] == 20 {
			// Opened from the top of the step, the field is below the
			// part shown: the page scrolls to it.
			opened := drive(t, a, keyMsg("y"))
			if _, ok := opened.session.answerRow(); !ok {
				t.Fatalf("at %dx%d the answer's field opened out of sight:\n%s", size[0], size[1], viewText(opened))
			}
			mustCursorAfter(t, drive(t, opened, typeText("ok")...), "How was it answered? (optional) ok")
		}
		if size[1] == 20 {
			// The small window scrolls the step, so that the field
			// is drawn lower in the body than on the first line.
			a = drive(t, a, tea.KeyPressMsg{Code: tea.KeyPgDown})
			if a.session.vp.YOffset() == 0 {
				t.Fatal("pgdown did not scroll the revisit step")
			}
		}
		a = drive(t, a, keyMsg("y"))
		a = drive(t, a, typeText("she is home")...)
		mustCursorAfter(t, a, "How was it answered? (optional) she is home")
		a = drive(t, a, keyMsg("enter"))
		mustNoCursor(t, a, "after enter")
	}
}

func TestCursorItemForm(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, session.KeyRequests)
	mustNoCursor(t, a, "browsing the requests")
	a = drive(t, a, keyMsg("a"))
	mustNoCursor(t, a, "the form asks for the room or private")
	a = drive(t, a, keyMsg("r"))
	a = drive(t, a, typeText("for Ana")...)
	mustCursorAfter(t, a, "Text: for Ana")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("Carla")...)
	mustCursorAfter(t, a, "Name (optional): Carla")
	a = drive(t, a, keyMsg("up"))
	mustCursorAfter(t, a, "Text: for Ana")
	// esc with text asks before it throws the text away: no field then.
	a = drive(t, a, keyMsg("esc"))
	mustNoCursor(t, a, "the form asks whether to discard")
	a = drive(t, a, keyMsg("n"))
	mustCursorAfter(t, a, "Text: for Ana")
	a = drive(t, a, keyMsg("enter"), keyMsg("enter"))
	mustNoCursor(t, a, "after saving")

	// A private request typed in the shared view is not drawn, and no
	// cursor tells how much was typed; the leader's view shows both.
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("my uncle")...)
	mustNoCursor(t, a, "a private request in the shared view")
	a = drive(t, a, keyMsg("tab"))
	mustCursorAfter(t, a, "Text: my uncle")
}

func TestCursorCommitmentForm(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 120, 40)
	a = goTo(t, a, session.KeyCommitments)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("call Ben")...)
	mustCursorAfter(t, a, "Text: call Ben")
}

func TestCursorHomeGroup(t *testing.T) {
	a, _ := homeWithTwoWeeks(t)
	mustNoCursor(t, a, "browsing the home screen")
	a = drive(t, a, keyMsg("enter")) // start a new session
	if !a.home.starting {
		t.Fatal("enter on the first row did not start a session")
	}
	mustCursorAfter(t, a, "Group (optional): ")
	a = drive(t, a, typeText("Tuesday")...)
	mustCursorAfter(t, a, "Group (optional): Tuesday")
	a = drive(t, a, keyMsg("tab"))
	mustNoCursor(t, a, "alone: no group to type")
	a = drive(t, a, keyMsg("tab"))
	mustCursorAfter(t, a, "Group (optional): Tuesday")
	a = drive(t, a, openResourcesMsg{})
	mustNoCursor(t, a, "the resources dialog over the home screen")
	a = drive(t, a, keyMsg("esc"), keyMsg("esc"))
	mustNoCursor(t, a, "back on the list")
}

// TestCursorBlinksUnlessMotionIsReduced: the terminal's cursor blinks as
// the field's did, and stands still with ReduceMotion.
func TestCursorBlinksUnlessMotionIsReduced(t *testing.T) {
	for _, reduce := range []bool{false, true} {
		st := openTestStore(t)
		g := tinyGuide()
		o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
		if err != nil {
			t.Fatal(err)
		}
		a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
			Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: reduce, Start: o})
		a = drive(t, a, sizeMsg(80, 24))
		// The key alone, not the commands it returns: a blinking virtual
		// cursor would tick for ever.
		m, _ := a.Update(keyMsg("w"))
		c := m.(App).View().Cursor
		if c == nil || c.Blink == reduce {
			t.Errorf("ReduceMotion %v: cursor %+v", reduce, c)
		}
	}
}

// TestFieldFollowsResize: a one-line question open when the window
// changes size takes the new width, as the note and the form do, and the
// cursor stays on what is typed.
func TestFieldFollowsResize(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 120, 40)
	a = drive(t, a, keyMsg("w"))
	a = drive(t, a, typeText("Ana, Ben")...)
	wide := a.session.input.Width()
	a = drive(t, a, sizeMsg(80, 24))
	if got, want := a.session.input.Width(), a.session.inputWidth(); got != want || got >= wide {
		t.Errorf("after the window narrowed the who field is %d wide (was %d), want %d", got, wide, want)
	}
	mustCursorAfter(t, a, "Who is here: Ana, Ben")
}
