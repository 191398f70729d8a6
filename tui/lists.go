package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// visibleRequests are the indexes of the group's requests the current view
// may show: all of them in the leader's view, none marked private in the
// shared view.
func (m sessionModel) visibleRequests() []int {
	var out []int
	for i, r := range m.rec.Requests {
		if r.Private && !m.leader {
			continue
		}
		out = append(out, i)
	}
	return out
}

func (m *sessionModel) clampSel() {
	n := 0
	switch m.page().Kind {
	case pageRequests:
		n = len(m.visibleRequests())
	case pageCommitments:
		n = len(m.rec.Commitments)
	case pageRevisit:
		n = len(m.visibleCarry())
	}
	m.sel = clamp(m.sel, 0, max(0, n-1))
}

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
	vis := m.visibleRequests()
	if len(vis) == 0 {
		b.WriteString(st.Muted.Render("No requests yet. Press a to add one as it is spoken.") + "\n")
	}
	for n, i := range vis {
		r := m.rec.Requests[i]
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
	if len(m.rec.Commitments) == 0 {
		b.WriteString(st.Muted.Render("No commitments yet. Press a to add one.") + "\n")
	}
	for n, c := range m.rec.Commitments {
		b.WriteString(m.item(n == m.sel, "•", c.Text, c.Name, false) + "\n")
	}
	b.WriteString("\n" + st.Muted.Render(fmt.Sprintf("%d commitment(s) · a add · ↑/↓ choose", len(m.rec.Commitments))))
	return b.String()
}
