package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"vigil/store"
)

// Saving: every change the meeting makes is queued on the session.Saver at
// once (no I/O), and a moment later a command writes what has gathered, so
// that a burst of typing is one write. A failed write stays queued, and
// the next one tries it again.

// saveState is where the screen's saving stands, for the footer.
type saveState struct {
	tickPending bool  // a save is due
	saving      bool  // a save is running
	err         error // the last save failed
}

// queue hands changes to the saver and makes sure a save runs soon.
func (m sessionModel) queue(cs []store.Change) (sessionModel, tea.Cmd) {
	m.ctx.cfg.Saver.Queue(cs...)
	return m.scheduleSave()
}

// scheduleSave makes sure a save runs soon, when anything waits. After a
// failure it waits at least a second before trying again.
func (m sessionModel) scheduleSave() (sessionModel, tea.Cmd) {
	if m.save.tickPending || !m.ctx.cfg.Saver.Pending() {
		return m, nil
	}
	m.save.tickPending = true
	id, delay := m.meet.ID(), m.ctx.cfg.SaveDelay
	if m.save.err != nil {
		delay = max(delay, time.Second)
	}
	return m, tea.Tick(delay, func(time.Time) tea.Msg { return saveTickMsg{sessionID: id} })
}

// startSave writes what waits, one save at a time: a save due while
// another runs goes when that one ends.
func (m sessionModel) startSave() (sessionModel, tea.Cmd) {
	m.save.tickPending = false
	if m.save.saving {
		return m, nil
	}
	m.save.saving = true
	saver, id := m.ctx.cfg.Saver, m.meet.ID()
	return m, guard(func() tea.Msg { return savedMsg{sessionID: id, err: saver.Save()} })
}

// saved takes a save's end, and schedules the next when more waits (a
// failed save's changes among them).
func (m sessionModel) saved(err error) (sessionModel, tea.Cmd) {
	m.save.saving = false
	m.save.err = err
	return m.scheduleSave()
}

func (m sessionModel) saveStatus() string {
	st := m.ctx.styles
	switch {
	case m.save.err != nil:
		return st.Error.Render("Not saved yet: " + m.save.err.Error() + ". vigil keeps trying; your text is still here.")
	case m.save.saving || m.save.tickPending:
		return st.Status.Render("saving…")
	default:
		return st.Status.Render("✓ saved")
	}
}
