package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// shortHelpLine is the footer: as many of the bindings as fit the width,
// then "…". (bubbles/help v1.0.0 lets the line run past its width when the
// ellipsis itself does not fit, so vigil draws the line itself.)
func shortHelpLine(st Styles, bindings []key.Binding, width int) string {
	var b strings.Builder
	used := 0
	sep := st.Help.Render(" • ")
	for _, kb := range bindings {
		if !kb.Enabled() {
			continue
		}
		item := st.Selected.Render(kb.Help().Key) + " " + st.Help.Render(kb.Help().Desc)
		if used > 0 {
			item = sep + item
		}
		w := lipgloss.Width(item)
		if used+w > width {
			if used+2 <= width {
				b.WriteString(st.Help.Render(" …"))
			}
			break
		}
		b.WriteString(item)
		used += w
	}
	return b.String()
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
