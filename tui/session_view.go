package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func (m sessionModel) setSize(w, h int) (sessionModel, tea.Cmd) {
	m.width, m.height = w, h
	m.lay = computeLayout(w, h)
	m.vp.Width = w - 2
	m.vp.Height = m.lay.body
	if m.editing {
		m.ta.SetWidth(m.lay.noteWidth)
		m.ta.SetHeight(m.lay.noteLines)
	}
	if m.form != nil {
		m.form.setWidth(m.lay.noteWidth)
	}
	m.refresh(false)
	return m, m.ensureRendered()
}

// ensureRendered asks for the guide at the current width unless the cache
// has it.
func (m sessionModel) ensureRendered() tea.Cmd {
	if m.width == 0 {
		return nil
	}
	if _, ok := m.cache[m.lay.text]; ok {
		return nil
	}
	return renderGuide(m.rec.Session.ID, m.guide, m.pages, m.lay.text, m.ctx.cfg.GlamourStyle)
}

func newNoteArea(ctx *context, l layout) textarea.Model {
	ta := textarea.New()
	if ctx.cfg.ReduceMotion {
		ta.Cursor.SetMode(cursor.CursorStatic)
	}
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.MaxHeight = 0
	ta.CharLimit = 0
	ta.Placeholder = "Type here. esc when done: it is saved as you type."
	ta.SetWidth(l.noteWidth)
	ta.SetHeight(l.noteLines)
	return ta
}

// refresh rebuilds the strings View joins: the body for the page and the
// note box. top scrolls the body back to its start (a new page).
func (m *sessionModel) refresh(top bool) {
	if m.width == 0 {
		return
	}
	p := m.page()
	var body string
	switch p.Kind {
	case pageRequests:
		body = m.requestsView()
	case pageCommitments:
		body = m.commitmentsView()
	case pageRevisit:
		body = m.revisitView()
	case pageSummary:
		body = summaryText(m.guide, &m.rec, m.leader, m.ctx.styles, m.lay.text)
	default:
		body = m.rendered(p)
	}
	m.vp.SetContent(body)
	if top {
		m.vp.GotoTop()
	}
	if m.outline {
		m.showOutline()
	}
	m.noteView = m.buildNoteView()
}

// rendered is the cached glamour output for a guide page, or a quiet line
// while it is being rendered.
func (m sessionModel) rendered(p page) string {
	if p.Kind == pageContentNote {
		return m.contentNoteView()
	}
	pages := m.cache[m.lay.text]
	if pages == nil {
		if m.renderErr != nil {
			return m.ctx.styles.Error.Render("The guide could not be shown: " + m.renderErr.Error())
		}
		return m.ctx.styles.Muted.Render("Preparing the guide…")
	}
	if m.leader {
		if s, ok := pages[p.Key+leaderSuffix]; ok {
			return s
		}
	}
	return pages[p.Key]
}

func (m sessionModel) contentNoteView() string {
	st := m.ctx.styles
	meta := m.guide.Meta
	w := m.lay.text
	var b strings.Builder
	b.WriteString(st.Title.Render("Before we begin") + "\n\n")
	b.WriteString(lipgloss.NewStyle().Width(w).Render(strings.TrimSpace(meta.ContentNote)) + "\n\n")
	b.WriteString(st.Muted.Width(w).Render(meta.Title+" · "+meta.Source) + "\n")
	if meta.Attribution != "" {
		b.WriteString(st.Muted.Width(w).Render(meta.Attribution) + "\n")
	}
	who := "Who is here: not noted (w to note names or initials, if you like)"
	if a := m.rec.Session.Attendance; a != "" {
		who = "Who is here: " + a + " (w to change)"
	}
	b.WriteString("\n" + st.Muted.Width(w).Render(who) + "\n")
	return b.String()
}

// buildNoteView wraps the note for the page into its box.
func (m sessionModel) buildNoteView() string {
	st := m.ctx.styles
	p := m.page()
	switch p.Kind {
	case pageContentNote:
		w := m.lay.noteWidth
		third := st.Selected.Render("m") + "        " + m.planText()
		if m.who != nil {
			third = m.who.View()
		}
		if m.minutes != nil {
			third = m.minutes.View()
			if m.minutesErr != "" {
				third += " " + st.Warn.Render(m.minutesErr)
			}
		}
		choices := truncate(st.Selected.Render("→/enter")+"  the full guide", w) + "\n" +
			truncate(st.Selected.Render("g")+"        the gentler path: straight to reflection and prayer", w) + "\n" +
			truncate(third, w)
		return st.NoteTitle.Render("How shall we go on?") + "\n" +
			st.NoteBox.Width(m.lay.noteWidth+2).Height(m.lay.noteLines).Render(choices)
	case pageSummary:
		return st.NoteTitle.Render("That is the end of the guide.") + "\n" +
			st.NoteBox.Width(m.lay.noteWidth+2).Height(m.lay.noteLines).Render(
				"Everything above is saved. e exports it; q quits; ← goes back.")
	}
	if m.form != nil {
		return "" // the form draws itself in View
	}
	label := m.noteLabel()
	if m.canMarkPrayed() && p.Kind == pageSection {
		if _, ok := m.rec.Session.Prayed[m.guide.Parts[p.Part].Sections[p.Section].ID]; ok {
			label += "  " + st.Done.Render("✓ prayed")
		} else {
			label += "  " + st.Muted.Render("○ not yet prayed (p)")
		}
	}
	text := m.rec.Notes[m.noteKey()].Text
	if strings.TrimSpace(text) == "" {
		text = st.Muted.Render("Press enter to write " + m.noteNoun() + ".")
	} else {
		text = lastLines(lipgloss.NewStyle().Width(m.lay.noteWidth).Render(text), m.lay.noteLines)
	}
	box := st.NoteBox
	if m.leader {
		box = box.BorderForeground(DefaultTheme().Private)
	}
	return truncate(label, m.width-2) + "\n" + box.Width(m.lay.noteWidth+2).Height(m.lay.noteLines).Render(text)
}

func (m sessionModel) noteNoun() string {
	switch {
	case m.leader:
		return "your own note (only in the leader's view)"
	case m.page().Kind == pagePrompt:
		return "the group's response"
	default:
		return "the group's note"
	}
}

func (m sessionModel) noteLabel() string {
	st := m.ctx.styles
	switch {
	case m.leader:
		return st.Private.Bold(true).Render("Leader's note · private, never shown to the room")
	case m.page().Kind == pagePrompt:
		return st.NoteTitle.Render("The group's response")
	default:
		return st.NoteTitle.Render("The group's note")
	}
}

// indent pads every line by one column: the app's margin. It is what
// Styles.App does, without measuring every line again on every frame.
func indent(s string) string {
	return " " + strings.ReplaceAll(s, "\n", "\n ")
}

// lastLines keeps the last n lines of s, with a mark when it cut any.
func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	lines = lines[len(lines)-n:]
	lines[0] = "…"
	return strings.Join(lines, "\n")
}

// shortHelp is the footer's keys for what is on screen.
func (m sessionModel) shortHelp() []key.Binding {
	k := m.ctx.keys
	switch {
	case m.form != nil:
		return m.form.shortHelp()
	case m.editing:
		return []key.Binding{k.StopEdit, k.View, k.Interrupt}
	case m.outline:
		return []key.Binding{k.Up, k.Down, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go there")), m.ctx.keys.Close}
	case m.search != nil:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "find")), k.StopEdit}
	}
	p := m.page()
	switch p.Kind {
	case pageContentNote:
		return []key.Binding{k.Full, k.Gentle, k.Minutes, k.Who, k.Help, k.Quit}
	case pageSummary:
		return []key.Binding{k.Back, k.Export, k.View, k.Up, k.Down, k.Help, k.Quit}
	case pageRevisit:
		return []key.Binding{k.Next, k.Back, k.Praying, k.Answered, k.Archive, k.View, k.Help}
	case pageRequests, pageCommitments:
		b := []key.Binding{k.Next, k.Back, k.Add}
		if p.Kind == pageRequests {
			b = append(b, k.Prayed)
		}
		return append(b, k.Edit, k.View, k.Help, k.Quit)
	}
	b := []key.Binding{k.Next, k.Back, k.Edit}
	if m.canMarkPrayed() {
		b = append(b, k.Prayed)
	}
	return append(b, k.View, k.Help, k.Quit)
}

// fullHelp is every key of the session screen, for ?.
func (m sessionModel) fullHelp() [][]key.Binding {
	k := m.ctx.keys
	return [][]key.Binding{
		{k.Next, k.Back, k.Edit, k.StopEdit},
		{k.View, k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Prayed, k.Add, k.Private, k.Gentle, k.Minutes, k.Who},
		{k.Silence, k.Outline, k.Search, k.NextMatch, k.Export},
		{k.Praying, k.Answered, k.Archive},
		{k.Pause, k.Resources, k.Help, k.Quit, k.Interrupt},
	}
}

func (m sessionModel) status() string {
	st := m.ctx.styles
	saved := m.saveStatus()
	if t := m.silenceStatus(); t != "" {
		saved += st.Muted.Render(" · ") + t
	}
	if m.search != nil {
		return m.search.View()
	}
	if m.notice != "" {
		saved += st.Muted.Render(" · ") + st.Warn.Render(m.notice)
	}
	if m.findStatus != "" {
		saved += st.Muted.Render(" · ") + st.Selected.Render(m.findStatus)
	}
	if m.detailed() && m.saveErr == nil {
		saved += st.Muted.Render(" · Anyone may step out at any time. space pauses the screen.")
	}
	return saved
}

// detailed reports whether the page shows a section the guide marks as
// detailed about the abuse itself.
func (m sessionModel) detailed() bool {
	p := m.page()
	if p.Part < 0 || p.Section < 0 {
		return false
	}
	part := m.guide.Parts[p.Part]
	return m.guide.IsDetailed(part.Sections[p.Section], part.Kind)
}

func (m sessionModel) saveStatus() string {
	st := m.ctx.styles
	switch {
	case m.saveErr != nil:
		return st.Error.Render("Not saved yet: " + m.saveErr.Error() + ". vigil keeps trying; your text is still here.")
	case m.saving || m.tickPending:
		return st.Status.Render("saving…")
	default:
		return st.Status.Render("✓ saved")
	}
}

func (m sessionModel) view() string {
	var note string
	switch {
	case m.form != nil:
		note = m.form.view()
	case m.editing:
		box := m.ctx.styles.NoteActive
		if m.leader {
			box = box.BorderForeground(DefaultTheme().Private)
		}
		note = m.noteLabel() + "\n" + box.Render(m.ta.View())
	default:
		note = m.noteView
	}
	return indent(m.head + m.vp.View() + "\n" + note + "\n" + m.foot)
}
