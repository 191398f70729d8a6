package tui

import (
	"strings"
	"testing"

	"vigil/guides"
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
