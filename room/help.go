package room

import (
	"strings"

	"vigil/session"
)

// helpText lays out the guide's help resources for a participant's own
// screen, as every front end shows them (session.HelpOf).
func helpText(h session.Help) string {
	var b strings.Builder
	b.WriteString("Only you see this screen.\n\n")
	for _, l := range h.Lines {
		b.WriteString(l + "\n")
	}
	for _, g := range h.Groups {
		b.WriteString("\n" + g.Need + "\n")
		for _, it := range g.Items {
			b.WriteString("  " + it.Name + "\n")
			for _, f := range it.Fields {
				b.WriteString("    " + f.Label + ": " + f.Value + "\n")
			}
			if it.For != "" {
				b.WriteString("    For: " + it.For + "\n")
			}
		}
	}
	if h.Checked != "" {
		b.WriteString("\n" + h.Checked + "\n")
	}
	if h.None != "" {
		b.WriteString("\n" + h.None + "\n")
	}
	return b.String()
}
