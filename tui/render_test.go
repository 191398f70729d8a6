package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"vigil/guides"
	"vigil/store"
)

// TestRenderedPagesFitTheirWidth renders every page of the seed guide, in
// each style, at the widths a shared screen or a laptop has, and checks that
// no line is wider than the text column: a wider line would wrap in the
// viewport and push the note box off the screen.
func TestRenderedPagesFitTheirWidth(t *testing.T) {
	g := guides.Default()
	pages := buildPages(g, store.PathFull)
	for _, style := range []string{"notty", "dark", "light"} {
		for _, w := range []int{60, 80, 100, 120} {
			tw := textWidth(w)
			msg := renderGuide(1, g, pages, tw, style)().(renderedMsg)
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			for key, out := range msg.pages {
				for i, line := range strings.Split(out, "\n") {
					if lw := lipgloss.Width(line); lw > tw {
						t.Errorf("%s at %d (%s): line %d is %d wide: %q", key, tw, style, i, lw, line)
					}
				}
			}
		}
	}
}
