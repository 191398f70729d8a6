package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// recentSessions is how many sessions the home screen offers to resume.
const recentSessions = 8

// homeModel starts a new session or resumes a recent one.
type homeModel struct {
	ctx      *context
	sessions []store.Session
	groups   []store.GroupSummary
	loaded   bool
	err      error
	sel      int // index into items()

	starting bool
	alone    bool             // the new session is one person's reflection (tab)
	guide    int              // index into the library's guides
	group    *textinput.Model // a pointer, copied before it changes (own): the model stays small
	busy     bool             // a session is being opened
	openErr  error            // why the last session could not be opened

	width, height int
}

func newHome(ctx *context) homeModel {
	g := lineInput(ctx, "Group (optional): ", "for example Thursday group", 80, 40)
	return homeModel{ctx: ctx, group: g}
}

// loadSessions reads the recent sessions off the UI goroutine.
func loadSessions(st *store.Store) tea.Cmd {
	return guard(func() tea.Msg {
		s, err := st.Sessions(recentSessions)
		if err != nil {
			return sessionsMsg{err: err}
		}
		g, err := st.Groups()
		if err != nil {
			return sessionsMsg{sessions: s, err: err}
		}
		return sessionsMsg{sessions: s, groups: g}
	})
}

// createSession makes a new session in the store, off the UI goroutine.
func createSession(ctx *context, g *guides.Guide, group string, alone bool) tea.Cmd {
	return guard(func() tea.Msg {
		o, err := session.NewSession(ctx.cfg.Store, g, session.Start{Group: group, Alone: alone, Now: ctx.now()})
		return openedMsg{opened: o, err: err}
	})
}

// resumeSession loads a session and its guide, off the UI goroutine.
func resumeSession(ctx *context, id uint64) tea.Cmd {
	return guard(func() tea.Msg {
		o, err := session.ResumeStatus(ctx.cfg.Store, ctx.cfg.Library, id)
		return openedMsg{opened: o, err: err}
	})
}

// SetSize lays the screen out for a window.
func (h homeModel) SetSize(w, ht int) homeModel {
	h.width, h.height = w, ht
	h.group = own(h.group)
	h.group.SetWidth(max(10, w-24))
	return h
}

// opened takes the end of opening a session; only a failure stays here.
func (h homeModel) opened(err error) homeModel {
	h.busy = false
	h.openErr = err
	return h
}

func (h homeModel) update(msg tea.Msg) (homeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionsMsg:
		h.loaded, h.sessions, h.groups, h.err = true, msg.sessions, msg.groups, msg.err
		h.sel = clamp(h.sel, 0, len(h.items())-1)
	case tea.KeyPressMsg:
		if h.busy {
			return h, nil
		}
		if h.starting {
			return h.updateStart(msg)
		}
		k := h.ctx.keys
		items := h.items()
		switch {
		case key.Matches(msg, k.Up):
			h.sel = clamp(h.sel-1, 0, len(items)-1)
		case key.Matches(msg, k.Down):
			h.sel = clamp(h.sel+1, 0, len(items)-1)
		case key.Matches(msg, k.Open):
			it := items[h.sel]
			switch it.kind {
			case itemNew, itemGroup, itemGuide:
				if it.kind == itemGuide {
					h.guide = it.guide
				}
				h.starting = true
				h.group = own(h.group)
				h.group.SetValue(session.Clean(it.group)) // stored text, never raw to the terminal
				h.group.CursorEnd()
				return h, h.group.Focus()
			case itemPrayerList:
				return h, func() tea.Msg { return openPrayerListMsg{} }
			case itemSession:
				h.busy = true
				return h, resumeSession(h.ctx, it.session)
			}
		}
	default:
		if h.starting {
			var cmd tea.Cmd
			h.group, cmd = updateInput(h.group, msg)
			return h, cmd
		}
	}
	return h, nil
}

func (h homeModel) updateStart(msg tea.KeyPressMsg) (homeModel, tea.Cmd) {
	k := h.ctx.keys
	n := len(h.ctx.cfg.Library.Guides)
	switch {
	case key.Matches(msg, k.StopEdit):
		h.starting = false
		h.group = own(h.group)
		h.group.Blur()
		return h, nil
	case key.Matches(msg, k.Confirm):
		if n == 0 {
			return h, nil
		}
		h.busy = true
		group := strings.TrimSpace(h.group.Value())
		if h.alone {
			group = ""
		}
		return h, createSession(h.ctx, h.ctx.cfg.Library.Guides[h.guide], group, h.alone)
	case key.Matches(msg, k.View):
		// tab: alone, or with a group.
		h.alone = !h.alone
		h.group = own(h.group)
		if h.alone {
			h.group.Blur()
			return h, nil
		}
		return h, h.group.Focus()
	case key.Matches(msg, k.ArrowUp) && n > 1:
		h.guide = (h.guide + n - 1) % n
		return h, nil
	case key.Matches(msg, k.ArrowDown) && n > 1:
		h.guide = (h.guide + 1) % n
		return h, nil
	}
	var cmd tea.Cmd
	h.group, cmd = updateInput(h.group, msg)
	return h, cmd
}

// ShortHelp is the footer's keys.
func (h homeModel) ShortHelp() []key.Binding {
	k := h.ctx.keys
	if h.starting {
		b := []key.Binding{withHelp(k.Confirm, "enter", "begin"), withHelp(k.View, "tab", "alone/with a group")}
		if len(h.ctx.cfg.Library.Guides) > 1 {
			b = append(b, withHelp(k.Arrows, "↑/↓", "guide"))
		}
		return append(b, k.Cancel, k.Interrupt)
	}
	b := []key.Binding{k.Up, k.Down, k.Open}
	if items := h.items(); h.sel < len(items) && items[h.sel].kind == itemSession {
		b = append(b, k.Export)
	}
	return append(b, k.Help, k.Quit)
}

// FullHelp is every key of the home screen, for ?.
func (h homeModel) FullHelp() [][]key.Binding {
	k := h.ctx.keys
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.Export}, {k.Pause, k.Resources, k.Help, k.Quit, k.Interrupt}}
}

// view draws the screen, its footer at the bottom of the window.
func (h homeModel) view() string {
	body := h.body()
	if h.openErr != nil {
		body += "\n" + h.ctx.styles.Error.Render(truncateWords(session.Sentence(h.openErr.Error()), h.width-4))
	}
	lines := strings.Count(body, "\n") + 1
	pad := strings.Repeat("\n", max(1, h.height-lines-1))
	return h.ctx.styles.App.Render(body + pad + shortHelpLine(h.ctx.styles, h.ShortHelp(), h.width-2))
}

func (h homeModel) body() string {
	st := h.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("vigil") + st.Muted.Render(" · a prayer guide for groups and for one") + "\n\n")
	if h.starting {
		b.WriteString(h.startView())
		return b.String()
	}
	switch {
	case h.err != nil:
		b.WriteString(st.Error.Render(truncateWords("The sessions could not be read: "+session.Sentence(h.err.Error()), h.width-4)) + "\n")
	case !h.loaded:
		b.WriteString(st.Muted.Render("Reading your sessions…") + "\n")
	}
	b.WriteString(strings.Join(h.itemLines(), "\n") + "\n")
	if p := h.ctx.cfg.Store.BackupProblem(); p != "" {
		b.WriteString("\n" + st.Warn.Width(max(20, h.width-4)).Render(session.Sentence(session.OneLine(p))) + "\n")
	}
	if n := len(h.ctx.cfg.Library.Broken); n > 0 {
		say := session.Count(n, "guide file", "guide files") + " of yours have problems; `vigil guides` lists them."
		if n == 1 {
			say = "1 guide file of yours has problems; `vigil guides` lists it."
		}
		b.WriteString("\n" + hangWrap(st.Warn.Render(say), h.width-2, "") + "\n")
	}
	if h.loaded && len(h.sessions) == 0 && h.err == nil {
		b.WriteString("\n" + st.Muted.Render("No sessions yet. Your notes will be kept here.") + "\n")
	}
	if h.busy {
		b.WriteString("\n" + st.Muted.Render("Opening…"))
	}
	return b.String()
}

// itemLines are the rows under their headings, cut to a window around the
// selected row when the terminal is too short for them all.
func (h homeModel) itemLines() []string {
	st := h.ctx.styles
	var lines []string
	selLine, heading := 0, ""
	for i, it := range h.items() {
		if it.heading != heading {
			heading = it.heading
			lines = append(lines, "", st.Muted.Render(heading))
		}
		line := truncate(it.label, h.width-6)
		cursor := "  "
		if i == h.sel {
			cursor, line = st.Selected.Render("› "), st.Selected.Render(line)
			selLine = len(lines)
		}
		lines = append(lines, cursor+line)
	}
	avail := h.height - 7 // title, footer, and a line for a message
	if avail < 3 || len(lines) <= avail {
		return lines
	}
	start := clamp(selLine-avail/2, 0, len(lines)-avail)
	return lines[start : start+avail]
}

func (h homeModel) startView() string {
	st := h.ctx.styles
	var b strings.Builder
	b.WriteString(st.NoteTitle.Render("Start a new session") + "\n\n")
	gs := h.ctx.cfg.Library.Guides
	if len(gs) == 0 {
		return b.String() + st.Error.Render("There is no guide to use. Add one with --guides DIR.")
	}
	b.WriteString(h.guideLine())
	if h.alone {
		b.WriteString("\n\n" + st.Selected.Render("Alone") + ": one person's private reflection " + st.Muted.Render("(tab: with a group)") + "\n\n")
	} else {
		b.WriteString("\n\n" + h.group.View() + "\n" + st.Muted.Render("tab: alone instead, for one person's reflection") + "\n\n")
	}
	b.WriteString(st.Muted.Render("The session opens with the guide's content note."))
	return b.String()
}

// guideLine is the start form's guide: its title, source and minutes on
// one line where the window has room, else the title and then the rest,
// each wrapped under the first word after "Guide: ". Nothing of it is
// cut: the title is how the leader knows the guide.
func (h homeModel) guideLine() string {
	st := h.ctx.styles
	gs := h.ctx.cfg.Library.Guides
	g := gs[h.guide]
	const label = "Guide: "
	under := strings.Repeat(" ", len(label))
	title := session.OneLine(g.Meta.Title)
	rest := fmt.Sprintf("%d min", g.TotalMinutes())
	if src := session.OneLine(g.Meta.Source); src != "" {
		rest = src + " · " + rest
	}
	if len(gs) > 1 {
		rest += fmt.Sprintf("  (%d of %d, ↑/↓ to choose)", h.guide+1, len(gs))
	}
	w := h.width - 2 - len(label) // inside the app's padding
	if ansi.StringWidth(title+" · "+rest) <= w {
		return label + st.Selected.Render(title) + st.Muted.Render(" · "+rest)
	}
	return label + hangWrap(st.Selected.Render(title), w, under) + "\n" + under + hangWrap(st.Muted.Render(rest), w, under)
}

// hangWrap wraps s, which may be styled, to w columns (at least 10), and
// indents every line after the first with under, so that they hang under
// the first line's text.
func hangWrap(s string, w int, under string) string {
	return strings.ReplaceAll(lipgloss.Wrap(s, max(10, w), ""), "\n", "\n"+under)
}

// cursor is the terminal's cursor in the group's field, where view draws
// it; nil when no group is typed (the list, alone, opening, no guide).
func (h homeModel) cursor() *tea.Cursor {
	if !h.starting || h.alone || h.busy || len(h.ctx.cfg.Library.Guides) == 0 {
		return nil
	}
	// Under the app's title and a blank line, startView's title and a
	// blank line, the guide (one line or more) and a blank line; after
	// the app's padding.
	row := 2 + 2 + strings.Count(h.guideLine(), "\n") + 1 + 1
	return placeCursor(fieldCursor(h.group), 1, row, h.width-2)
}

// sessionLine is one session in a list: when, group, guide and progress.
func sessionLine(s store.Session) string {
	group := session.OneLine(s.Group)
	switch {
	case s.Alone:
		group = "alone"
	case group == "":
		group = "no group"
	}
	return fmt.Sprintf("#%d · %s · %s · page %d of %d · %s", s.ID, s.Updated.Local().Format("2006-01-02 15:04"), group, s.Seen, s.Total, session.OneLine(s.GuideTitle))
}

// homeItem is one row of the home screen.
type homeItem struct {
	kind    int
	heading string // the rows under one heading are drawn together
	label   string
	group   string // the group a new session starts with
	session uint64
	guide   int // index into the library, for a guide row
}

// The kinds of home row.
const (
	itemNew = iota + 1
	itemPrayerList
	itemGroup
	itemSession
	itemGuide
)

// guideOrigin says where a guide comes from, for the list.
func guideOrigin(g *guides.Guide) string {
	if g.Origin == guides.OriginEmbedded || g.Origin == "" {
		return "built in"
	}
	return g.Origin
}

// items are the home screen's rows: start a session, the prayer list, each
// group (a new session for it), and the recent sessions to resume.
func (h homeModel) items() []homeItem {
	items := []homeItem{{kind: itemNew, label: "Start a new session"}}
	if len(h.groups) > 0 {
		items = append(items, homeItem{kind: itemPrayerList, label: "Prayer list: every group's requests"})
	}
	for _, g := range h.groups {
		// The home screen is the leader's own: it counts every open
		// request, and says how many of them are private (the prayer
		// list's shared view leaves those out, and says so).
		items = append(items, homeItem{kind: itemGroup, heading: "Groups (enter starts their next session)", group: g.Name,
			label: fmt.Sprintf("%s · last met %s · %s", session.OneLine(g.Name), g.Last.Local().Format("2006-01-02"),
				openRequests(g.Open, g.Private))})
	}
	for _, s := range h.sessions {
		items = append(items, homeItem{kind: itemSession, heading: "Resume a session", session: s.ID, label: sessionLine(s)})
	}
	for i, g := range h.ctx.cfg.Library.Guides {
		items = append(items, homeItem{kind: itemGuide, heading: "Guides (enter starts a session with one)", guide: i,
			label: fmt.Sprintf("%s · %s · %d min · %s", session.OneLine(g.Meta.Title), session.OneLine(g.Meta.Source), g.TotalMinutes(), session.OneLine(guideOrigin(g)))})
	}
	return items
}

// chosenSession is the session of the row chosen, if it is one.
func (h homeModel) chosenSession() (store.Session, bool) {
	items := h.items()
	if h.starting || h.sel >= len(items) || items[h.sel].kind != itemSession {
		return store.Session{}, false
	}
	for _, s := range h.sessions {
		if s.ID == items[h.sel].session {
			return s, true
		}
	}
	return store.Session{}, false
}
