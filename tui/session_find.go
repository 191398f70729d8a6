package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/session"
)

// The outline (o) lists every page to jump to; search (/) finds text in
// the guide, and N goes to the next match. Both are the most asked-for
// ways through a long guide.

// outlinePages are the indexes of the pages the outline lists: those the
// view on screen shows (the shared view never lists the debrief).
func (m sessionModel) outlinePages() []int {
	return session.PagesIn(m.meet.Pages, m.audience())
}

// outlineLines are the rows of the outline, one a page, with the part
// titles as they begin (once, when a section has its part's title).
func (m sessionModel) outlineLines() []string {
	st := m.ctx.styles
	var out []string
	prev := -2
	for _, i := range m.outlinePages() {
		p := m.meet.Pages[i]
		label := m.pageTitle(p)
		if p.Part >= 0 && p.Part != prev && p.Section >= 0 {
			if part := session.OneLine(m.meet.Guide.Parts[p.Part].Title); !strings.HasPrefix(label, part) {
				label = part + " · " + label
			}
		}
		prev = p.Part
		line := fmt.Sprintf("%2d  %s", i+1, label)
		switch {
		case i == m.outlineSel:
			line = st.Selected.Render("› " + line)
		case i == m.meet.Cur:
			line = "• " + line
		default:
			line = "  " + line
		}
		out = append(out, truncate(line, m.width-4))
	}
	return out
}

// pageTitle names a page in a few words.
func (m sessionModel) pageTitle(p session.Page) string {
	switch p.Kind {
	case session.PageContentNote:
		return "Content note"
	case session.PageRequests:
		return m.words().Requests
	case session.PageCommitments:
		return m.words().Commitments
	case session.PageSummary:
		return "Summary"
	case session.PageRevisit:
		return "From earlier meetings"
	case session.PageClosing:
		return "Closing"
	case session.PageCheckIn:
		return "Check-in"
	case session.PageDebrief:
		return "Debrief"
	}
	if p.Part < 0 || p.Section < 0 {
		return "Page"
	}
	sec := m.meet.Guide.Parts[p.Part].Sections[p.Section]
	if p.Kind == session.PagePrompt {
		return fmt.Sprintf("%s · prompt %d", session.OneLine(sec.Title), p.Prompt+1)
	}
	return session.OneLine(sec.Title)
}

func (m sessionModel) openOutline() (sessionModel, tea.Cmd) {
	m.mode = modeOutline
	m.outlineSel = m.meet.Cur
	m.showOutline()
	return m, nil
}

// showOutline puts the outline in the body, the selected row in view.
func (m *sessionModel) showOutline() {
	m.vp.SetContent(strings.Join(m.outlineLines(), "\n"))
	row := 0
	for n, i := range m.outlinePages() {
		if i == m.outlineSel {
			row = n
		}
	}
	if row < m.vp.YOffset() || row >= m.vp.YOffset()+m.vp.Height() {
		m.vp.SetYOffset(max(0, row-m.vp.Height()/2))
	}
}

func (m sessionModel) updateOutline(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	switch {
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		shown := m.outlinePages()
		at := 0
		for n, i := range shown {
			if i == m.outlineSel {
				at = n
			}
		}
		if key.Matches(msg, k.Up) {
			at = max(0, at-1)
		} else {
			at = min(len(shown)-1, at+1)
		}
		m.outlineSel = shown[at]
	case key.Matches(msg, k.Confirm):
		m.mode = modeBrowse
		return m.goTo(m.outlineSel)
	case key.Matches(msg, k.StopEdit), key.Matches(msg, k.Outline): // q quits, as everywhere (App.globalKey)
		m.mode = modeBrowse
		m.refresh(false)
		return m, nil
	}
	m.showOutline()
	return m, nil
}

// pageText is what search looks in for a page: the section's title, text
// and prompts as the shared view shows them (never the leader's notes).
func (m sessionModel) pageText(p session.Page) string {
	if p.Part < 0 || p.Section < 0 {
		return m.pageTitle(p)
	}
	sec := m.meet.Guide.Parts[p.Part].Sections[p.Section]
	return sec.Title + "\n" + sec.Body + "\n" + strings.Join(sec.Prompts, "\n")
}

// matches are the pages whose text holds the query, in page order.
// Case is ignored, and so are runs of spaces.
func (m sessionModel) matches(query string) []int {
	q := strings.ToLower(strings.Join(strings.Fields(query), " "))
	if q == "" {
		return nil
	}
	var out []int
	for i, p := range m.meet.Pages {
		if strings.Contains(strings.ToLower(strings.Join(strings.Fields(m.pageText(p)), " ")), q) {
			out = append(out, i)
		}
	}
	return out
}

// nextMatch is the first matching page after the current one, wrapping
// round to the start; -1 when nothing matches.
func nextMatch(matches []int, cur int) int {
	for _, i := range matches {
		if i > cur {
			return i
		}
	}
	if len(matches) > 0 {
		return matches[0]
	}
	return -1
}

func (m sessionModel) openSearch() (sessionModel, tea.Cmd) {
	m.mode = modeSearch
	m.input = lineInput(m.ctx, "Search the guide: ", "a word or phrase", 100, m.inputWidth())
	return m, m.input.Focus()
}

func (m sessionModel) updateSearch(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.ctx.keys.Cancel):
		m.mode = modeBrowse
		return m, nil
	case key.Matches(msg, m.ctx.keys.Confirm):
		m.query = strings.TrimSpace(m.input.Value())
		m.mode = modeBrowse
		return m.findNext(m.meet.Cur - 1)
	}
	var cmd tea.Cmd
	m.input, cmd = updateInput(m.input, msg)
	return m, cmd
}

// findNext goes to the next page after from that matches the last query,
// and scrolls to the first line that holds it.
func (m sessionModel) findNext(from int) (sessionModel, tea.Cmd) {
	all := m.matches(m.query)
	i := nextMatch(all, from)
	if i < 0 {
		m.findStatus = fmt.Sprintf("No match for “%s”.", m.query)
		return m, nil
	}
	n := 1
	for j, p := range all {
		if p == i {
			n = j + 1
		}
	}
	m.findStatus = fmt.Sprintf("Match %d of %d for “%s” · N next", n, len(all), m.query)
	var cmd tea.Cmd
	if i != m.meet.Cur {
		m, cmd = m.goTo(i)
	}
	m.scrollTo(m.query)
	return m, cmd
}

// scrollTo brings the first line of the body that holds the text into view.
func (m *sessionModel) scrollTo(text string) {
	q := strings.ToLower(strings.Fields(text + " x")[0])
	for n, line := range strings.Split(m.rendered(m.page()), "\n") {
		if strings.Contains(strings.ToLower(ansi.Strip(line)), q) {
			m.vp.SetYOffset(max(0, n-1))
			return
		}
	}
}
