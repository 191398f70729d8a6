package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/timer"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"vigil/guides"
	"vigil/store"
)

// sessionModel walks a group through one guide, page by page, and keeps
// what the leader types in its record. Writes leave through saveCmd.
type sessionModel struct {
	ctx    *context
	guide  *guides.Guide
	rec    store.Record
	pages  []page
	cur    int
	leader bool // the leader's view; the shared view when false

	editing bool
	ta      textarea.Model
	vp      viewport.Model
	form    *itemForm
	sel     int // the selected item on a list page

	width, height int
	lay           layout
	cache         map[int]map[string]string // width → page key → rendered
	noteView      string                    // the note box, wrapped, made in Update
	head, foot    string                    // header and footer, made in Update

	outline    bool
	outlineSel int
	search     *textinput.Model // the search prompt, when open
	query      string           // the last search
	findStatus string
	notice     string // shown until the first move (the guide changed since)

	carry       []store.GroupRequest // the group's requests from earlier sessions
	carryLoaded bool
	carryErr    error
	pendingKey  string                     // a position to go back to once the pages are whole
	touched     map[uint64]map[uint64]bool // carried requests changed, for the final save
	answering   *textinput.Model           // the line on how a request was answered

	clk           clock // time spent per part
	ticks         int
	minutes       *textinput.Model // asking the meeting's length, when not nil
	minutesErr    string
	who           *textinput.Model // asking who is here, when not nil
	choosingTimer bool
	silence       timer.Model
	silenceOn     bool
	silenceEnded  bool

	dirty       dirty
	tickPending bool
	saving      bool
	saveErr     error
	renderErr   error
}

func newSession(ctx *context, o *Opened) sessionModel {
	rec := o.Record
	if rec.Notes == nil {
		rec.Notes = map[string]store.Note{}
	}
	if rec.Session.Path == "" {
		rec.Session.Path = store.PathFull
	}
	m := sessionModel{
		ctx:   ctx,
		guide: o.Guide,
		rec:   rec,
		pages: buildPages(o.Guide, rec.Session.Path),
		cache: map[int]map[string]string{},
		vp:    viewport.New(0, 0),
	}
	m.vp.KeyMap = viewport.KeyMap{} // keys are ours; see scroll()
	m.cur = indexOf(m.pages, rec.Session.Position.Page)
	m.notice = o.Notice
	if rec.Session.Position.Page == keyRevisit {
		m.pendingKey = keyRevisit // the step comes back when its requests are read
	}
	now := ctx.now()
	m.clk = newClock(rec.Session, now).show(m.kindOf(m.page()), now)
	return m
}

func (m sessionModel) page() page { return m.pages[m.cur] }

// noteKey is the key of the note the current view writes on this page: the
// group's note in the shared view, the leader's own in the leader's view.
func (m sessionModel) noteKey() string {
	if m.leader {
		return m.page().Key + leaderSuffix
	}
	return m.page().Key
}

func (m sessionModel) noteKind() store.NoteKind {
	switch {
	case m.leader:
		return store.NoteLeader
	case m.page().Kind == pagePrompt:
		return store.NoteResponse
	default:
		return store.NoteSection
	}
}

// hasNote reports whether the current page takes a note.
func (m sessionModel) hasNote() bool {
	switch m.page().Kind {
	case pageSection, pagePrompt, pageRequests, pageCommitments, pageRevisit:
		return true
	}
	return false
}

// typing reports whether keys are text right now.
func (m sessionModel) typing() bool {
	return m.editing || m.form != nil || m.minutes != nil || m.search != nil || m.answering != nil || m.who != nil
}

// update handles a message, then remakes the header and footer strings so
// that View only joins them.
func (m sessionModel) update(msg tea.Msg) (sessionModel, tea.Cmd) {
	m.clk = m.clk.advance(m.ctx.now())
	m, cmd := m.handle(msg)
	if m.width > 0 {
		m.head = m.header()
		m.foot = truncate(m.status(), m.width-2) + "\n" + shortHelpLine(m.ctx.styles, m.shortHelp(), m.width-2)
	}
	return m, cmd
}

func (m sessionModel) handle(msg tea.Msg) (sessionModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.setSize(msg.Width, msg.Height)
	case renderedMsg:
		if msg.sessionID != m.rec.Session.ID {
			return m, nil
		}
		if msg.err != nil {
			m.renderErr = msg.err
			return m, nil
		}
		m.cache[msg.width] = msg.pages
		m.refresh(false)
		return m, nil
	case saveTickMsg:
		m.tickPending = false
		return m.startSave()
	case savedMsg:
		m.saving = false
		m.saveErr = msg.err
		if msg.err != nil {
			m.dirty.merge(m.rec.Session.ID, msg.changes)
		}
		if !m.dirty.empty() {
			return m.scheduleSave()
		}
		return m, nil
	case clockTickMsg:
		if msg.sessionID != m.rec.Session.ID {
			return m, nil
		}
		m.ticks++
		next := clockTick(m.rec.Session.ID)
		if m.ticks%spentSaveEvery == 0 {
			m.dirty.session = true
			m2, save := m.scheduleSave()
			return m2, tea.Batch(next, save)
		}
		return m, next
	case carryMsg:
		if msg.sessionID == m.rec.Session.ID {
			m = m.takeCarry(msg)
		}
		return m, nil
	case timer.TickMsg, timer.StartStopMsg, timer.TimeoutMsg:
		return m.updateSilence(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	if m.editing {
		var cmd tea.Cmd
		m.ta, cmd = m.ta.Update(msg)
		return m, cmd
	}
	if m.form != nil {
		var cmd tea.Cmd
		*m.form, cmd = m.form.update(msg)
		return m, cmd
	}
	return m, nil
}

func (m sessionModel) handleKey(msg tea.KeyMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	if m.form != nil {
		return m.updateForm(msg)
	}
	if m.minutes != nil {
		return m.updateMinutes(msg)
	}
	if m.search != nil {
		return m.updateSearch(msg)
	}
	if m.who != nil {
		return m.updateWho(msg)
	}
	if m.answering != nil {
		return m.updateAnswer(msg)
	}
	if m.outline {
		return m.updateOutline(msg)
	}
	m.findStatus = ""
	if m.choosingTimer {
		m.choosingTimer = false
		for _, n := range silenceChoices {
			if msg.String() == strconv.Itoa(n) {
				return m.startSilence(n)
			}
		}
		return m, nil
	}
	if m.editing {
		if key.Matches(msg, k.StopEdit) {
			m.editing = false
			m.ta.Blur()
			m.refresh(false)
			return m.scheduleSave()
		}
		var cmd tea.Cmd
		m.ta, cmd = m.ta.Update(msg)
		m.setNote(m.ta.Value())
		m2, save := m.scheduleSave()
		return m2, tea.Batch(cmd, save)
	}
	p := m.page()
	if p.Kind == pageRevisit {
		if m2, cmd, done := m.updateRevisitKey(msg); done {
			return m2, cmd
		}
	}
	switch {
	case p.Kind == pageContentNote && key.Matches(msg, k.Gentle):
		return m.choosePath(store.PathGentle)
	case p.Kind == pageContentNote && key.Matches(msg, k.Full):
		return m.choosePath(store.PathFull)
	case p.Kind == pageContentNote && key.Matches(msg, k.Minutes):
		return m.openMinutes()
	case p.Kind == pageContentNote && key.Matches(msg, k.Who):
		return m.openWho()
	case key.Matches(msg, k.Outline):
		return m.openOutline()
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.NextMatch) && m.query != "":
		return m.findNext(m.cur)
	case key.Matches(msg, k.Silence):
		if m.silenceOn {
			m.silenceOn = false
			return m, m.silence.Stop()
		}
		m.choosingTimer = true
		m.silenceEnded = false
		return m, nil
	case key.Matches(msg, k.Next):
		return m.move(+1)
	case key.Matches(msg, k.Back):
		return m.move(-1)
	case key.Matches(msg, k.View):
		m.leader = !m.leader
		m.clampSel()
		m.refresh(false)
		return m, nil
	case key.Matches(msg, k.Edit) && m.hasNote():
		return m.startEditing()
	case key.Matches(msg, k.Prayed) && m.canMarkPrayed():
		return m.togglePrayed()
	case key.Matches(msg, k.Add) && (p.Kind == pageRequests || p.Kind == pageCommitments):
		f := newItemForm(m.ctx, p.Kind == pageRequests, m.lay.noteWidth)
		m.form = &f
		m.refresh(false)
		return m, m.form.focus()
	case m.isList() && key.Matches(msg, k.Up):
		m.sel--
		m.clampSel()
		m.refresh(false)
		return m, nil
	case m.isList() && key.Matches(msg, k.Down):
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
func (m *sessionModel) scroll(msg tea.KeyMsg) {
	k := m.ctx.keys
	switch {
	case key.Matches(msg, k.Up):
		m.vp.LineUp(1)
	case key.Matches(msg, k.Down):
		m.vp.LineDown(1)
	case key.Matches(msg, k.PageUp):
		m.vp.HalfViewUp()
	case key.Matches(msg, k.PageDown):
		m.vp.HalfViewDown()
	}
}

func (m sessionModel) isList() bool {
	k := m.page().Kind
	return k == pageRequests || k == pageCommitments || k == pageRevisit
}

func (m sessionModel) canMarkPrayed() bool {
	p := m.page()
	if p.Kind == pageRequests {
		return len(m.visibleRequests()) > 0
	}
	return p.Kind == pageSection && m.guide.Parts[p.Part].Kind == guides.KindPrayer
}

// choosePath sets the way through the guide from the content note.
func (m sessionModel) choosePath(path store.Path) (sessionModel, tea.Cmd) {
	if path != m.rec.Session.Path {
		m.rec.Session.Path = path
		m.pages = withRevisit(buildPages(m.guide, path), len(m.carry) > 0)
	}
	m.cur = 0
	return m.move(+1)
}

// move goes to the next or previous page and records the position.
func (m sessionModel) move(delta int) (sessionModel, tea.Cmd) {
	next := m.cur + delta
	if next < 0 || next >= len(m.pages) {
		return m, nil
	}
	m.cur = next
	m.sel = 0
	m.notice = ""
	m.silenceEnded = false
	m.clk = m.clk.show(m.kindOf(m.page()), m.ctx.now())
	s := &m.rec.Session
	s.Position = store.Position{Stage: stageOf(m.page()), Page: m.page().Key}
	s.Total = len(m.pages)
	if m.cur+1 > s.Seen {
		s.Seen = m.cur + 1
	}
	m.dirty.session = true
	m.refresh(true)
	return m.scheduleSave()
}
