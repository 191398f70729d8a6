package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// The list pages: the group's own requests and the commitments. Which
// requests a view shows is the meeting's rule (Meeting.RequestsIn).

// item draws one line of a list: a cursor, a mark, the text and who.
func (m sessionModel) item(selected bool, mark, text, name string, private bool) string {
	st := m.ctx.styles
	cursor := "  "
	style := st.Item
	if selected {
		cursor = "› "
		style = st.Selected
	}
	line := text
	if name != "" {
		line += " — " + name
	}
	if private {
		line += " " + st.Private.Render("[private]")
	}
	w := m.lay.text - 6
	wrapped := lipgloss.NewStyle().Width(w).Render(line)
	wrapped = strings.ReplaceAll(wrapped, "\n", "\n    ")
	return cursor + mark + " " + style.Render(wrapped)
}

func (m sessionModel) requestsView() string {
	st := m.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("The group's own requests") + "\n\n")
	vis := m.meet.RequestsIn(m.audience())
	if len(vis) == 0 {
		b.WriteString(st.Muted.Render("No requests yet. Press a to add one as it is spoken.") + "\n")
	}
	for n, r := range vis {
		mark := "○"
		if r.Prayed {
			mark = st.Done.Render("✓")
		}
		b.WriteString(m.item(n == m.sel, mark, r.Text, r.Name, r.Private) + "\n")
	}
	b.WriteString("\n" + st.Muted.Render("a add · p mark prayed · ↑/↓ choose"))
	if !m.leader {
		b.WriteString("\n" + st.Muted.Render("Requests marked private show only in the leader's view (tab)."))
	}
	return b.String()
}

func (m sessionModel) commitmentsView() string {
	st := m.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("What we will do") + "\n\n")
	cs := m.meet.Rec.Commitments
	if len(cs) == 0 {
		b.WriteString(st.Muted.Render("No commitments yet. Press a to add one.") + "\n")
	}
	for n, c := range cs {
		b.WriteString(m.item(n == m.sel, "•", c.Text, c.Name, false) + "\n")
	}
	b.WriteString("\n" + st.Muted.Render(fmt.Sprintf("%d commitment(s) · a add · ↑/↓ choose", len(cs))))
	return b.String()
}
