package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// A footer that cannot show every binding is cut in the middle: its
// first bindings, " … ", and its last keptAtEnd, which a screen's
// ShortHelp keeps for the keys that must stay in view (? and q on every
// page of a session, on the home screen and the prayer list). The last
// ones are kept only while the first shownFirst still show (on a page:
// next, back and H, the help and report resources); otherwise the line is
// cut at the end, so that a narrow window keeps a screen's first keys.
const (
	keptAtEnd  = 2
	shownFirst = 3
)

// shortHelpLine is the footer: the bindings that fit the width, in their
// order, cut as said above, with "…" wherever a binding was left out.
// (bubbles/help lets the line run past its width when the ellipsis itself
// does not fit, so vigil draws the line itself.)
func shortHelpLine(st Styles, bindings []key.Binding, width int) string {
	sep := st.Help.Render(" • ")
	var items []string
	for _, kb := range bindings {
		if kb.Enabled() {
			items = append(items, st.Selected.Render(kb.Help().Key)+" "+st.Help.Render(kb.Help().Desc))
		}
	}
	if line := strings.Join(items, sep); lipgloss.Width(line) <= width {
		return line
	}
	more := st.Help.Render(" …")
	if n := len(items) - keptAtEnd; n >= shownFirst {
		tail := " " + strings.Join(items[n:], sep)
		if head := fitItems(items[:n], sep, width-lipgloss.Width(more)-lipgloss.Width(tail)); head.n >= shownFirst {
			return head.line + more + tail
		}
	}
	if head := fitItems(items, sep, width-lipgloss.Width(more)); head.n > 0 || width >= lipgloss.Width(more) {
		return head.line + more
	}
	return ""
}

// fitted is the first n items, joined into a line.
type fitted struct {
	line string
	n    int
}

// fitItems joins as many of the first items as fit the width.
func fitItems(items []string, sep string, width int) fitted {
	var f fitted
	used := 0
	for _, item := range items {
		if f.n > 0 {
			item = sep + item
		}
		w := lipgloss.Width(item)
		if used+w > width {
			break
		}
		f.line += item
		f.n++
		used += w
	}
	return f
}

// fullHelpView lays the key groups out two columns to a row, so that every
// key and its whole description fit a 60-column window.
func fullHelpView(h help.Model, groups [][]key.Binding) string {
	h.SetWidth(0) // never cut a description short
	var rows []string
	for i := 0; i < len(groups); i += 2 {
		end := min(i+2, len(groups))
		rows = append(rows, h.FullHelpView(groups[i:end]))
	}
	return strings.Join(rows, "\n\n")
}
