package tui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
)

func TestAsText(t *testing.T) {
	tests := []struct {
		in   tea.Msg
		want tea.Msg
	}{
		{keyMsg("home"), tea.PasteMsg{Content: "home"}},
		{keyMsg("ctrl+c"), keyMsg("ctrl+c")},
		{keyMsg("x"), keyMsg("x")},
		{keyMsg("é"), keyMsg("é")},
		{tea.PasteMsg{Content: "a\r\nb\rc\nd"}, tea.PasteMsg{Content: "a\nb\nc\nd"}},
	}
	for _, tt := range tests {
		if got := asText(tt.in); got != tt.want {
			t.Errorf("asText(%#v) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

// TestKeyNamesTypedAreText types each key name as one chunk into the note
// and finds it there: the burst is the word, not the key.
func TestKeyNamesTypedAreText(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = drive(t, a, keyMsg("right"), keyMsg("enter"))
	if a.session.mode != modeEditing {
		t.Fatalf("not editing the note: mode %d", a.session.mode)
	}
	words := []string{"home", "end", "up", "down", "left", "right", "enter", "esc", "tab", "backspace", "delete", "ctrl+c"}
	for _, w := range words {
		a = drive(t, a, tea.KeyPressMsg{Code: tea.KeyExtended, Text: w}, keyMsg("space"))
	}
	a = drive(t, a, tea.PasteMsg{Content: "one\r\ntwo"})
	want := "home end up down left right enter esc tab backspace delete ctrl+c one\ntwo"
	if got := a.session.ta.Value(); got != want {
		t.Errorf("the note is %q, want %q", got, want)
	}
}

// TestEscThenCtrlC: esc and ctrl+c read together (alt+ctrl+c) stop editing
// and then quit.
func TestEscThenCtrlC(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = drive(t, a, keyMsg("right"), keyMsg("enter"), keyMsg("x"))
	m, cmd := a.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl | tea.ModAlt})
	if m.(App).session.mode != modeBrowse {
		t.Errorf("esc+ctrl+c left the mode at %d", m.(App).session.mode)
	}
	if cmd == nil || !quits(cmd) {
		t.Error("esc+ctrl+c did not quit")
	}
	m, _ = m.(App).Update(tea.KeyPressMsg{Code: 'p', Mod: tea.ModAlt})
	if got := m.(App).session.mode; got != modeBrowse {
		t.Errorf("esc+p changed the mode to %d", got)
	}
}

// quits reports whether cmd, or a command in its batch, is tea.Quit.
func quits(cmd tea.Cmd) bool {
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil && quits(c) {
				return true
			}
		}
	}
	return false
}

// TestNoteCursorIsPlaced: while the note is written, the View puts the
// terminal's cursor just after the text typed, where the screen shows it.
func TestNoteCursorIsPlaced(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	if c := a.View().Cursor; c != nil {
		t.Fatalf("a cursor at %v while nothing is typed", c.Position)
	}
	a = drive(t, a, keyMsg("right"), keyMsg("enter"))
	a = drive(t, a, typeText("We prayed")...)
	c := a.View().Cursor
	if c == nil {
		t.Fatal("no cursor while the note is written")
	}
	lines := strings.Split(viewText(a), "\n")
	if c.Y >= len(lines) {
		t.Fatalf("the cursor is on line %d of %d", c.Y, len(lines))
	}
	before := []rune(lines[c.Y])[:c.X]
	if !strings.HasSuffix(string(before), "We prayed") {
		t.Errorf("the cursor (%d,%d) is not after the text: the line up to it is %q", c.X, c.Y, string(before))
	}
}

// TestBackgroundAnswerRestyles: the terminal's answer about its background
// rebuilds the styles and renders the guide again, once, and only when vigil
// asked (no --theme).
func TestBackgroundAnswerRestyles(t *testing.T) {
	for _, ask := range []bool{true, false} {
		st := openTestStore(t)
		g := tinyGuide()
		o, err := session.NewSession(st, g, session.Start{Group: "g", Now: fixedClock()})
		if err != nil {
			t.Fatal(err)
		}
		a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "dark",
			AskBackground: ask, Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o})
		a = drive(t, a, sizeMsg(100, 30), keyMsg("right"))
		a = drive(t, a, tea.BackgroundColorMsg{Color: color.White})
		want := "dark"
		if ask {
			want = "light"
		}
		if a.ctx.glamur != want {
			t.Errorf("ask=%v: the guide style is %q after a light background, want %q", ask, a.ctx.glamur, want)
		}
		if len(a.session.cache) == 0 || strings.Contains(viewText(a), "Preparing the guide") {
			t.Errorf("ask=%v: the guide was not rendered again:\n%s", ask, viewText(a))
		}
	}
}

// TestPasteGoesIntoTheMeeting: a paste into the note, the add form or a
// burst of typed text (which asText makes a paste) goes into the meeting at
// once, as a key does, so esc straight after keeps it; a paste that would
// go over the limit is refused whole with its sentence.
func TestPasteGoesIntoTheMeeting(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = drive(t, a, keyMsg("right"), keyMsg("enter"))
	a = drive(t, a, tea.PasteMsg{Content: "pasted\r\nwords"}, tea.KeyPressMsg{Code: tea.KeyExtended, Text: " home"}, keyMsg("esc"))
	if got, want := a.session.meet.Note(false).Text, "pasted\nwords home"; got != want {
		t.Fatalf("after the paste, a burst and esc the note is %q, want %q", got, want)
	}

	a = drive(t, a, keyMsg("enter"), tea.PasteMsg{Content: strings.Repeat("x", 100<<10)})
	if got := a.session.ta.Value(); got != "pasted\nwords home" {
		t.Errorf("a 100 KiB paste changed the editor: %d bytes", len(got))
	}
	if !strings.Contains(a.session.limitErr, "Nothing was pasted") {
		t.Errorf("no sentence for the refused paste: %q", a.session.limitErr)
	}
}

// TestWhoIsHereFollowsEachKey: the content note's line of who is here
// shows every key at once (it lagged one key behind the field), and a
// paste into the field is saved as typing is.
func TestWhoIsHereFollowsEachKey(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = drive(t, a, keyMsg("w"))
	a = drive(t, a, typeText("Ana, Ben")...)
	if v := viewText(a); !strings.Contains(v, "Who is here: Ana, Ben (w to change)") {
		t.Errorf("the page's line does not show the last key:\n%s", v)
	}
	a = drive(t, a, tea.PasteMsg{Content: ", Carla"})
	if got, want := a.session.meet.Rec.Session.Attendance, "Ana, Ben, Carla"; got != want {
		t.Errorf("after a paste who is here is %q, want %q", got, want)
	}
}

// TestPasteIntoTheAddForm: a paste at the form's first question starts a
// private request, as typing does, and is kept as the form's draft at once;
// a paste that would go over the limit is refused whole.
func TestPasteIntoTheAddForm(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"), tea.PasteMsg{Content: "for the children"})
	if !a.session.form.private || a.session.form.text.Value() != "for the children" {
		t.Fatalf("after a paste the form is private=%v with %q", a.session.form.private, a.session.form.text.Value())
	}
	if d := a.session.meet.Rec.Notes[session.DraftRequestKey].Text; !strings.Contains(d, "for the children") {
		t.Errorf("the paste is not in the form's draft: %q", d)
	}
	a = drive(t, a, tea.PasteMsg{Content: strings.Repeat("x", 100<<10)})
	if got := a.session.form.text.Value(); got != "for the children" {
		t.Errorf("a 100 KiB paste changed the field: %d bytes", len(got))
	}
	if !strings.Contains(a.session.form.err, "Nothing was pasted") {
		t.Errorf("no sentence for the refused paste: %q", a.session.form.err)
	}
}
