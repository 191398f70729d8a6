// Package tui is vigil's terminal interface: a root model that routes
// messages to one screen at a time (home, or a session), with one keymap and
// one set of styles.
package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"vigil/guides"
	"vigil/store"
)

// App is the root model.
type App struct {
	ctx       *context
	home      homeModel
	session   sessionModel
	inSession bool
	inList    bool // the prayer list, from home
	exp       *exportForm
	plist     prayerList
	showHelp  bool
	help      help.Model
	helpVP    viewport.Model // the keys screen, which scrolls on small windows

	paused    bool
	pausedAt  time.Time
	pauseN    int // counts pauses, so a tick of an earlier pause is dropped
	showRes   bool
	resources viewport.Model
	err       error // an error to show on the home screen

	width, height int
}

// New makes the root model.
func New(cfg Config) App {
	ctx := newContext(cfg)
	h := help.New()
	h.Styles.ShortKey = ctx.styles.Selected
	h.Styles.ShortDesc = ctx.styles.Help
	h.Styles.FullKey = ctx.styles.Selected
	h.Styles.FullDesc = ctx.styles.Help
	a := App{ctx: ctx, home: newHome(ctx), help: h, resources: viewport.New(0, 0)}
	a.resources.KeyMap = viewport.KeyMap{}
	if cfg.Start != nil {
		a.session = newSession(ctx, cfg.Start)
		a.inSession = true
	}
	return a
}

// Init loads the home screen's sessions.
func (a App) Init() tea.Cmd {
	if a.inSession {
		return tea.Batch(clockTick(a.session.rec.Session.ID), loadCarry(a.ctx.cfg.Store, a.session.rec.Session))
	}
	return loadSessions(a.ctx.cfg.Store)
}

// update routes a message: global keys first, then the window size to every
// screen, then input to the screen in front, then results to their owner.
func (a App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return a.handleKey(msg)
	case breathTickMsg:
		if a.paused && msg.pause == a.pauseN {
			return a, breathTick(a.pauseN)
		}
		return a, nil
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		var c1, c2 tea.Cmd
		a.home, c1 = a.home.update(msg)
		if a.inList {
			a.plist, _ = a.plist.update(msg)
		}
		a.resources.Width, a.resources.Height = msg.Width-2, msg.Height-2
		a.resources.SetContent(resourcesText(a.guide(), a.ctx.styles, msg.Width-2))
		if a.inSession {
			a.session, c2 = a.session.update(msg)
		}
		return a, tea.Batch(c1, c2)
	case openedMsg:
		a.home.busy = false
		if msg.err != nil {
			a.err = msg.err
			return a, nil
		}
		a.err = nil
		a.session = newSession(a.ctx, msg.opened)
		a.inSession = true
		return a, tea.Batch(a.resize(), clockTick(a.session.rec.Session.ID), loadCarry(a.ctx.cfg.Store, a.session.rec.Session))
	case sessionsMsg:
		a.home, _ = a.home.update(msg)
		return a, nil
	case openPrayerListMsg:
		a.inList = true
		a.plist = newPrayerList(a.ctx, a.width, a.height)
		return a, loadPrayerList(a.ctx.cfg.Store)
	case prayerListMsg:
		a.plist, _ = a.plist.update(msg)
		return a, nil
	case exportedMsg:
		if a.exp != nil {
			a.exp.busy, a.exp.done, a.exp.err = false, msg.path, msg.err
		}
		return a, nil
	}
	var cmd tea.Cmd
	if a.inSession {
		a.session, cmd = a.session.update(msg)
	} else {
		a.home, cmd = a.home.update(msg)
	}
	return a, cmd
}

// handleKey routes a key: quit and the screens that cover everything
// (resources, pause, keys) first, then the screen in front.
func (a App) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := a.ctx.keys
	typing := a.typing()
	switch {
	case key.Matches(msg, k.Interrupt):
		return a, tea.Quit
	case a.showRes:
		switch {
		case key.Matches(msg, k.Close):
			a.showRes = false
		case key.Matches(msg, k.Up):
			a.resources.LineUp(1)
		case key.Matches(msg, k.Down):
			a.resources.LineDown(1)
		case key.Matches(msg, k.PageUp):
			a.resources.HalfViewUp()
		case key.Matches(msg, k.PageDown):
			a.resources.HalfViewDown()
		}
		return a, nil
	case a.exp != nil:
		cmd, closed := a.exp.update(msg)
		if closed {
			a.exp = nil
		}
		return a, cmd
	case a.paused:
		if key.Matches(msg, k.Resources) {
			return a.openResources(), nil
		}
		a.paused = false
		a.session.clk = a.session.clk.start(a.ctx.now())
		return a, nil
	case a.showHelp:
		switch {
		case key.Matches(msg, k.Up):
			a.helpVP.LineUp(1)
		case key.Matches(msg, k.Down):
			a.helpVP.LineDown(1)
		default:
			a.showHelp = false
		}
		return a, nil
	case typing:
	case key.Matches(msg, k.Quit):
		return a, tea.Quit
	case key.Matches(msg, k.Help):
		return a.openHelp(), nil
	case key.Matches(msg, k.Pause):
		a.paused = true
		a.pausedAt = a.ctx.now()
		a.session.clk = a.session.clk.stop(a.pausedAt) // a pause is not the part's time
		a.pauseN++
		if a.ctx.cfg.ReduceMotion {
			return a, nil
		}
		return a, breathTick(a.pauseN)
	case key.Matches(msg, k.Resources):
		return a.openResources(), nil
	case key.Matches(msg, k.Export):
		if f := a.exportTarget(); f != nil {
			a.exp = f
			return a, nil
		}
	}
	var cmd tea.Cmd
	switch {
	case a.inSession:
		a.session, cmd = a.session.update(msg)
	case a.inList:
		if key.Matches(msg, k.StopEdit) {
			a.inList = false
			return a, loadSessions(a.ctx.cfg.Store)
		}
		a.plist, cmd = a.plist.update(msg)
	default:
		a.home, cmd = a.home.update(msg)
	}
	return a, cmd
}

// exportTarget is the export form for the session the screen offers: the
// open session on its summary, or the session chosen on the home screen.
func (a App) exportTarget() *exportForm {
	switch {
	case a.inSession && a.session.page().Kind == pageSummary:
		return newExportForm(a.ctx, a.session.rec.Session, a.session.final())
	case !a.inSession && !a.inList && !a.home.starting:
		items := a.home.items()
		if it := items[a.home.sel]; it.kind == itemSession {
			for _, s := range a.home.sessions {
				if s.ID == it.session {
					return newExportForm(a.ctx, s, nil)
				}
			}
		}
	}
	return nil
}

// guide is the guide of the open session, or the first guide there is.
func (a App) guide() *guides.Guide {
	if a.inSession {
		return a.session.guide
	}
	if len(a.ctx.cfg.Library.Guides) > 0 {
		return a.ctx.cfg.Library.Guides[0]
	}
	return nil
}

func (a App) openResources() App {
	a.showRes = true
	a.resources.SetContent(resourcesText(a.guide(), a.ctx.styles, a.width-2))
	a.resources.GotoTop()
	return a
}

// resize gives a newly opened screen the window size.
func (a *App) resize() tea.Cmd {
	if a.width == 0 {
		return nil
	}
	var cmd tea.Cmd
	a.session, cmd = a.session.update(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	return cmd
}

func (a App) typing() bool {
	if a.inSession {
		return a.session.typing()
	}
	return a.home.starting
}

// view draws the screen in front. It only joins strings made in Update.
func (a App) view() string {
	if a.width == 0 {
		return ""
	}
	if tooSmall(a.width, a.height) {
		return fmt.Sprintf("The terminal is too small for vigil: it is %d×%d and needs at least %d×%d.\nMake the window larger; everything is saved. Press q to quit.",
			a.width, a.height, minWidth, minHeight)
	}
	switch {
	case a.exp != nil:
		return lipglossPlace(a.width, a.height, a.exp.view(a.width))
	case a.showRes:
		return indent(a.resources.View()) + "\n " + shortHelpLine(a.ctx.styles,
			[]key.Binding{a.ctx.keys.Close, a.ctx.keys.Up, a.ctx.keys.Down, a.ctx.keys.PageDown}, a.width-2)
	case a.paused:
		return a.pauseView()
	case a.showHelp:
		return a.helpView()
	}
	if a.inSession {
		return a.session.view()
	}
	if a.inList {
		return a.plist.view()
	}
	body := a.home.view()
	if a.err != nil {
		body += "\n" + a.ctx.styles.Error.Render(sentence(a.err))
	}
	lines := strings.Count(body, "\n") + 1
	pad := strings.Repeat("\n", max(1, a.height-lines-1))
	return a.ctx.styles.App.Render(body + pad + shortHelpLine(a.ctx.styles, a.home.shortHelp(), a.width-2))
}

// openHelp lays the keys of the screen in front into a scrolling box.
func (a App) openHelp() App {
	groups := a.home.fullHelp()
	if a.inSession {
		groups = a.session.fullHelp()
	}
	st := a.ctx.styles
	w := min(a.width-6, 70)
	body := st.Title.Render("Keys") + st.Muted.Render(" · ↑/↓ scroll · any other key closes this") + "\n\n" +
		fullHelpView(a.help, groups) + "\n\n" +
		st.Muted.Width(w).Render("While you type, keys are text: esc stops editing, and the note is already saved.")
	a.helpVP = viewport.New(min(lipgloss.Width(body), a.width-6), min(lipgloss.Height(body), a.height-2))
	a.helpVP.KeyMap = viewport.KeyMap{}
	a.helpVP.SetContent(body)
	a.showHelp = true
	return a
}

func (a App) helpView() string {
	return indent(a.ctx.styles.Overlay.Render(a.helpVP.View()))
}

// Record is the open session with everything typed in it, including an add
// form still open, for the final save when the program ends. It is nil on
// the home screen.
func (a App) Record() *store.Record {
	if !a.inSession {
		return nil
	}
	return a.session.record()
}

// Final is everything to write when the program ends (nil on the home
// screen): cmd/vigil hands it to Saver.Flush.
func (a App) Final() []store.Change {
	if !a.inSession {
		return nil
	}
	return a.session.final()
}

// sentence makes an error one sentence with a capital and a full stop.
func sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
