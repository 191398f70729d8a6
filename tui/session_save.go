package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"vigil/store"
)

// Saving a session: edits are gathered for a moment and written by a
// command, one batch at a time; what is still on screen when the program
// ends is the final flush.

// scheduleSave makes sure a save runs soon. Edits within saveDelay of each
// other go out together.
func (m sessionModel) scheduleSave() (sessionModel, tea.Cmd) {
	if m.tickPending || m.dirty.empty() {
		return m, nil
	}
	m.tickPending = true
	id := m.rec.Session.ID
	return m, tea.Tick(m.ctx.cfg.SaveDelay, func(time.Time) tea.Msg { return saveTickMsg{sessionID: id} })
}

// startSave sends what is dirty to the store, one write at a time.
func (m sessionModel) startSave() (sessionModel, tea.Cmd) {
	if m.saving || m.dirty.empty() {
		return m, nil
	}
	m.rec.Session.Spent = m.clk.seconds()
	cs := append([]store.Change{changeOf(&m.rec, m.dirty)}, m.otherChanges(m.dirty.others)...)
	m.dirty = dirty{}
	m.saving = true
	return m, saveCmd(m.ctx.cfg.Saver, m.rec.Session.ID, cs)
}

// record is the session's record with anything still in an open form
// added, for the final flush.
func (m sessionModel) record() *store.Record {
	if m.form != nil {
		m, _ = m.submitForm()
	}
	m.clk = m.clk.advance(m.ctx.now())
	m.rec.Session.Spent = m.clk.seconds()
	return &m.rec
}

// final is everything to write when the program ends: the whole record, and
// every request of an earlier session the revisit step changed.
func (m sessionModel) final() []store.Change {
	return append([]store.Change{fullChange(m.record())}, m.otherChanges(m.touched)...)
}
