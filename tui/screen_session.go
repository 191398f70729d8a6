package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/timer"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"vigil/session"
	"vigil/store"
)

// mode is what the session screen is doing with keys. One mode at a time,
// so that which one wins is written once: handleKey, typing, ShortHelp
// and view all switch on it.
type mode int

const (
	modeBrowse    mode = iota + 1 // reading the page: keys move, mark and open
	modeEditing                   // typing the note
	modeForm                      // the add form of a request or commitment
	modeMinutes                   // asking the meeting's length
	modeWho                       // asking who is here
	modeSearch                    // the search prompt
	modeAnswering                 // how a carried request was answered
	modeOutline                   // the outline, to jump
	modeTimer                     // choosing the silence timer's length
)

// typing reports whether keys are text in this mode.
func (md mode) typing() bool {
	switch md {
	case modeEditing, modeForm, modeMinutes, modeWho, modeSearch, modeAnswering:
		return true
	}
	return false
}

// sessionModel walks a group through one guide, page by page. The meeting
// itself (pages, record, clock, what earlier meetings left) is a
// session.Meeting; this model holds only what the screen needs besides.
type sessionModel struct {
	ctx  *context
	meet session.Meeting
	// leader is the leader's view of a group's meeting; false for the
	// shared view, and always false for one person alone, whose one view
	// (session.Meeting.Views) writes their own notes.
	leader bool
	mode   mode
	// revealed is true once r showed the text of a request the gentler
	// path shows by its headline only; a move hides it again.
	revealed bool

	// The fields below are pointers so that the model, copied on every
	// message, stays small (a bubbles textarea is 15 KB); they are copied
	// before they are changed (own), so a copy of the model never changes
	// when this one does.
	ta         *textarea.Model  // the note, in modeEditing
	input      *textinput.Model // the one-line question of modeMinutes, modeWho, modeSearch, modeAnswering
	inputErr   string           // why the answer was refused (modeMinutes)
	limitErr   string           // why typed text was refused (over session.MaxText); see saveStatus
	removed    bool             // an item was deleted: its text lingers in the file until it is compacted
	form       *itemForm        // modeForm
	outlineSel int              // modeOutline
	vp         viewport.Model
	sel        int // the selected row on a list page

	width, height int
	lay           layout
	cache         map[int]map[string]string // width → page key → rendered
	noteView      string                    // the note box, wrapped, made in Update
	head, foot    string                    // header and footer, made in Update

	query      string // the last search
	findStatus string
	notice     string // shown until the first move (the guide changed since)

	ticks     int
	silence   silence
	save      saveState
	renderErr error
}

func newSession(ctx *context, o *session.Opened) sessionModel {
	m := sessionModel{
		ctx:    ctx,
		meet:   session.Open(o, ctx.now()),
		mode:   modeBrowse,
		cache:  map[int]map[string]string{},
		vp:     viewport.New(),
		notice: o.Notice,
	}
	m.vp.KeyMap = viewport.KeyMap{} // keys are ours; see scroll()
	return m
}

// start is what a newly opened session asks for: the clock's tick and
// what the group's earlier meetings left open.
func (m sessionModel) start() tea.Cmd {
	return tea.Batch(clockTick(m.meet.ID()), loadCarry(m.ctx.cfg.Store, m.meet.Rec.Session))
}

func (m sessionModel) page() session.Page { return m.meet.Page() }

// audience is the view the screen shows: the room's, or the leader's;
// alone, the one private view.
func (m sessionModel) audience() session.View {
	if m.leader {
		return session.Leader
	}
	return m.meet.Views()[0]
}

// words are the words the screens speak with: to a group, or to one
// person alone.
func (m sessionModel) words() session.Words { return m.meet.Words() }

// oneView reports whether the session has a single view (one person
// alone): no tab, no badge, no leader's view.
func (m sessionModel) oneView() bool { return len(m.meet.Views()) == 1 }

// guideNotes reports whether the screen shows the guide's notes for the
// leader.
func (m sessionModel) guideNotes() bool { return m.meet.GuideLeaderNotesIn(m.audience()) }

// typing reports whether keys are text right now.
func (m sessionModel) typing() bool { return m.mode.typing() }

// SetSize lays the screen out for a window.
func (m sessionModel) SetSize(w, h int) (sessionModel, tea.Cmd) {
	m, cmd := m.setSize(w, h)
	m.remake()
	return m, cmd
}

// update handles a message, then remakes the header and footer strings so
// that View only joins them.
func (m sessionModel) update(msg tea.Msg) (sessionModel, tea.Cmd) {
	m.meet.Tick(m.ctx.now())
	m, cmd := m.handle(msg)
	m.remake()
	return m, cmd
}

func (m *sessionModel) remake() {
	if m.width > 0 {
		m.head = m.header()
		m.foot = truncate(m.status(), m.width-2) + "\n" + shortHelpLine(m.ctx.styles, m.ShortHelp(), m.width-2)
	}
}

func (m sessionModel) handle(msg tea.Msg) (sessionModel, tea.Cmd) {
	id := m.meet.ID()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.setSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	case renderedMsg:
		if msg.sessionID != id {
			return m, nil
		}
		if msg.style != m.ctx.glamur {
			return m, nil // rendered before the theme changed; the new one is on its way
		}
		if msg.err != nil {
			m.renderErr = msg.err
			delete(m.cache, msg.width) // not being rendered any more
			return m, nil
		}
		m.cache[msg.width] = msg.pages
		m.refresh(false)
		return m, nil
	case saveTickMsg:
		if msg.sessionID != id {
			return m, nil
		}
		return m.startSave()
	case savedMsg:
		if msg.sessionID != id {
			return m, nil
		}
		return m.saved(msg.err)
	case clockTickMsg:
		if msg.sessionID != id {
			return m, nil
		}
		return m.clockTicked()
	case carryMsg:
		if msg.sessionID == id {
			m.meet.TakeCarry(msg.carry, msg.err)
			m.clampSel()
			m.refresh(false)
		}
		return m, nil
	case timer.TickMsg, timer.StartStopMsg, timer.TimeoutMsg:
		return m.updateSilence(msg)
	}
	// Anything else (a cursor's blink) belongs to the field being typed in.
	var cmd tea.Cmd
	switch m.mode {
	case modeEditing:
		var ta textarea.Model
		ta, cmd = m.ta.Update(msg)
		m.ta = &ta
	case modeForm:
		var f itemForm
		f, cmd = m.form.update(msg)
		m.form = &f
	case modeMinutes, modeWho, modeSearch, modeAnswering:
		m.input, cmd = updateInput(m.input, msg)
	}
	return m, cmd
}

// handleKey gives a key to the mode the screen is in.
func (m sessionModel) handleKey(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	switch m.mode {
	case modeForm:
		return m.updateForm(msg)
	case modeMinutes:
		return m.updateMinutes(msg)
	case modeSearch:
		return m.updateSearch(msg)
	case modeWho:
		return m.updateWho(msg)
	case modeAnswering:
		return m.updateAnswer(msg)
	case modeOutline:
		return m.updateOutline(msg)
	}
	m.findStatus = ""
	switch m.mode {
	case modeTimer:
		return m.chooseSilence(msg)
	case modeEditing:
		return m.updateNote(msg)
	}
	return m.browse(msg)
}

// paste gives pasted text, or a burst of typed text (see asText), to the
// field being typed in, through the same checks and the same saving as a
// key: given to the field alone, it would be shown but not kept.
func (m sessionModel) paste(msg tea.PasteMsg) (sessionModel, tea.Cmd) {
	var cmd tea.Cmd
	switch m.mode {
	case modeEditing:
		return m.typeInNote(msg)
	case modeForm:
		switch m.form.stage {
		case stageAsk:
			// As when typing starts: the request is private, and the
			// paste starts its text.
			m.form = own(m.form)
			m.form.private, m.form.stage = true, stageText
			focus := m.form.focus()
			m, cmd = m.typeInForm(msg)
			return m, tea.Batch(focus, cmd)
		case stageText:
			return m.typeInForm(msg)
		}
	case modeWho:
		return m.typeInWho(msg)
	case modeMinutes, modeSearch, modeAnswering:
		m.input, cmd = updateInput(m.input, msg)
		// As after a key (updateMinutes, updateAnswer): the field is
		// drawn in the note box or the page, which are made here.
		m.refresh(false)
	}
	return m, cmd
}

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
	case key.Matches(msg, k.Reveal) && p.Headline && !m.revealed:
		m.revealed = true
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
	k := m.ctx.keys
	switch {
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.vp.HalfPageUp()
	case key.Matches(msg, k.PageDown):
		m.vp.HalfPageDown()
	}
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
	m.revealed = false
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

// final is everything to write when the program ends, an add form still
// open included.
func (m sessionModel) final() []store.Change {
	if m.mode == modeForm {
		m, cs, _ := m.submitForm()
		return append(cs, m.meet.Final(m.ctx.now())...)
	}
	return m.meet.Final(m.ctx.now())
}
