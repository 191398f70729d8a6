package tui

import (
	"strings"
	"testing"

	"vigil/guides"
)

// TestKeysScreenFollowsTheWindow: the keys screen (?) is sized to the
// window when it opens and again when the window changes: it grows to
// show every key, and shrinks to fit, scrolling.
func TestKeysScreenFollowsTheWindow(t *testing.T) {
	a, _ := newTestApp(t, guides.Default(), 80, 24)
	a = drive(t, a, keyMsg("?"))
	d, ok := a.top().(keysDialog)
	if !ok {
		t.Fatalf("? opened %T", a.top())
	}
	if d.vp.Height() != 22 {
		t.Errorf("at 80x24 the keys box is %d lines high, want 22", d.vp.Height())
	}
	mustNotContain(t, viewText(a), "already saved.") // the last line, below the fold

	a = drive(t, a, sizeMsg(120, 40))
	d = a.top().(keysDialog)
	if d.vp.Height() <= 22 || d.vp.Height() > 38 {
		t.Errorf("at 120x40 the keys box is %d lines high", d.vp.Height())
	}
	mustContain(t, viewText(a), "already saved.", "ctrl+c quit while typing")

	a = drive(t, a, sizeMsg(60, 20))
	d = a.top().(keysDialog)
	if d.vp.Height() != 18 || d.vp.Width() > 54 {
		t.Errorf("at 60x20 the keys box is %dx%d", d.vp.Width(), d.vp.Height())
	}
	for i, line := range strings.Split(viewText(a), "\n") {
		if w := lipglossWidth(line); w > 60 {
			t.Errorf("line %d is %d wide at 60x20: %q", i, w, line)
		}
	}
	a = drive(t, a, keyMsg("x"))
	if a.top() != nil {
		t.Error("a key did not close the keys screen")
	}
}

// TestPrayerListKeys: ? on the prayer list shows the list's own keys, not
// the home screen's, and its footer names them too.
func TestPrayerListKeys(t *testing.T) {
	a, _ := homeWithTwoWeeks(t)
	for a.home.items()[a.home.sel].kind != itemPrayerList {
		a = drive(t, a, keyMsg("down"))
	}
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, loadPrayerList(a.ctx.cfg.Store)())
	if a.state != statePrayerList {
		t.Fatalf("enter on the prayer list row opened state %d", a.state)
	}
	mustContain(t, viewText(a), "esc back home", "tab shared/leader view")
	a = drive(t, a, keyMsg("?"))
	v := viewText(a)
	mustContain(t, v, "Keys", "back home", "shared/leader view", "page down")
	mustNotContain(t, v, "open", "export this session")
	a = drive(t, a, keyMsg("esc"))
	if a.top() != nil || a.state != statePrayerList {
		t.Errorf("esc on the keys screen left dialog %T, state %d", a.top(), a.state)
	}
}
