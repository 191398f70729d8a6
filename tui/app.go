// Package tui is vigil's terminal interface: a root model that shows one
// screen at a time (home, the prayer list, or a session) with a stack of
// modal dialogs over it, one keymap and one set of styles. The meeting's
// rules are the session package's; the screens only show them.
package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// state is the screen in front. The zero value is not a screen.
type state int

const (
	stateHome       state = iota + 1 // start or resume a session
	statePrayerList                  // every group's requests, from home
	stateSession                     // a session, page by page
)

// App is the root model.
type App struct {
	ctx     *context
	state   state
	home    homeModel
	plist   prayerList
	session sessionModel
	dialogs []dialog // modal screens, the last in front
	pauses  int      // counts pauses, so a tick of an earlier pause is dropped
	sized   tea.Cmd  // what laying out at Config's size asked for, given by Init

	width, height int
}

// New makes the root model.
func New(cfg Config) App {
	ctx := newContext(cfg)
	a := App{ctx: ctx, state: stateHome, home: newHome(ctx)}
	if cfg.Start != nil {
		a.session = newSession(ctx, cfg.Start)
		a.state = stateSession
	}
	if cfg.Width > 0 && cfg.Height > 0 {
		// Laid out now, the first frame bubbletea draws (right after
		// Init) is the screen itself, not a blank one waiting for the
		// size message.
		m, cmd := a.resize(cfg.Width, cfg.Height)
		a = m.(App)
		a.sized = afterFirstFrame(cmd)
	}
	return a
}

// firstFrameTime is how long the guide waits to be rendered when the
// program starts: rendering it takes some 30 ms of a core, and on 2 cores
// it competed with drawing the first screen and with the terminal taking
// it in (in tmux, 25 starts each: first screen 142 ms rendering at once,
// 128 ms waiting 60 ms). The first page needs none of it.
const firstFrameTime = 60 * time.Millisecond

// afterFirstFrame runs cmd once the first frame has had time to be drawn.
func afterFirstFrame(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		time.Sleep(firstFrameTime)
		return cmd()
	}
}

// Init starts the screen in front, and asks the terminal for its
// background when no theme was given. Nothing waits for the answer.
func (a App) Init() tea.Cmd {
	var ask tea.Cmd
	if a.ctx.cfg.AskBackground {
		ask = tea.RequestBackgroundColor
	}
	if a.state == stateSession {
		var open tea.Cmd
		if a.ctx.cfg.Room.Open {
			open = a.startRoom()
		}
		return tea.Batch(ask, a.sized, a.session.start(), open)
	}
	return tea.Batch(ask, a.sized, loadSessions(a.ctx.cfg.Store))
}

// update routes a message: global keys first, then the window size to
// every screen and dialog, then input to the dialog in front or else the
// screen, then results to their owner.
func (a App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if esc, k, ok := escThenKey(msg); ok {
		m, first := a.update(esc)
		m, then := m.(App).update(k)
		return m, tea.Batch(first, then)
	}
	msg = asText(msg)
	if a.width > 0 && tooSmall(a.width, a.height) {
		if a2, cmd, done := a.tooSmallInput(msg); done { // too_small.go
			return a2, cmd
		}
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		if a2, cmd, done := a.globalKey(km); done {
			return a2, cmd
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return a.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		return a.background(msg.IsDark())
	case tea.KeyPressMsg, tea.PasteMsg:
		if len(a.dialogs) > 0 {
			return a.updateTop(msg)
		}
		return a.updateScreen(msg)

	// Results, to their owners.
	case breathTickMsg, exportedMsg, exportPreviewMsg:
		return a.updateDialogs(msg)
	case openResourcesMsg:
		return a.push(newResourcesDialog(a.ctx, a.guide())), nil
	case roomOpenedMsg, roomIncomingMsg, roomClosedMsg, roomActMsg:
		return a.roomMsg(msg)
	case sessionsMsg:
		a.home, _ = a.home.update(msg)
		return a, nil
	case openedMsg:
		a.home = a.home.opened(msg.err)
		if msg.err != nil {
			return a, nil
		}
		a.session = newSession(a.ctx, msg.opened)
		a.state = stateSession
		var size tea.Cmd
		if a.width > 0 {
			a.session, size = a.session.SetSize(a.width, a.height)
		}
		return a, tea.Batch(size, a.session.start())
	case openPrayerListMsg:
		a.state = statePrayerList
		a.plist = newPrayerList(a.ctx, a.width, a.height)
		return a, loadPrayerList(a.ctx.cfg.Store)
	case prayerListMsg:
		a.plist, _ = a.plist.update(msg)
		return a, nil
	case goHomeMsg:
		a.state = stateHome
		return a, loadSessions(a.ctx.cfg.Store)
	}
	// Anything else (renders, saves, ticks, a cursor's blink) belongs to
	// the screen in front.
	return a.updateScreen(msg)
}

// globalKey handles the keys that mean the same everywhere: ctrl+c always;
// quit, help, pause, resources and export when no dialog is open and
// nothing is being typed. done is false for any other key.
func (a App) globalKey(msg tea.KeyPressMsg) (_ App, _ tea.Cmd, done bool) {
	k := a.ctx.keys
	if key.Matches(msg, k.Interrupt) {
		return a, tea.Quit, true
	}
	if len(a.dialogs) > 0 || a.typing() {
		return a, nil, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return a, tea.Quit, true
	case key.Matches(msg, k.Help):
		return a.push(newKeysDialog(a.ctx, a.fullHelp())), nil, true
	case key.Matches(msg, k.Pause):
		a.pauses++
		if a.state == stateSession {
			a.session.meet.Pause(a.ctx.now()) // a pause is not the part's time
		}
		d, cmd := newPauseDialog(a.ctx, a.pauses)
		return a.push(d), cmd, true
	case key.Matches(msg, k.Resources):
		return a.push(newResourcesDialog(a.ctx, a.guide())), nil, true
	case a.state == stateSession && key.Matches(msg, k.Room.Open):
		a, cmd := a.roomKey()
		return a, cmd, true
	case key.Matches(msg, k.Export):
		if s, ok := a.exportTarget(); ok {
			return a.push(newExportDialog(a.ctx, s, a.exportLeader())), nil, true
		}
	}
	return a, nil, false
}

// resize gives the window size to every screen and every dialog.
func (a App) resize(w, h int) (tea.Model, tea.Cmd) {
	a.width, a.height = w, h
	a.home = a.home.SetSize(w, h)
	a.plist = a.plist.SetSize(w, h)
	var cmd tea.Cmd
	if a.state == stateSession {
		a.session, cmd = a.session.SetSize(w, h)
	}
	dialogs := make([]dialog, len(a.dialogs))
	for i, d := range a.dialogs {
		dialogs[i] = d.SetSize(w, h)
	}
	a.dialogs = dialogs
	return a, cmd
}

// background takes the terminal's answer about its background: the styles
// are made again for it, and every screen and the guide text redrawn.
func (a App) background(dark bool) (tea.Model, tea.Cmd) {
	if !a.ctx.cfg.AskBackground || !a.ctx.setTheme(dark) {
		return a, nil
	}
	a.session = a.session.restyled()
	if a.width == 0 {
		return a, nil
	}
	return a.resize(a.width, a.height)
}

// updateScreen gives a message to the screen in front.
func (a App) updateScreen(msg tea.Msg) (App, tea.Cmd) {
	var cmd tea.Cmd
	switch a.state {
	case stateSession:
		a.session, cmd = a.session.update(msg)
	case statePrayerList:
		a.plist, cmd = a.plist.update(msg)
	default:
		a.home, cmd = a.home.update(msg)
	}
	return a, cmd
}

// exportTarget is the session the screen offers to export: the open
// session on its summary (with everything it holds queued to be written
// first), or the session chosen on the home screen.
func (a App) exportTarget() (store.Session, bool) {
	switch a.state {
	case stateSession:
		if a.session.page().Kind != session.PageSummary {
			return store.Session{}, false
		}
		a.ctx.cfg.Saver.Queue(a.session.final()...)
		return a.session.meet.Rec.Session, true
	case stateHome:
		return a.home.chosenSession()
	}
	return store.Session{}, false
}

// guide is the guide of the open session, or the first guide there is.
func (a App) guide() *guides.Guide {
	if a.state == stateSession {
		return a.session.meet.Guide
	}
	if len(a.ctx.cfg.Library.Guides) > 0 {
		return a.ctx.cfg.Library.Guides[0]
	}
	return nil
}

// typing reports whether keys are text on the screen in front.
func (a App) typing() bool {
	switch a.state {
	case stateSession:
		return a.session.typing()
	case stateHome:
		return a.home.starting
	}
	return false
}

// fullHelp is every key of the screen in front, for the keys dialog.
func (a App) fullHelp() [][]key.Binding {
	switch a.state {
	case stateSession:
		return a.session.FullHelp()
	case statePrayerList:
		return a.plist.FullHelp()
	}
	return a.home.FullHelp()
}

// view draws the dialog in front, or else the screen. It only joins
// strings made in Update.
func (a App) view() string {
	if a.width == 0 {
		return ""
	}
	if tooSmall(a.width, a.height) {
		return tooSmallView(a.width, a.height) // too_small.go
	}
	if d := a.top(); d != nil {
		return d.view()
	}
	switch a.state {
	case stateSession:
		return a.session.view()
	case statePrayerList:
		return a.plist.view()
	}
	return a.home.view()
}

// cursor is the terminal cursor of the text field in front, placed by the
// View; nil when nothing is being typed or a dialog covers the screen.
func (a App) cursor() *tea.Cursor {
	if a.width == 0 || tooSmall(a.width, a.height) || a.top() != nil {
		return nil
	}
	switch a.state {
	case stateSession:
		return a.session.cursor()
	case stateHome:
		return a.home.cursor()
	}
	return nil
}

// Final is everything to write when the program ends, for Saver.Close:
// the open session's whole record, an add form still open included (nil
// on the home screen).
func (a App) Final() []store.Change {
	if a.state != stateSession {
		return nil
	}
	return a.session.final()
}
