package e2e

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSkinToneEmojiKeepsTheHeader: a note holding 🙏🏽 (a skin-tone
// modifier after the emoji) is drawn in a real terminal without breaking
// the note box or scrolling the header away.
func TestSkinToneEmojiKeepsTheHeader(t *testing.T) {
	env := freshHome(t)
	tm := startOnFirstNote(t, env, 80, 24)
	tm.typeText("We prayed 🙏🏽 together 🙏🏽🙏🏽 and for them 👍🏿")
	tm.waitFor("together", wait)
	check := func(phase string) {
		t.Helper()
		s := tm.screen()
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		if !strings.Contains(lines[0], "Part 1 of") {
			t.Errorf("%s: the header scrolled away; first line %q\n%s", phase, lines[0], s)
		}
		for i, l := range lines {
			if n := utf8.RuneCountInString(l); n > 80+8 { // runes, not cells: modifiers count as runes
				t.Errorf("%s: line %d has %d runes: %q", phase, i, n, l)
			}
		}
	}
	check("editing")
	tm.stopEditing()
	tm.waitFor("✓ saved", wait)
	check("saved")
}
