package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"vigil/session"
	"vigil/store"
)

func (m sessionModel) setSize(w, h int) (sessionModel, tea.Cmd) {
	m.width, m.height = w, h
	m.lay = computeLayout(w, h)
	m.vp.SetWidth(w - 2)
	m.vp.SetHeight(m.lay.body)
	switch m.mode {
	case modeEditing:
		m.ta.SetWidth(m.lay.noteWidth)
		m.ta.SetHeight(m.lay.noteLines + 2)
	case modeForm:
		m.form.setWidth(m.lay.noteWidth)
	}
	m.refresh(false)
	return m, m.ensureRendered()
}

// ensureRendered asks for the guide at the current width unless the cache
// has it. It renders the pages of the full path, which hold those of the
// gentler one, so that changing the path needs no new rendering.
func (m sessionModel) ensureRendered() tea.Cmd {
	if m.width == 0 {
		return nil
	}
	if _, ok := m.cache[m.lay.text]; ok {
		return nil
	}
	g := m.meet.Guide
	return renderGuide(m.meet.ID(), g, session.BuildPages(g, store.PathFull), m.lay.text, m.ctx.glamur)
}

// restyled drops the guide text rendered in the old theme, so that the
// next SetSize renders it again in the new one.
func (m sessionModel) restyled() sessionModel {
	if m.cache != nil {
		m.cache = map[int]map[string]string{}
	}
	m.renderErr = nil
	return m
}

func newNoteArea(ctx *context, l layout) textarea.Model {
	ta := textarea.New()
	if ctx.cfg.ReduceMotion {
		st := ta.Styles()
		st.Cursor.Blink = false
		ta.SetStyles(st)
	}
	ta.SetVirtualCursor(false) // the terminal's own cursor; see cursor()
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
	case session.PageRequests:
		body = m.requestsView()
	case session.PageCommitments:
		body = m.commitmentsView()
	case session.PageRevisit:
		body = m.revisitView()
	case session.PageSummary:
		body = summaryText(session.Capture(m.meet.Rec, m.meet.Guide, m.audience()), m.ctx.styles, m.lay.text)
	default:
		body = m.rendered(p)
	}
	m.vp.SetContent(body)
	if top {
		m.vp.GotoTop()
	}
	if m.mode == modeOutline {
		m.showOutline()
	}
	m.noteView = m.buildNoteView()
}

// rendered is the cached glamour output for a guide page, or a quiet line
// while it is being rendered.
func (m sessionModel) rendered(p session.Page) string {
	if p.Kind == session.PageContentNote {
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
		if s, ok := pages[p.Key+session.LeaderSuffix]; ok {
			return s
		}
	}
	return pages[p.Key]
}

func (m sessionModel) contentNoteView() string {
	st := m.ctx.styles
	meta := m.meet.Guide.Meta
	w := m.lay.text
	var b strings.Builder
	b.WriteString(st.Title.Render("Before we begin") + "\n\n")
	b.WriteString(lipgloss.NewStyle().Width(w).Render(strings.TrimSpace(meta.ContentNote)) + "\n\n")
	b.WriteString(st.Muted.Width(w).Render(meta.Title+" · "+meta.Source) + "\n")
	if meta.Attribution != "" {
		b.WriteString(st.Muted.Width(w).Render(meta.Attribution) + "\n")
	}
	who := "Who is here: not noted (w to note names or initials, if you like)"
	if a := m.meet.Rec.Session.Attendance; a != "" {
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
	case session.PageContentNote:
		w := m.lay.noteWidth
		third := st.Selected.Render("m") + "        " + m.planText()
		switch m.mode {
		case modeWho:
			third = m.input.View()
		case modeMinutes:
			third = m.input.View()
			if m.inputErr != "" {
				third += " " + st.Warn.Render(m.inputErr)
			}
		}
		choices := truncate(st.Selected.Render("→/enter")+"  the full guide", w) + "\n" +
			truncate(st.Selected.Render("g")+"        the gentler path: straight to reflection and prayer", w) + "\n" +
			truncate(third, w)
		return st.NoteTitle.Render("How shall we go on?") + "\n" +
			st.NoteBox.Width(m.lay.noteWidth+4).Height(m.lay.noteLines+2).Render(choices)
	case session.PageSummary:
		return st.NoteTitle.Render("That is the end of the guide.") + "\n" +
			st.NoteBox.Width(m.lay.noteWidth+4).Height(m.lay.noteLines+2).Render(
				"Everything above is saved. e exports it; q quits; ← goes back.")
	}
	label := m.noteLabel()
	if m.meet.OnGuideRequest() {
		if m.meet.GuideRequestPrayed() {
			label += "  " + st.Done.Render("✓ prayed")
		} else {
			label += "  " + st.Muted.Render("○ not yet prayed (p)")
		}
	}
	text := m.meet.Note(m.leader).Text
	if strings.TrimSpace(text) == "" {
		text = st.Muted.Render("Press enter to write " + m.noteNoun() + ".")
	} else {
		text = lastLines(lipgloss.NewStyle().Width(m.lay.noteWidth).Render(text), m.lay.noteLines)
	}
	box := st.NoteBox
	if m.leader {
		box = box.BorderForeground(m.ctx.styles.PrivateBorder)
	}
	return truncate(label, m.width-2) + "\n" + box.Width(m.lay.noteWidth+4).Height(m.lay.noteLines+2).Render(text)
}

func (m sessionModel) noteNoun() string {
	switch {
	case m.leader:
		return "your own note (only in the leader's view)"
	case m.page().Kind == session.PagePrompt:
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
	case m.page().Kind == session.PagePrompt:
		return st.NoteTitle.Render("The group's response")
	default:
		return st.NoteTitle.Render("The group's note")
	}
}

// ShortHelp is the footer's keys for what is on screen.
func (m sessionModel) ShortHelp() []key.Binding {
	k := m.ctx.keys
	switch m.mode {
	case modeForm:
		return m.form.ShortHelp()
	case modeEditing:
		return []key.Binding{k.StopEdit, k.Interrupt}
	case modeOutline:
		return []key.Binding{k.Up, k.Down, withHelp(k.Confirm, "enter", "go there"), k.Close}
	case modeSearch:
		return []key.Binding{withHelp(k.Confirm, "enter", "find"), k.Cancel}
	case modeMinutes:
		return []key.Binding{withHelp(k.Confirm, "enter", "share the time"), k.Cancel}
	case modeWho, modeAnswering:
		return []key.Binding{withHelp(k.Confirm, "enter", "keep"), withHelp(k.StopEdit, "esc", "keep")}
	case modeTimer:
		return append(append([]key.Binding(nil), k.SilenceFor...), withHelp(k.Cancel, "esc", "none"))
	}
	p := m.page()
	switch p.Kind {
	case session.PageContentNote:
		return []key.Binding{k.Full, k.Gentle, k.Minutes, k.Who, k.Help, k.Quit}
	case session.PageSummary:
		return []key.Binding{k.Back, k.Export, k.View, k.Up, k.Down, k.Help, k.Quit}
	case session.PageRevisit:
		return append([]key.Binding{k.Next, k.Back}, append(m.revisitKeys(), k.View, k.Help)...)
	case session.PageRequests, session.PageCommitments:
		b := []key.Binding{k.Next, k.Back, k.Add}
		if p.Kind == session.PageRequests {
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

// FullHelp is every key of the session screen, for ?.
func (m sessionModel) FullHelp() [][]key.Binding {
	k := m.ctx.keys
	return [][]key.Binding{
		{k.Next, k.Back, k.Edit, k.StopEdit},
		{k.View, k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Prayed, k.Add, k.Private, k.Gentle, k.Minutes, k.Who},
		{k.Silence, k.Outline, k.Search, k.NextMatch, k.Export},
		{k.Praying, k.Answered, k.Archive, k.Ongoing, k.Done, k.LetGo},
		{k.Pause, k.Resources, k.Help, k.Quit, k.Interrupt},
	}
}

func (m sessionModel) status() string {
	st := m.ctx.styles
	if m.mode == modeSearch {
		return m.input.View()
	}
	saved := m.saveStatus()
	if t := m.silenceStatus(); t != "" {
		saved += st.Muted.Render(" · ") + t
	}
	if m.notice != "" {
		saved += st.Muted.Render(" · ") + st.Warn.Render(m.notice)
	}
	if m.findStatus != "" {
		saved += st.Muted.Render(" · ") + st.Selected.Render(m.findStatus)
	}
	if m.meet.Detailed() && m.save.err == nil {
		saved += st.Muted.Render(" · Anyone may step out at any time. space pauses the screen.")
	}
	return saved
}

func (m sessionModel) view() string {
	var note string
	switch m.mode {
	case modeForm:
		note = m.form.view()
	case modeEditing:
		box := m.ctx.styles.NoteActive
		if m.leader {
			box = box.BorderForeground(m.ctx.styles.PrivateBorder)
		}
		note = m.noteLabel() + "\n" + box.Render(m.ta.View())
	default:
		note = m.noteView
	}
	return indent(m.head + m.vp.View() + "\n" + note + "\n" + m.foot)
}

// cursor is where the terminal's cursor goes: in the note being written,
// offset by where view draws the editor (the margin, the page above, the
// label, the box's border and padding). nil hides it.
func (m sessionModel) cursor() *tea.Cursor {
	if m.mode != modeEditing {
		return nil
	}
	c := m.ta.Cursor()
	if c == nil {
		return nil
	}
	above := strings.Count(m.head, "\n") + strings.Count(m.vp.View(), "\n") + 1 + // the page
		strings.Count(m.noteLabel(), "\n") + 1 // the label
	c.Y += above + 1 // the box's top border
	c.X += 1 + 1 + 1 // indent's margin, the border, the padding
	return c
}
