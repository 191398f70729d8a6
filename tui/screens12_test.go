package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/session"
)

// TestLeaderViewIsUnmistakable: the leader's view has a frame colour of its
// own in both themes, and says "not for the room" in its header, in words
// (so with NO_COLOR too: the tests draw with no colour at all).
func TestLeaderViewIsUnmistakable(t *testing.T) {
	for _, th := range []Theme{DarkTheme(), LightTheme()} {
		st := NewStyles(th)
		others := []struct {
			name string
			c    any
		}{{"Text", th.Text}, {"Muted", th.Muted}, {"Accent", th.Accent}, {"Calm", th.Calm}, {"Warn", th.Warn}, {"Private", th.Private}, {"Border", th.Border}}
		for _, o := range others {
			if st.LeaderFrame == o.c {
				t.Errorf("the leader's frame has the colour of %s", o.name)
			}
		}
		if st.PrivateBorder != st.LeaderFrame {
			t.Error("the leader's note box is not drawn in the leader's frame colour")
		}
	}
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "faq/one")
	mustNotContain(t, viewText(a), "not for the room")
	a = drive(t, a, keyMsg("tab"))
	first := strings.SplitN(viewText(a), "\n", 2)[0]
	mustContain(t, first, "LEADER VIEW", "not for the room")
}

// TestResumeOpensInTheSharedView: whatever view the session was left in,
// it opens again in the room's.
func TestResumeOpensInTheSharedView(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keyMsg("tab"))
	if !a.session.leader {
		t.Fatal("tab did not open the leader's view")
	}
	o, err := session.ResumeStatus(st, guides.Library{Guides: []*guides.Guide{tinyGuide()}}, a.session.meet.ID())
	if err != nil {
		t.Fatal(err)
	}
	b := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{tinyGuide()}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, Start: o})
	b = drive(t, b, sizeMsg(80, 24))
	if b.session.leader {
		t.Fatal("resuming opened the leader's view")
	}
	mustContain(t, viewText(b), "SHARED VIEW")
	mustNotContain(t, viewText(b), "not for the room")
}

// TestSaveFailureSaysSoInPlainWords: the status line says the note is not
// saved, that vigil keeps trying, and why, cut at a word with "…".
func TestSaveFailureSaysSoInPlainWords(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "faq/one")
	a.session.save.err = errors.New("save session 1 in /home/someone/.local/share/vigil/vigil.db: write /home/someone/.local/share/vigil/vigil.db: no space left on device")
	a.session.remake()
	lines := strings.Split(viewText(a), "\n")
	var status string
	for _, l := range lines {
		if strings.Contains(l, "Not saved yet") {
			status = strings.TrimSpace(l)
		}
	}
	if status == "" {
		t.Fatalf("no status line says it is not saved:\n%s", viewText(a))
	}
	mustContain(t, status, "Not saved yet: the disk is full. vigil keeps trying; your text is still here.")
	if w := lipglossWidth(status); w > 78 {
		t.Errorf("the status line is %d wide", w)
	}
	// A reason with no plain words is the error as a sentence, cut at a
	// word with "…" so that the rest of the line still shows.
	a.session.save.err = errors.New("save session 1 in /home/someone/.local/share/vigil/vigil.db: write /home/someone/.local/share/vigil/vigil.db: input/output trouble of an unusual kind")
	a.session.remake()
	got := notSaved(a.session.save.err, 78)
	mustContain(t, got, "Not saved yet: Save session 1", "… vigil keeps trying; your text is still here.")
	if w := lipglossWidth(got); w > 78 {
		t.Errorf("%d wide: %q", w, got)
	}
	reason := strings.TrimSuffix(strings.TrimPrefix(got, "Not saved yet: "), "… vigil keeps trying; your text is still here.")
	full := session.Sentence(a.session.save.err.Error())
	if !strings.HasPrefix(full, reason) || full[len(reason)] != ' ' && full[len(reason)] != ':' {
		t.Errorf("cut mid-word: %q of %q", reason, full)
	}
	if got := truncateWords("short enough", 40); got != "short enough" {
		t.Errorf("truncateWords changed a short line: %q", got)
	}
}

// TestNoteStopsAtTheLimit: at session.MaxText the editor takes no more, and
// the status line says why; a multi-byte text is held to the same limit
// in bytes, as the session counts it.
func TestNoteStopsAtTheLimit(t *testing.T) {
	for _, tc := range []struct{ name, fill string }{
		{"ascii", strings.Repeat("a", session.MaxText)},
		{"two-byte", strings.Repeat("é", session.MaxText/2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, st := newTestApp(t, tinyGuide(), 80, 24)
			a = goTo(t, a, "faq/one")
			a.ctx.cfg.Saver.Queue(a.session.meet.SetNote(false, tc.fill, fixedClock())...)
			a = drive(t, a, keyMsg("enter"))
			a = drive(t, a, typeText("xy")...)
			if got := a.session.meet.Note(false).Text; got != tc.fill {
				t.Errorf("the note grew past the limit to %d bytes", len(got))
			}
			mustContain(t, viewText(a), "longer than 16 KiB")
			a = drive(t, a, keyMsg("esc"))
			if got := load(t, st, a.session.meet.ID()).Notes["faq/one"].Text; len(got) > session.MaxText {
				t.Errorf("stored %d bytes", len(got))
			}
		})
	}
}

// TestTooSmallWrapsAndKeysDoNotAct: at 40×10 the whole sentence shows,
// wrapped; keys other than q and ctrl+c do nothing behind it.
func TestTooSmallWrapsAndKeysDoNotAct(t *testing.T) {
	a, st := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "faq/one")
	a = drive(t, a, sizeMsg(40, 10))
	v := viewText(a)
	for i, line := range strings.Split(v, "\n") {
		if w := lipglossWidth(line); w > 40 {
			t.Errorf("line %d is %d wide: %q", i, w, line)
		}
	}
	if n := strings.Count(v, "\n") + 1; n > 10 {
		t.Errorf("%d lines at 40x10", n)
	}
	flat := strings.Join(strings.Fields(v), " ")
	mustContain(t, flat, "too small for vigil", "40×10", "Press q to quit.")
	cur := a.session.meet.Cur
	a = drive(t, a, keys("right", "enter", "tab", "a", "x")...)
	if a.session.meet.Cur != cur || a.session.mode != modeBrowse || a.session.leader {
		t.Errorf("keys acted behind the too-small screen: page %d mode %v leader %v", a.session.meet.Cur, a.session.mode, a.session.leader)
	}
	if got := load(t, st, a.session.meet.ID()).Notes["faq/one"].Text; got != "" {
		t.Errorf("typed behind the screen: %q", got)
	}
	if _, cmd := a.Update(keyMsg("q")); cmd == nil || !quits(cmd) {
		t.Error("q does not quit the too-small screen")
	}
}

// TestSkinToneEmojiKeepsTheBox: a note holding 🙏🏽 keeps the header on
// the first line and every line within 80 columns.
func TestSkinToneEmojiKeepsTheBox(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 80, 24)
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("We prayed 🙏🏽 together 🙏🏽🙏🏽 and 👩🏽‍👩🏽‍👧🏽 too")...)
	for _, phase := range []string{"editing", "saved"} {
		v := viewText(a)
		lines := strings.Split(v, "\n")
		if !strings.Contains(lines[0], "Part 1 of") {
			t.Errorf("%s: the header is not the first line: %q", phase, lines[0])
		}
		if len(lines) > 24 {
			t.Errorf("%s: %d lines", phase, len(lines))
		}
		for i, l := range lines {
			if w := lipglossWidth(l); w > 80 {
				t.Errorf("%s: line %d is %d wide: %q", phase, i, w, l)
			}
		}
		a = drive(t, a, keyMsg("esc"))
	}
}
