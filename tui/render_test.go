package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// TestRenderedPagesFitTheirWidth renders every page of the seed guide, in
// each style, at the widths a shared screen or a laptop has, and checks that
// no line is wider than the text column: a wider line would wrap in the
// viewport and push the note box off the screen.
func TestRenderedPagesFitTheirWidth(t *testing.T) {
	g := guides.Default()
	pages := session.BuildPages(g, store.PathFull)
	for _, style := range []string{"notty", "dark", "light"} {
		for _, w := range []int{60, 80, 100, 120} {
			tw := textWidth(w)
			msg := renderGuide(1, g, pages, tw, style)().(renderedMsg)
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			for key, out := range msg.pages {
				lines := strings.Split(out, "\n")
				for i, line := range lines {
					if lw := lipgloss.Width(line); lw > tw {
						t.Errorf("%s at %d (%s): line %d is %d wide: %q", key, tw, style, i, lw, line)
					}
					// A block quote that lost its bar on a wrapped line.
					if i > 0 && i+1 < len(lines) && strings.Contains(lines[i-1], "│") &&
						strings.Contains(lines[i+1], "│") && !strings.Contains(line, "│") {
						t.Errorf("%s at %d (%s): line %d fell out of its quote: %q", key, tw, style, i, line)
					}
					// An orphan: one short word alone on a line that would
					// have fitted at the end of the line before.
					word := strings.TrimSpace(ansi.Strip(line))
					if i == 0 || word == "" || strings.ContainsAny(word, " ") || len(word) > 12 {
						continue
					}
					prev := strings.TrimRight(ansi.Strip(lines[i-1]), " ")
					if strings.TrimSpace(prev) != "" && lipgloss.Width(prev)+1+lipgloss.Width(word) <= tw-2 {
						t.Errorf("%s at %d (%s): %q is orphaned on line %d after %q", key, tw, style, word, i, prev)
					}
				}
			}
		}
	}
}
