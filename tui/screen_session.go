package tui

import (
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
		return m.typeInField(msg)
	}
	return m, cmd
}

// typeInField gives a key or a paste to the one-line question on screen,
// and makes the page and the note box again: the field of the meeting's
// length is drawn in the note box, the answer's on the revisit page.
func (m sessionModel) typeInField(msg tea.Msg) (sessionModel, tea.Cmd) {
	var cmd tea.Cmd
	m.input, cmd = updateInput(m.input, msg)
	m.refresh(false)
	return m, cmd
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
