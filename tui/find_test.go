package tui

import (
	"testing"

	"vigil/guides"
	"vigil/session"
)

func TestNextMatch(t *testing.T) {
	for _, tt := range []struct {
		matches []int
		cur     int
		want    int
	}{
		{[]int{2, 5, 9}, 0, 2},
		{[]int{2, 5, 9}, 2, 5},
		{[]int{2, 5, 9}, 9, 2}, // wraps round
		{nil, 3, -1},
	} {
		if got := nextMatch(tt.matches, tt.cur); got != tt.want {
			t.Errorf("nextMatch(%v, %d) = %d, want %d", tt.matches, tt.cur, got, tt.want)
		}
	}
}

func TestOutlineJumps(t *testing.T) {
	a, st := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, keyMsg("o"))
	v := viewText(a)
	mustContain(t, v, "Content note", "What is cybersex trafficking?", "Clarity · prompt 1")
	target := session.IndexOf(a.session.meet.Pages, "reflection/hope#1")
	for a.session.outlineSel < target {
		a = drive(t, a, keyMsg("down"))
	}
	a = drive(t, a, keyMsg("enter"))
	if got := a.session.page().Key; got != "reflection/hope#1" {
		t.Fatalf("enter in the outline went to %q", got)
	}
	mustContain(t, viewText(a), "Prompt 1 of 2", "Hope")
	if got := load(t, st, a.session.meet.ID()).Session.Position.Page; got != "reflection/hope#1" {
		t.Errorf("the jump was not saved as the position: %q", got)
	}
	a = drive(t, a, keyMsg("o"), keyMsg("esc"))
	if a.session.mode == modeOutline || a.session.page().Key != "reflection/hope#1" {
		t.Error("esc did not close the outline where it was")
	}
}

func TestSearchAndNextMatch(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 100, 30)
	a = drive(t, a, keyMsg("/"))
	a = drive(t, a, typeText("AFTERCARE")...) // case is ignored
	a = drive(t, a, keyMsg("enter"))
	first := a.session.page().Key
	if first != "faq/what-is-ijm-s-response" {
		t.Fatalf("the first match is %q", first)
	}
	mustContain(t, viewText(a), "Match 1 of", "aftercare")
	a = drive(t, a, keyMsg("N"))
	if got := a.session.page().Key; got == first || a.session.meet.Kind() != guides.KindPrayer {
		t.Errorf("N went to %q", got)
	}
	a = drive(t, a, keyMsg("/"))
	a = drive(t, a, typeText("no such words anywhere")...)
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, viewText(a), "No match for “no such words anywhere”")
}
