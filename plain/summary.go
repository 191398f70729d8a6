package plain

import (
	"strings"

	"vigil/session"
)

// capturedText is what a session captured, as plain text: the heading and
// the particulars, then part by part each section's title and its notes
// and items, one "- " line each (a note's further lines indented under
// it). It shows the captured model and nothing else, so it says what the
// summary page and the exports say for the same view.
func capturedText(c session.Captured) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(c.Title)
	line(c.Heading)
	for _, f := range c.Facts {
		line(f.Label + ": " + f.Value)
	}
	if c.NextMeeting != "" {
		line(session.TitleNextMeeting + ": " + c.NextMeeting)
	}
	if c.Empty() {
		line("")
		line("Nothing was written down in this session.")
	}
	for _, p := range c.Parts {
		line("")
		line(p.Title)
		if p.Time != "" {
			line(p.Time)
		}
		for _, s := range p.Sections {
			line(s.Title + ":")
			for _, e := range s.Entries {
				text := e.Text
				if e.Label != "" {
					text = e.Label + " — " + text
				}
				line(bullet(text))
			}
			for _, it := range s.Items {
				text := it.Text
				if it.Detail != "" {
					text += " (" + it.Detail + ")"
				}
				if s.Checks {
					if it.Done {
						text += " [prayed]"
					} else {
						text += " [not yet prayed]"
					}
				}
				line(bullet(text))
			}
		}
	}
	return b.String()
}

// bullet is one entry or item: "- " and its text, with its further lines
// indented under it.
func bullet(text string) string {
	return "- " + strings.ReplaceAll(text, "\n", "\n  ")
}

// helpText is a guide's help and report resources as plain text, as
// session.HelpOf lays them out for every front end.
func helpText(h session.Help) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line("")
	line("Help and report")
	for _, l := range h.Lines {
		line(l)
	}
	if h.None != "" {
		line(h.None)
	}
	for _, g := range h.Groups {
		line("")
		line(g.Need)
		for _, it := range g.Items {
			line("- " + it.Name)
			for _, f := range it.Fields {
				line("  " + f.Label + ": " + f.Value)
			}
			if it.For != "" {
				line("  For: " + it.For)
			}
		}
	}
	if h.Checked != "" {
		line("")
		line(h.Checked)
	}
	return b.String()
}
