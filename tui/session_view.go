package tui

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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
		m.ta = own(m.ta)
		m.ta.SetWidth(m.lay.noteWidth)
		m.ta.SetHeight(m.lay.noteLines) // as newNoteArea: the box's border is around it
	case modeForm:
		m.form = own(m.form)
		m.form.setWidth(m.lay.noteWidth)
	case modeMinutes, modeWho, modeSearch, modeAnswering:
		m.input = own(m.input)
		fitInput(m.input, m.inputWidth())
	}
	m.refresh(false)
	return m, m.ensureRendered()
}

// inputWidth is the width of the one-line question's text in the mode
// the screen is in: where the screen draws it, and how much room is left.
func (m sessionModel) inputWidth() int {
	switch m.mode {
	case modeSearch:
		return m.width - 24 // the status line
	case modeAnswering:
		return m.lay.noteWidth - 34 // beside the question, on the revisit page
	case modeWho:
		return m.lay.noteWidth - 16 // in the content note's box
	}
	return 6 // minutes: three figures
}

// ensureRendered asks for the guide at the current width unless the cache
// has it. It renders the pages of the full path, which hold those of the
// gentler one, so that changing the path needs no new rendering.
func (m sessionModel) ensureRendered() tea.Cmd {
	if m.width == 0 {
		return nil
	}
	if _, ok := m.cache[m.lay.text]; ok {
		return nil // rendered, or being rendered
	}
	m.cache[m.lay.text] = nil // being rendered: a second size message of the same width asks for nothing more
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
	case session.PageClosing:
		body = m.closingView()
	case session.PageCheckIn:
		body = m.checkInView()
	case session.PageDebrief:
		body = m.debriefView()
	default:
		body = m.rendered(p)
	}
	// Lines wider than the screen wrap rather than being cut unseen.
	m.vp.SetContent(ansi.Wrap(body, m.vp.Width(), ""))
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
	if p.Key == m.page().Key && m.meet.HidesText() {
		return m.headlineView(p)
	}
	pages := m.cache[m.lay.text]
	if pages == nil {
		if m.renderErr != nil {
			return m.ctx.styles.Error.Render("The guide could not be shown: " + session.Clean(m.renderErr.Error()))
		}
		return m.ctx.styles.Muted.Render("Preparing the guide…")
	}
	if m.guideNotes() {
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
	b.WriteString(lipgloss.NewStyle().Width(w).Render(strings.TrimSpace(session.Clean(meta.ContentNote))) + "\n\n")
	b.WriteString(st.Muted.Width(w).Render(session.OneLine(meta.Title)+" · "+session.OneLine(meta.Source)) + "\n")
	if meta.Attribution != "" {
		b.WriteString(st.Muted.Width(w).Render(session.OneLine(meta.Attribution)) + "\n")
	}
	b.WriteString("\n" + st.Selected.Render("H") + " " + st.Muted.Width(w-2).Render("shows help and report resources at any time.") + "\n")
	if !m.meet.Alone() {
		who := "Who is here: not noted (w to note names or initials, if you like)"
		if a := m.meet.Rec.Session.Attendance; a != "" {
			who = "Who is here: " + session.OneLine(a) + " (w to change)"
		}
		b.WriteString("\n" + st.Muted.Width(w).Render(who) + "\n")
	}
	if f := m.meet.FollowUp(m.audience()); f != "" {
		b.WriteString("\n" + st.PrivateTitle.Render(session.FollowUpLabel) + "\n")
		b.WriteString(st.Private.Width(w).Render(f) + "\n")
	}
	if m.guideNotes() {
		if r, ok := m.cache[w][session.KeyContentNote+session.LeaderSuffix]; ok {
			b.WriteString("\n" + st.PrivateTitle.Render("For the leader") + st.Muted.Render(" (not shown in the shared view)") + "\n")
			b.WriteString(strings.TrimRight(r, "\n") + "\n")
		}
	}
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
	case session.PageClosing:
		return m.closeNoteView()
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
	text := session.Clean(m.meet.Note(m.leader).Text)
	passed := ""
	if !m.leader && m.meet.CanPass() && m.meet.Passed() {
		passed = st.Done.Render(m.words().Passed) + st.Muted.Render(" s takes that back.")
	}
	switch {
	case strings.TrimSpace(text) == "" && passed != "":
		text = passed
	case strings.TrimSpace(text) == "":
		hint := "Press enter to write " + m.noteNoun() + "."
		if !m.leader && m.meet.CanPass() {
			if m.meet.Alone() {
				hint += " s passes: you do not have to answer."
			} else {
				hint += " s passes: nobody has to answer."
			}
		}
		text = st.Muted.Render(hint)
	default:
		lines := m.lay.noteLines
		if passed != "" {
			lines--
		}
		text = lastLines(lipgloss.NewStyle().Width(m.lay.noteWidth).Render(text), lines)
		if passed != "" {
			text = passed + "\n" + text
		}
	}
	box := st.NoteBox
	if m.leader {
		box = st.NoteBoxLeader
	}
	return truncate(label, m.width-2) + "\n" + box.Width(m.lay.noteWidth+4).Height(m.lay.noteLines+2).Render(text)
}

func (m sessionModel) noteNoun() string {
	switch {
	case m.page().Kind == session.PageDebrief:
		return "who may need a follow-up (only you see it)"
	case m.page().Kind == session.PageCheckIn && !m.leader:
		return "a word or two, if you like; it can stay empty"
	case m.leader:
		return "your own note (only in the leader's view)"
	case m.page().Kind == session.PagePrompt:
		return strings.ToLower(m.words().Response[:1]) + m.words().Response[1:]
	default:
		return strings.ToLower(m.words().Note[:1]) + m.words().Note[1:]
	}
}

func (m sessionModel) noteLabel() string {
	st := m.ctx.styles
	switch {
	case m.page().Kind == session.PageDebrief:
		return st.PrivateTitle.Render("Follow-up · private, carried to the group's next meeting for you")
	case m.leader:
		return st.PrivateTitle.Render("Leader's note · private, never shown to the room")
	case m.page().Kind == session.PagePrompt:
		return st.NoteTitle.Render(m.words().Response)
	default:
		return st.NoteTitle.Render(m.words().Note)
	}
}

func (m sessionModel) view() string {
	var note string
	switch m.mode {
	case modeForm:
		note = m.form.view(m.lay, m.audience())
	case modeEditing:
		box := m.ctx.styles.NoteActive
		if m.leader {
			box = m.ctx.styles.NoteActiveLeader
		}
		note = m.noteLabel() + "\n" + box.Render(m.ta.View())
	default:
		note = m.noteView
	}
	return indent(m.head + m.vp.View() + "\n" + note + "\n" + m.foot)
}

// cursor is where the terminal's cursor goes: in the field being typed
// in, offset by where view draws it (the margin, the page above, the
// note's label, the box's border and padding). nil hides it.
func (m sessionModel) cursor() *tea.Cursor {
	if !m.typing() {
		return nil
	}
	const margin, inBox = 1, 1 + 1 + 1 // indent's margin; and the box's border and padding
	top := strings.Count(m.head, "\n") // the page's first line
	note := top + m.vp.Height()        // the note's label or title: the viewport draws all its lines
	switch m.mode {
	case modeEditing:
		c := m.ta.Cursor()
		if c == nil {
			return nil
		}
		c.Y += note + strings.Count(m.noteLabel(), "\n") + 1 + 1 // the label, the box's top border
		c.X += inBox
		return c
	case modeMinutes, modeWho:
		if m.page().Kind != session.PageContentNote {
			return nil // only the content note asks them (buildNoteView)
		}
		// The third of the choices, under the title and the box's top border.
		return placeCursor(fieldCursor(m.input), inBox, note+1+1+2, m.lay.noteWidth)
	case modeSearch:
		// The status line, the first of the foot, under the note.
		return placeCursor(fieldCursor(m.input), margin, note+strings.Count(m.noteView, "\n")+1, m.width-2)
	case modeAnswering:
		row, ok := m.answerRow()
		if !ok {
			return nil
		}
		return placeCursor(fieldCursor(m.input), margin, top+row, m.vp.Width())
	case modeForm:
		return placeCursor(m.form.cursor(m.audience()), margin, note, m.width-2)
	}
	return nil
}
