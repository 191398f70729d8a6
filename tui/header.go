package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"vigil/session"
)

// header is where the group is (part, section, prompt), the view, and
// progress. The position comes first so that a narrow window cuts the
// title, never the place.
func (m sessionModel) header() string {
	st := m.ctx.styles
	p := m.page()
	g, pages, cur := m.meet.Guide, m.meet.Pages, m.meet.Cur
	var where, title string
	switch p.Kind {
	case session.PageContentNote:
		where = "Content note"
	case session.PageSummary:
		where = "Summary"
	case session.PageClosing:
		where = "Closing"
	case session.PageCheckIn:
		where = "Check-in"
	case session.PageDebrief:
		where = "Debrief · only in the leader's view"
	default:
		n, of := session.PartPosition(pages, cur)
		title = m.words().Requests
		if p.Part >= 0 {
			title = session.OneLine(g.Parts[p.Part].Title)
			where = fmt.Sprintf("Part %d of %d", n, of)
		}
		if sn, sof := session.SectionPosition(pages, cur); sof > 0 && p.Section >= 0 {
			where += fmt.Sprintf(" · %s %d of %d", session.SectionNoun(g.Parts[p.Part].Kind), sn, sof)
		}
		if p.Kind == session.PagePrompt {
			sec := g.Parts[p.Part].Sections[p.Section]
			where += fmt.Sprintf(" · prompt %d of %d", p.Prompt+1, len(sec.Prompts))
		}
		if p.IsList() {
			title = m.pageTitle(p)
		}
		if where != "" {
			where += " · "
		}
	}
	// Alone there is one private view: no badge to tell views apart.
	badge := ""
	switch {
	case m.leader:
		badge = leaderBadge(st)
	case !m.oneView():
		badge = sharedBadge(st)
	}
	inner := m.width - 2
	room := inner - lipgloss.Width(badge) - 2
	left := st.Title.Render(truncate(where, room)) + st.Header.Render(truncate(title, room-lipgloss.Width(where)))
	gap := max(1, inner-lipgloss.Width(left)-lipgloss.Width(badge))
	line1 := left + strings.Repeat(" ", gap) + badge
	// Pages are counted as this view walks them: the shared view never
	// counts the leader's debrief.
	shown := session.PagesIn(pages, m.audience())
	at := 0
	for i, idx := range shown {
		if idx <= cur {
			at = i + 1
		}
	}
	count := st.Muted.Render(fmt.Sprintf(" · page %d of %d", at, len(shown)))
	right := " " + m.pacing() + count
	bar := inner - lipgloss.Width(right)
	if bar < 8 {
		right, bar = count, inner-lipgloss.Width(count)
	}
	line2 := progressBar(st, at, len(shown), bar) + right
	return line1 + "\n" + line2 + "\n\n"
}

// pacing is the header's time line: this part and the whole meeting, spent
// against planned. Going over is said in a word and a colour, never more.
func (m sessionModel) pacing() string {
	st := m.ctx.styles
	plan := session.Planned(m.meet.Guide, m.meet.Rec.Session)
	total := 0
	for _, v := range plan {
		total += v
	}
	say := func(what string, spent time.Duration, budget int) string {
		text, over := session.Pace(spent, budget)
		if over {
			return st.Warn.Render(what + " " + text)
		}
		return st.Muted.Render(what + " " + text)
	}
	var parts []string
	if k := m.meet.Kind(); k != "" {
		parts = append(parts, say("part", m.meet.Clock.Spent(k), plan[k]))
	}
	parts = append(parts, say(m.words().Clock, m.meet.Clock.Total(), total))
	return strings.Join(parts, st.Muted.Render(" · "))
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
