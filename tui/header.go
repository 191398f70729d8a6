package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
)

// header is where the group is (part, section, prompt), the view, and
// progress. The position comes first so that a narrow window cuts the
// title, never the place.
func (m sessionModel) header() string {
	st := m.ctx.styles
	p := m.page()
	var where, title string
	switch p.Kind {
	case pageContentNote:
		where = "Content note"
	case pageSummary:
		where = "Summary"
	default:
		n, of := partPosition(m.pages, m.cur)
		title = "The group's requests"
		if p.Part >= 0 {
			title = m.guide.Parts[p.Part].Title
			where = fmt.Sprintf("Part %d of %d", n, of)
		}
		if sn, sof := sectionPosition(m.pages, m.cur); sof > 0 && p.Section >= 0 {
			where += fmt.Sprintf(" · %s %d of %d", sectionNoun(m.guide.Parts[p.Part].Kind), sn, sof)
		}
		if p.Kind == pagePrompt {
			sec := m.guide.Parts[p.Part].Sections[p.Section]
			where += fmt.Sprintf(" · prompt %d of %d", p.Prompt+1, len(sec.Prompts))
		}
		if p.Kind == pageRequests || p.Kind == pageCommitments || p.Kind == pageRevisit {
			title = m.pageTitle(p)
		}
		if where != "" {
			where += " · "
		}
	}
	badge := st.Badge.Render("◉ SHARED VIEW")
	if m.leader {
		badge = st.BadgeLead.Render("◈ LEADER VIEW")
	}
	inner := m.width - 2
	room := inner - lipgloss.Width(badge) - 2
	left := st.Title.Render(truncate(where, room)) + st.Header.Render(truncate(title, room-lipgloss.Width(where)))
	gap := max(1, inner-lipgloss.Width(left)-lipgloss.Width(badge))
	line1 := left + strings.Repeat(" ", gap) + badge
	count := st.Muted.Render(fmt.Sprintf(" · page %d of %d", m.cur+1, len(m.pages)))
	right := " " + m.pacing() + count
	bar := inner - lipgloss.Width(right)
	if bar < 8 {
		right, bar = count, inner-lipgloss.Width(count)
	}
	line2 := progressBar(st, m.cur+1, len(m.pages), bar) + right
	return line1 + "\n" + line2 + "\n\n"
}

// sectionNoun is what a section of a part is called in the header.
func sectionNoun(k guides.Kind) string {
	switch k {
	case guides.KindFAQ:
		return "question"
	case guides.KindPrayer:
		return "request"
	default:
		return "step"
	}
}

// progressBar draws done of total as a bar of the given width. Glyphs, not
// only colour, tell done from to-do, so it reads without colour too.
func progressBar(st Styles, done, total, width int) string {
	if width < 1 || total < 1 {
		return ""
	}
	fill := done * width / total
	return st.BarFull.Render(strings.Repeat("━", fill)) + st.BarEmpty.Render(strings.Repeat("─", width-fill))
}

// truncate cuts s, which may hold colour codes, to w columns with "…".
func truncate(s string, w int) string {
	if w < 1 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}
