package tui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"vigil/session"
)

// Notes and marks: what the leader writes or marks on a page goes into
// the meeting at once, and its changes to the saver.

func (m sessionModel) startEditing() (sessionModel, tea.Cmd) {
	ta := newNoteArea(m.ctx, m.lay)
	m.ta = &ta
	// The session's limit is in bytes and the editor counts runes: the
	// editor stops at MaxText runes, and the checked setter (updateNote)
	// refuses what is over MaxText bytes, so neither lets it past.
	m.ta.CharLimit = session.MaxText
	m.ta.SetStyles(plainNoteStyles(m.ta.Styles()))
	m.ta.SetValue(session.Clean(m.meet.Note(m.leader).Text)) // nothing stored reaches the terminal raw
	m.limitErr = ""
	m.mode = modeEditing
	m.refresh(false)
	return m, m.ta.Focus()
}

// updateNote types into the note; esc stops editing (the note is saved as
// it is typed).
func (m sessionModel) updateNote(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	if key.Matches(msg, m.ctx.keys.StopEdit) {
		m.mode = modeBrowse
		m.ta = own(m.ta)
		m.ta.Blur()
		m.refresh(false)
		return m.scheduleSave()
	}
	return m.typeInNote(msg)
}

// typeInNote gives a key or a paste to the editor (a burst of typed text
// comes as a paste too; see asText). What it changes goes into the meeting
// at once, to be saved; a paste that would go over the limit is refused
// whole with its sentence, where the editor would cut it short unseen.
func (m sessionModel) typeInNote(msg tea.Msg) (sessionModel, tea.Cmd) {
	before := m.ta.Value()
	if p, ok := msg.(tea.PasteMsg); ok && len(before)+len(p.Content) > session.MaxText {
		m.limitErr = session.Sentence((&session.TooLongError{What: "note", Len: len(before) + len(p.Content), Paste: true}).Error())
		return m, nil
	}
	ta, cmd := m.ta.Update(msg)
	m.ta = &ta // a new copy: changed below without changing the model before
	after := m.ta.Value()
	if after == before {
		if k, isKey := msg.(tea.KeyPressMsg); isKey && utf8.RuneCountInString(before) >= session.MaxText && startsText(k) { // the editor's CharLimit, in runes
			m.limitErr = session.Sentence((&session.TooLongError{What: "note", Len: len(before)}).Error())
		}
		return m, cmd
	}
	cs, err := m.meet.SetNoteChecked(m.leader, after, m.ctx.now())
	if err != nil {
		// Not accepted: the note stays as it was, and the status line
		// says why.
		m.ta.SetValue(before)
		m.limitErr = session.Sentence(err.Error())
		return m, cmd
	}
	m.limitErr = ""
	m, save := m.queue(cs)
	return m, tea.Batch(cmd, save)
}

// togglePrayed marks the guide's request on screen, or the selected
// request of the group, prayed (or not).
func (m sessionModel) togglePrayed() (sessionModel, tea.Cmd) {
	if m.page().Kind == session.PageRequests {
		vis := m.meet.RequestsIn(m.audience())
		m, cmd := m.queue(m.meet.ToggleRequestPrayed(vis[m.sel].ID))
		m.refresh(false)
		return m, cmd
	}
	m, cmd := m.queue(m.meet.ToggleGuidePrayed(m.ctx.now()))
	m.refresh(false)
	return m, cmd
}

// plainNoteStyles drops the editor's own line colours (the cursor line's
// background, the prompt's colour): the box around it is styled already,
// and a style with nothing set is drawn without work, which keeps a
// keystroke in a long note under a frame (BenchmarkKeystrokeAtLimit).
func plainNoteStyles(s textarea.Styles) textarea.Styles {
	plain := lipgloss.NewStyle()
	for _, st := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		st.Base, st.CursorLine, st.Text, st.Prompt, st.EndOfBuffer = plain, plain, plain, plain, plain
	}
	return s
}
