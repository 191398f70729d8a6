package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
)

// benchApp is the seed guide's first question at 120x40, rendered.
func benchApp(b *testing.B, page string) App {
	a, _ := newTestApp(b, guides.Default(), 120, 40)
	return goTo(b, a, page)
}

// BenchmarkViewSection is View() on the section screen at 120x40: what
// every frame costs.
func BenchmarkViewSection(b *testing.B) {
	a := benchApp(b, "faq/what-is-cybersex-trafficking")
	if v := viewText(a); len(v) == 0 {
		b.Fatal("empty view")
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = viewText(a)
	}
}

// BenchmarkViewEditing is View() while the note is being typed.
func BenchmarkViewEditing(b *testing.B) {
	a := benchApp(b, "faq/what-is-cybersex-trafficking")
	a = drive(b, a, keyMsg("enter"))
	a = drive(b, a, typeText("a few words of a note")...)
	b.ReportAllocs()
	for b.Loop() {
		_ = viewText(a)
	}
}

// BenchmarkKeystroke is Update for one typed letter in a note of about
// 500 characters: the path every keystroke takes before the screen is
// drawn. Each round types a letter and deletes it, so the note keeps its
// size.
func BenchmarkKeystroke(b *testing.B) {
	a := benchApp(b, "faq/what-is-cybersex-trafficking")
	a = drive(b, a, keyMsg("enter"))
	a = drive(b, a, typeText(strings.Repeat("We prayed for the children and for the teams. ", 10))...)
	k, bs := keyMsg("x"), keyMsg("backspace")
	b.ReportAllocs()
	for b.Loop() {
		m, _ := a.Update(k)
		m, _ = m.(App).Update(bs)
		a = m.(App)
	}
}

// BenchmarkNextPage is Update for → from one cached page to the next.
func BenchmarkNextPage(b *testing.B) {
	a := benchApp(b, "faq/what-is-cybersex-trafficking")
	right, left := keyMsg("right"), keyMsg("left")
	b.ReportAllocs()
	for b.Loop() {
		m, _ := a.Update(right)
		m, _ = m.(App).Update(left)
		a = m.(App)
	}
}

// BenchmarkKeystrokeAtLimit is one keystroke's Update and View in a note
// at the limit (session.MaxText, 16 KiB): a letter that brings the note to
// the limit, then backspace, each drawn. It must stay under one frame
// (16.7 ms); ns/key is the figure to read.
func BenchmarkKeystrokeAtLimit(b *testing.B) {
	a := benchApp(b, "faq/what-is-cybersex-trafficking")
	line := strings.Repeat("We prayed for the children and for the teams. ", 8) + "\n"
	text := strings.Repeat(line, session.MaxText/len(line)+1)[:session.MaxText-1]
	a.ctx.cfg.Saver.Queue(a.session.meet.SetNote(false, text, fixedClock())...)
	a = drive(b, a, keyMsg("enter"))
	if got := a.session.ta.Value(); got != text {
		b.Fatalf("the editor holds %d bytes, want %d", len(got), len(text))
	}
	k, bs := keyMsg("x"), keyMsg("backspace")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, _ := a.Update(k)
		_ = m.View()
		m, _ = m.(App).Update(bs)
		_ = m.View()
		a = m.(App)
	}
	b.StopTimer()
	if n := len(a.session.meet.Note(false).Text); n != len(text) {
		b.Fatalf("the note is %d bytes after the rounds, want %d", n, len(text))
	}
	if a.session.limitErr != "" {
		b.Fatalf("refused at the limit: %s", a.session.limitErr)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/key")
}

// BenchmarkBigPasteThenKeys is a 100 KiB paste into a note (refused whole:
// over the limit) and the two keys after it, each drawn. Each must stay
// under one frame (16.7 ms); ns/msg is the figure to read.
func BenchmarkBigPasteThenKeys(b *testing.B) {
	a := benchApp(b, "faq/what-is-cybersex-trafficking")
	a = drive(b, a, keyMsg("enter"))
	a = drive(b, a, typeText(strings.Repeat("We prayed for the children and for the teams. ", 10))...)
	note := a.session.ta.Value()
	paste := tea.PasteMsg{Content: strings.Repeat("0123456789abcde\n", 100<<10/16)}
	k, bs := keyMsg("x"), keyMsg("backspace")
	b.ReportAllocs()
	for b.Loop() {
		m, _ := a.Update(paste)
		_ = m.View()
		m, _ = m.(App).Update(k)
		_ = m.View()
		m, _ = m.(App).Update(bs)
		_ = m.View()
		a = m.(App)
	}
	if got := a.session.meet.Note(false).Text; got != note {
		b.Fatalf("the note is %d bytes after the rounds, want %d", len(got), len(note))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(3*b.N), "ns/msg")
}

// BenchmarkTickWithRoom is Update for the clock's tick, once a second, on
// the summary with the room open. The tick changes nothing the room is
// shown, so the shared page (there, a capture of the whole session) is not
// made again for it (keepsFrame).
func BenchmarkTickWithRoom(b *testing.B) {
	a := benchApp(b, session.KeySummary)
	r := newQuietRoom(localInfo())
	a.ctx.cfg.Room = RoomConfig{Opener: r.opener()}
	a = drive(b, a, keyMsg("R"))
	a = drive(b, a, keyMsg("esc"))
	if !a.ctx.room.open() || a.top() != nil {
		b.Fatal("the room did not open, or its panel did not close")
	}
	tick := clockTickMsg{sessionID: a.session.meet.ID()}
	b.ReportAllocs()
	for b.Loop() {
		m, _ := a.Update(tick)
		a = m.(App)
	}
}
