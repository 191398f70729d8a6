package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPageChangeIsOneSynchronizedFrame: in a terminal that says it knows
// synchronized output (mode 2026), a page change reaches it between the
// begin and end marks, so a projector never shows half of one page over
// the other. In a terminal that does not answer, vigil sends no marks (so
// the test can tell the two apart). No tmux here: the pty's other end is
// the test, which answers the mode query itself.
func TestPageChangeIsOneSynchronizedFrame(t *testing.T) {
	for _, answers := range []bool{true, false} {
		out := pageChangeOutput(t, answers)
		begin, end := strings.Index(out, ansi.SetModeSynchronizedOutput), strings.LastIndex(out, ansi.ResetModeSynchronizedOutput)
		page := strings.Index(out, "cybersex")
		switch {
		case answers && (begin < 0 || end < 0 || !(begin < page && page < end)):
			t.Errorf("the terminal knows mode 2026, but the page change is not inside its marks (begin %d, page text %d, end %d):\n%q", begin, page, end, out)
		case !answers && (begin >= 0 || end >= 0):
			t.Errorf("the terminal did not answer the mode query, yet vigil sent the marks:\n%q", out)
		}
	}
}

// pageChangeOutput runs `vigil new` on a pty, answering the synchronized
// output query when answer is true, waits for the content note, sends →,
// and returns what vigil wrote from the key until the first question's
// title was shown.
func pageChangeOutput(t *testing.T, answer bool) string {
	t.Helper()
	home := t.TempDir()
	answered := false // only the reader touches it
	p := startPTY(t, home, []string{binary, "--db", filepath.Join(home, "vigil.db"), "new"}, func(out string) []byte {
		if !answer || answered || !strings.Contains(out, "\x1b[?2026$p") {
			return nil
		}
		answered = true
		return []byte("\x1b[?2026;2$y") // known, now reset
	})
	defer p.stop()
	p.waitOutput(t, 0, "the content note", showsText("Before we begin"))
	from := len(p.output())
	p.write(t, []byte("\x1b[C")) // →
	page := showsText("What is cybersex trafficking?")
	if !answer {
		return p.waitOutput(t, from, "the first question", page)
	}
	return p.waitOutput(t, from, "the first question and the frame's end mark", func(s string) bool {
		i := strings.Index(s, "cybersex")
		return page(s) && i >= 0 && strings.Contains(s[i:], ansi.ResetModeSynchronizedOutput)
	})
}
