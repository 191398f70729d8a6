package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"vigil/guides"
	"vigil/store"
)

// summaryText is everything captured in a session, part by part, for the
// last page. The shared view leaves out private requests and the leader's
// notes; the leader's view shows them, marked.
func summaryText(g *guides.Guide, rec *store.Record, leader bool, st Styles, width int) string {
	wrap := lipgloss.NewStyle().Width(width - 4)
	var b strings.Builder
	item := func(text string) {
		b.WriteString("  " + strings.ReplaceAll(wrap.Render(text), "\n", "\n  ") + "\n")
	}
	b.WriteString(st.Title.Render("What the group captured") + "\n")
	if rec.Session.Attendance != "" {
		b.WriteString(st.Muted.Render("Present: ") + rec.Session.Attendance + "\n")
	}
	for _, part := range g.Parts {
		var pb strings.Builder
		for _, sec := range part.Sections {
			keys := []string{sec.ID}
			for i := range sec.Prompts {
				keys = append(keys, promptKey(sec.ID, i))
			}
			for _, k := range keys {
				if n := rec.Notes[k]; strings.TrimSpace(n.Text) != "" {
					fmt.Fprintf(&pb, "%s\n", sec.Title)
					pb.WriteString(noteLines(n, wrap))
				}
				if n := rec.Notes[k+leaderSuffix]; leader && strings.TrimSpace(n.Text) != "" {
					fmt.Fprintf(&pb, "%s %s\n", sec.Title, st.Private.Render("(leader's note)"))
					pb.WriteString(noteLines(n, wrap))
				}
			}
			if _, ok := rec.Session.Prayed[sec.ID]; ok {
				fmt.Fprintf(&pb, "%s %s\n", st.Done.Render("✓ prayed:"), sec.Title)
			}
		}
		if pb.Len() > 0 {
			b.WriteString("\n" + st.Title.Render(part.Title) + "\n" + pb.String())
		}
	}
	var reqs []string
	for _, r := range rec.Requests {
		if r.Private && !leader {
			continue
		}
		mark := "○"
		if r.Prayed {
			mark = "✓"
		}
		s := mark + " " + r.Text
		if r.Name != "" {
			s += " — " + r.Name
		}
		if r.Private {
			s += " [private]"
		}
		reqs = append(reqs, s)
	}
	if len(reqs) > 0 {
		b.WriteString("\n" + st.Title.Render("The group's requests") + "\n")
		for _, r := range reqs {
			item(r)
		}
	}
	if len(rec.Commitments) > 0 {
		b.WriteString("\n" + st.Title.Render("Commitments") + "\n")
		for _, c := range rec.Commitments {
			s := c.Text
			if c.Name != "" {
				s += " — " + c.Name
			}
			item(s)
		}
	}
	return b.String()
}

func noteLines(n store.Note, wrap lipgloss.Style) string {
	return "    " + strings.ReplaceAll(wrap.Render(n.Text), "\n", "\n    ") + "\n"
}
