package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"vigil/session"
)

// Notes and marks: what the leader writes or marks on a page goes into
// the meeting at once, and its changes to the saver.

func (m sessionModel) startEditing() (sessionModel, tea.Cmd) {
	m.ta = newNoteArea(m.ctx, m.lay)
	m.ta.SetValue(m.meet.Note(m.leader).Text)
	m.mode = modeEditing
	m.refresh(false)
	return m, m.ta.Focus()
}

// updateNote types into the note; esc stops editing (the note is saved as
// it is typed).
func (m sessionModel) updateNote(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	if key.Matches(msg, m.ctx.keys.StopEdit) {
		m.mode = modeBrowse
		m.ta.Blur()
		m.refresh(false)
		return m.scheduleSave()
	}
	var cmd tea.Cmd
	m.ta, cmd = m.ta.Update(msg)
	m, save := m.queue(m.meet.SetNote(m.leader, m.ta.Value(), m.ctx.now()))
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
