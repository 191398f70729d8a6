package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"vigil/guides"
)

// Lines the help screen always shows, whatever the guide carries. They name
// no number on purpose: emergency numbers differ by country.
const (
	emergencyLine = "In immediate danger, call local emergency services."
	painfulLine   = "If this guide stirred something painful, talk to someone you trust or a counsellor."
)

// resourcesText is the help and report screen for a guide: its resources,
// grouped by need, word for word, and when they were checked.
func resourcesText(g *guides.Guide, st Styles, width int) string {
	wrap := lipgloss.NewStyle().Width(max(20, width-6))
	var b strings.Builder
	b.WriteString(st.Title.Render("Help and report") + "\n\n")
	b.WriteString(wrap.Render(emergencyLine) + "\n")
	b.WriteString(wrap.Render(painfulLine) + "\n")
	if g == nil || len(g.Meta.Resources) == 0 {
		b.WriteString("\n" + st.Muted.Render("This guide lists no other resources.") + "\n")
		return b.String()
	}
	for _, grp := range g.Meta.Resources {
		b.WriteString("\n" + st.Title.Render(grp.Need) + "\n")
		for _, r := range grp.Items {
			name := r.Name
			if r.By != "" {
				name += " (" + r.By + ")"
			}
			b.WriteString("\n  " + st.Selected.Render("• ") + strings.ReplaceAll(wrap.Render(name), "\n", "\n    ") + "\n")
			for _, f := range []struct{ label, value string }{
				{"Phone", r.Phone}, {"Text", r.Text}, {"TTY", r.TTY}, {"Web", r.Web},
			} {
				if f.value != "" {
					b.WriteString(fmt.Sprintf("    %s: %s\n", f.label, f.value))
				}
			}
			b.WriteString("    " + strings.ReplaceAll(wrap.Render("For: "+r.For), "\n", "\n    ") + "\n")
		}
	}
	if g.Meta.ResourcesChecked != "" {
		b.WriteString("\n" + st.Muted.Render("Numbers and addresses checked on "+g.Meta.ResourcesChecked+". They can change.") + "\n")
	}
	return b.String()
}

// lipglossPlace centres a block in the window.
func lipglossPlace(w, h int, s string) string {
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s)
}
