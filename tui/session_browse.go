package tui

// Reading the session's pages: the keys while no field is typed in, and
// the moves they make.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"vigil/session"
	"vigil/store"
)

// browse handles a key while the page is read.
func (m sessionModel) browse(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	p := m.page()
	if p.Kind == session.PageRevisit {
		if m2, cmd, done := m.revisitKey(msg); done {
			return m2, cmd
		}
	}
	switch {
	case p.Kind == session.PageContentNote && key.Matches(msg, k.Gentle):
		return m.choosePath(store.PathGentle)
	case p.Kind == session.PageContentNote && key.Matches(msg, k.Full):
		if m.moreBelow() && !key.Matches(msg, k.Edit) {
			m.vp.PageDown() // the rest of the note first; enter chooses now
			return m, nil
		}
		return m.choosePath(store.PathFull)
	case p.Kind == session.PageContentNote && key.Matches(msg, k.Minutes):
		return m.openMinutes()
	case p.Kind == session.PageContentNote && key.Matches(msg, k.Who) && !m.meet.Alone():
		return m.openWho()
	case key.Matches(msg, k.Outline):
		return m.openOutline()
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.NextMatch) && m.query != "":
		return m.findNext(m.meet.Cur)
	case key.Matches(msg, k.Silence):
		return m.toggleSilence()
	case key.Matches(msg, k.Next):
		if m.moreBelow() {
			// Nothing unseen: the rest of the text comes before the
			// next page.
			m.vp.PageDown()
			return m, nil
		}
		return m.move(+1)
	case key.Matches(msg, k.Back):
		return m.move(-1)
	case key.Matches(msg, k.View) && !m.oneView():
		return m.switchView()
	case key.Matches(msg, k.Reveal) && m.meet.HidesText():
		m.meet.Reveal() // the room's page follows it
		m.refresh(true)
		return m, nil
	case key.Matches(msg, k.Pass) && m.meet.CanPass():
		cs := m.meet.TogglePass(m.ctx.now())
		m.refresh(false)
		return m.queue(cs)
	case key.Matches(msg, k.Edit) && p.HasNote():
		return m.startEditing()
	case key.Matches(msg, k.Prayed) && m.canMarkPrayed():
		return m.togglePrayed()
	case (p.Kind == session.PageRequests || p.Kind == session.PageCommitments) && m.isItemKey(msg):
		return m.itemKey(msg) // session_lists.go: add, edit, delete, private
	case p.IsList() && key.Matches(msg, k.Up):
		m.sel--
		m.clampSel()
		m.refresh(false)
		return m, nil
	case p.IsList() && key.Matches(msg, k.Down):
		m.sel++
		m.clampSel()
		m.refresh(false)
		return m, nil
	}
	m.scroll(msg)
	return m, nil
}

// scroll moves the guide text; it is the only thing the arrow keys do on a
// page that is not a list.
func (m *sessionModel) scroll(msg tea.KeyPressMsg) {
	scrollKeys(&m.vp, m.ctx.keys, msg)
}

func (m sessionModel) canMarkPrayed() bool {
	if m.page().Kind == session.PageRequests {
		return len(m.meet.RequestsIn(m.audience())) > 0
	}
	return m.meet.OnGuideRequest()
}

// choosePath sets the way through the guide from the content note and
// goes on to its first page.
func (m sessionModel) choosePath(path store.Path) (sessionModel, tea.Cmd) {
	cs := m.meet.ChoosePath(path, m.ctx.now())
	m = m.moved()
	return m.queue(cs)
}

// moreBelow reports whether the page's text goes on below the screen.
func (m sessionModel) moreBelow() bool {
	return m.vp.TotalLineCount() > m.vp.Height() && !m.vp.AtBottom()
}

// move goes to the next (+1) or previous (-1) page the view on screen
// shows: the shared view steps over the leader's debrief.
func (m sessionModel) move(delta int) (sessionModel, tea.Cmd) {
	cs, ok := m.meet.MoveIn(m.audience(), delta, m.ctx.now())
	if !ok {
		return m, nil
	}
	m = m.moved()
	return m.queue(cs)
}

// switchView turns between the shared view and the leader's. The shared
// view never shows a leader-only page: leaving the leader's view there
// goes back to the page the shared view shows.
func (m sessionModel) switchView() (sessionModel, tea.Cmd) {
	m.leader = !m.leader
	var cmd tea.Cmd
	if !m.page().ShownIn(m.audience()) {
		want := m.meet.PageIn(m.audience()).Key
		m, cmd = m.goTo(session.IndexOf(m.meet.Pages, want))
	}
	m.clampSel()
	m.refresh(false)
	return m, cmd
}

// goTo shows page i and records the position; nothing happens past
// either end.
func (m sessionModel) goTo(i int) (sessionModel, tea.Cmd) {
	cs, ok := m.meet.GoTo(i, m.ctx.now())
	if !ok {
		return m, nil
	}
	m = m.moved()
	return m.queue(cs)
}

// moved resets what belongs to the page left behind.
func (m sessionModel) moved() sessionModel {
	m.sel = 0
	m.notice = ""
	m.silence.ended = false
	m.refresh(true)
	return m
}

// clampSel keeps the selected row on the list.
func (m *sessionModel) clampSel() {
	n := 0
	switch m.page().Kind {
	case session.PageRequests:
		n = len(m.meet.RequestsIn(m.audience()))
	case session.PageCommitments:
		n = len(m.meet.Rec.Commitments)
	case session.PageRevisit:
		n = len(m.revisitRows())
	}
	m.sel = clamp(m.sel, 0, max(0, n-1))
}
