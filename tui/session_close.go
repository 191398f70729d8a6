package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"vigil/session"
)

// The close of a session, before the summary: the closing (the guide's
// own, or vigil's blessing), the check-in with the help resources, and,
// in the leader's view of a group's meeting, the debrief. The words are
// session's, so that every front end says the same.

// closingView is the closing page: the guide's closing as glamour
// rendered it, or vigil's blessing, credited.
func (m sessionModel) closingView() string {
	st := m.ctx.styles
	w := m.lay.text
	var b strings.Builder
	b.WriteString(st.Title.Render("Closing") + "\n\n")
	text, vigils := session.Closing(m.meet.Guide.Meta.Closing)
	if r, ok := m.cache[w][session.KeyClosing]; ok && !vigils {
		b.WriteString(strings.TrimRight(r, "\n") + "\n")
	} else {
		b.WriteString(lipgloss.NewStyle().Width(w).Render(text) + "\n")
	}
	if vigils {
		b.WriteString(st.Muted.Render(session.VigilClosingCredit) + "\n")
	}
	return b.String()
}

// checkInView is the check-in page: the question, that nothing has to be
// said, and the help resources, someone to talk to first.
func (m sessionModel) checkInView() string {
	st := m.ctx.styles
	w := m.words()
	var b strings.Builder
	b.WriteString(st.Title.Render(w.CheckIn) + "\n\n")
	b.WriteString(lipgloss.NewStyle().Width(m.lay.text).Render(w.CheckInIntro()) + "\n\n")
	b.WriteString(resourcesText(session.HelpOf(m.meet.Guide), st, m.lay.text))
	return b.String()
}

// debriefView is the leader's debrief: a word of care, and the question
// its private note answers.
func (m sessionModel) debriefView() string {
	st := m.ctx.styles
	wrap := lipgloss.NewStyle().Width(m.lay.text)
	var b strings.Builder
	b.WriteString(st.Title.Render(session.DebriefTitle) + "\n\n")
	b.WriteString(wrap.Render(session.DebriefCare) + "\n\n")
	b.WriteString(st.Private.Render(wrap.Render(session.DebriefFollowUp)) + "\n")
	return b.String()
}

// headlineView is a prayer request the gentler path shows by its headline
// only: its title, and that its details are one key away.
func (m sessionModel) headlineView(p session.Page) string {
	st := m.ctx.styles
	sec := m.meet.Guide.Parts[p.Part].Sections[p.Section]
	return st.Title.Render(session.OneLine(sec.Title)) + "\n\n" +
		lipgloss.NewStyle().Width(m.lay.text).Render(session.HeadlineOnly+"; "+m.ctx.keys.Reveal.Help().Key+" reads them.") + "\n"
}

// closeNoteView is the box under a page of the close that takes no note
// (the closing): what comes next.
func (m sessionModel) closeNoteView() string {
	st := m.ctx.styles
	return st.NoteTitle.Render("What comes next") + "\n" +
		st.NoteBox.Width(m.lay.noteWidth+4).Height(m.lay.noteLines+2).Render(
			st.Muted.Render("Nothing to write here. → goes on to the check-in."))
}
