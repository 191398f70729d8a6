package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"vigil/store"
)

// Notes and marks: what the leader writes or marks on a page goes into the
// record at once; the saver takes it from there.

func (m sessionModel) startEditing() (sessionModel, tea.Cmd) {
	m.ta = newNoteArea(m.ctx, m.lay)
	m.ta.SetValue(m.rec.Notes[m.noteKey()].Text)
	m.editing = true
	m.refresh(false)
	return m, m.ta.Focus()
}

// setNote puts typed text into the record; the saver takes it from there.
func (m *sessionModel) setNote(text string) {
	k := m.noteKey()
	old, ok := m.rec.Notes[k]
	if ok && old.Text == text || !ok && text == "" {
		return
	}
	m.rec.Notes[k] = store.Note{Key: k, Kind: m.noteKind(), Text: text, Updated: m.ctx.now()}
	m.dirty.note(k)
}

// togglePrayed marks the guide's request on screen, or the selected
// request of the group, prayed (or not).
func (m sessionModel) togglePrayed() (sessionModel, tea.Cmd) {
	p := m.page()
	if p.Kind == pageRequests {
		vis := m.visibleRequests()
		i := vis[m.sel]
		m.rec.Requests[i].Prayed = !m.rec.Requests[i].Prayed
		m.dirty.request(m.rec.Requests[i].ID)
	} else {
		id := m.guide.Parts[p.Part].Sections[p.Section].ID
		if _, ok := m.rec.Session.Prayed[id]; ok {
			delete(m.rec.Session.Prayed, id)
		} else {
			if m.rec.Session.Prayed == nil {
				m.rec.Session.Prayed = map[string]time.Time{}
			}
			m.rec.Session.Prayed[id] = m.ctx.now()
		}
		m.dirty.session = true
	}
	m.refresh(false)
	return m.scheduleSave()
}
