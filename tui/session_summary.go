package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"vigil/session"
)

// summaryText draws what the session captured, as session.Capture laid it
// out for the view on screen: the same items plain mode and every export
// show for that view, and nothing else.
func summaryText(c session.Captured, st Styles, width int) string {
	wrap := lipgloss.NewStyle().Width(max(10, width-6))
	var b strings.Builder
	block := func(indent, text string) {
		b.WriteString(indent + strings.ReplaceAll(wrap.Render(text), "\n", "\n"+indent) + "\n")
	}
	title := c.Title
	if title == "" {
		title = session.WordsFor(false).Captured
	}
	b.WriteString(st.Title.Render(title) + "\n")
	for _, f := range c.Facts {
		if f.Label == "Present" {
			b.WriteString(st.Muted.Render("Present: ") + f.Value + "\n")
		}
	}
	if c.Empty() {
		b.WriteString("\n" + st.Muted.Render("Nothing written yet: notes, requests and commitments will show here.") + "\n")
	}
	for _, p := range c.Parts {
		b.WriteString("\n" + st.Title.Render(p.Title) + "\n")
		if p.Time != "" {
			b.WriteString(st.Muted.Render(p.Time) + "\n")
		}
		for _, s := range p.Sections {
			b.WriteString(s.Title + "\n")
			for _, e := range s.Entries {
				switch {
				case e.Leader:
					b.WriteString("    " + st.Private.Render(truncate(e.Label, width-4)) + "\n")
				case e.Label != "":
					b.WriteString("    " + st.Muted.Render(truncate(e.Label, width-4)) + "\n")
				}
				block("    ", e.Text)
			}
			for _, it := range s.Items {
				mark := "•"
				if s.Checks {
					mark = "○"
					if it.Done {
						mark = "✓"
					}
				}
				line := mark + " " + it.Text
				if it.Detail != "" {
					line += " — " + it.Detail
				}
				block("  ", line)
			}
		}
	}
	return b.String()
}
