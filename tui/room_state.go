package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"

	"vigil/room/link"
	"vigil/session"
	"vigil/store"
)

// The leader's side of the room: opening it, handing it every page,
// the queue of what participants send, and closing it. The room itself
// (the SSH server, the participants' screens) is package room.

// RoomConfig is how the leader's room is opened. cmd/vigil fills it in.
type RoomConfig struct {
	// Open opens the room as soon as the session starts (--room).
	Open bool
	// Opener opens a room (package room's, handed in by cmd/vigil, so
	// that the screens import only the room's contract, package link).
	// Nil means no room can be opened.
	Opener link.Opener
}

// roomState is the open room as the screens know it. The context holds it
// behind a pointer: the panel and the session's status line read it, and
// only Update changes it.
type roomState struct {
	r       link.Room
	opening bool
	closing bool
	err     error // why the room could not open, or the last accept failed

	shown bool       // a frame has been shown since the room opened
	last  link.Frame // the frame shown last

	queue  []queued // what participants sent, oldest first
	nextID int
	people []link.Person
	notice string // what the panel's last action did
}

// queued is one thing a participant sent, waiting for the leader.
type queued struct {
	id int
	in link.Incoming
}

// privacy is how private what waits is: a request for the leader only is
// private (only requests are sent so), anything else is the group's.
func (q queued) privacy() session.Privacy { return session.RequestPrivacy(q.in.Private) }

// open reports whether a room is open.
func (s *roomState) open() bool { return s != nil && s.r != nil }

// status is the room's part of the session's status line: "2 waiting · R
// room", or empty when there is no room.
func (s *roomState) status() string {
	switch {
	case s == nil:
		return ""
	case s.opening:
		return "opening the room…"
	case s.closing:
		return "closing the room…"
	case s.r == nil:
		return ""
	case len(s.queue) > 0:
		return fmt.Sprintf("%d waiting · R room", len(s.queue))
	}
	return fmt.Sprintf("room open · %s · R room", peopleCount(len(s.people)))
}

func peopleCount(n int) string {
	if n == 1 {
		return "1 in it"
	}
	return fmt.Sprintf("%d in it", n)
}

// Messages of the room.
type (
	// roomOpenedMsg brings the room opened off the UI goroutine.
	roomOpenedMsg struct {
		r   link.Room
		err error
	}
	// roomIncomingMsg is one thing a participant sent; ok is false when
	// the room's inbox closed.
	roomIncomingMsg struct {
		r  link.Room
		in link.Incoming
		ok bool
	}
	// roomClosedMsg says that a room has closed.
	roomClosedMsg struct{ r link.Room }
	// roomActMsg is what the panel asks the root to do: accept, keep
	// private or dismiss item id, or turn the session's view (tab).
	roomActMsg struct {
		id  int
		act roomAct
	}
)

type roomAct int

const (
	actShared  roomAct = iota + 1 // a request onto the shared list, a response into the note
	actPrivate                    // a request kept private
	actDismiss
	actView // tab: the session's view turns, and the panel with it
)

// openRoom opens the room in a command: it listens, and may make the host
// key.
func openRoom(open link.Opener, help session.Help, note link.Frame) tea.Cmd {
	return guard(func() tea.Msg {
		if open == nil {
			return roomOpenedMsg{err: errors.New("this vigil cannot open a room here")}
		}
		r, err := open(help, note)
		return roomOpenedMsg{r: r, err: err}
	})
}

// waitIncoming waits for one thing a participant sends.
func waitIncoming(r link.Room) tea.Cmd {
	return guard(func() tea.Msg {
		in, ok := <-r.Inbox()
		return roomIncomingMsg{r: r, in: in, ok: ok}
	})
}

// closeRoom closes the room in a command: it says goodbye to everyone,
// which can take a few seconds with a stalled client.
func closeRoom(r link.Room) tea.Cmd {
	return guard(func() tea.Msg {
		_ = r.Close()
		return roomClosedMsg{r: r}
	})
}

// startRoom opens the room when none is open or opening.
func (a App) startRoom() tea.Cmd {
	s := a.ctx.room
	if s.r != nil || s.opening || s.closing {
		return nil
	}
	s.opening, s.err = true, nil
	return openRoom(a.ctx.cfg.Room.Opener, session.HelpOf(a.session.meet.Guide), link.ContentNoteOf(&a.session.meet))
}

// roomKey is R in a session: open the room, or its panel when it is open.
func (a App) roomKey() (App, tea.Cmd) {
	cmd := a.startRoom()
	a.session.remake()
	if a.ctx.room.r != nil {
		return a.push(newRoomPanel(a.ctx, a.session)), nil
	}
	return a, cmd
}

// roomMsg takes the room's messages, and remakes the session's status
// line for what changed.
func (a App) roomMsg(msg tea.Msg) (App, tea.Cmd) {
	a, cmd := a.roomMsgOf(msg)
	a.session.remake()
	return a, cmd
}

func (a App) roomMsgOf(msg tea.Msg) (App, tea.Cmd) {
	s := a.ctx.room
	switch msg := msg.(type) {
	case roomOpenedMsg:
		s.opening = false
		if msg.err != nil {
			s.err = msg.err
			return a.push(newRoomPanel(a.ctx, a.session)), nil
		}
		if a.state != stateSession {
			// The session ended while the room was opening.
			return a, closeRoom(msg.r)
		}
		s.r, s.shown, s.queue, s.notice = msg.r, false, nil, ""
		s.people = msg.r.People()
		a.showRoom()
		if _, open := a.top().(roomPanel); !open {
			a = a.push(newRoomPanel(a.ctx, a.session))
		}
		return a, waitIncoming(msg.r)
	case roomIncomingMsg:
		if msg.r != s.r || !msg.ok {
			return a, nil
		}
		s.nextID++
		s.queue = append(s.queue, queued{id: s.nextID, in: msg.in})
		s.people = s.r.People()
		return a, waitIncoming(s.r)
	case roomClosedMsg:
		if msg.r == s.r {
			*s = roomState{notice: "The room is closed: everyone in it was told the meeting has ended."}
		}
		return a, nil
	case roomActMsg:
		return a.roomAct(msg)
	}
	return a, nil
}

// roomAct does what the leader chose for a queued item. Accepting calls
// the session, and the changes are saved like the leader's own typing.
func (a App) roomAct(msg roomActMsg) (App, tea.Cmd) {
	if msg.act == actView {
		return a.roomSwitchView()
	}
	s := a.ctx.room
	i := slices.IndexFunc(s.queue, func(q queued) bool { return q.id == msg.id })
	if i < 0 {
		return a, nil
	}
	in := s.queue[i].in
	s.err = nil
	if msg.act == actDismiss {
		s.queue = slices.Delete(slices.Clone(s.queue), i, i+1)
		s.notice = "Dismissed: nothing was kept."
		return a, nil
	}
	if a.state != stateSession {
		return a, nil
	}
	now := a.ctx.now()
	var cs []store.Change
	var err error
	switch {
	case in.Kind == link.Request:
		name := ""
		if in.Named {
			name = in.From.Name
		}
		// A request for the leader alone stays private whatever the key.
		private := in.Private || msg.act == actPrivate
		_, cs, err = a.session.meet.AddRequestChecked(in.Text, name, private, now)
		if err == nil {
			s.notice = "Added to the group's requests."
			if private {
				s.notice = "Kept as a private request: only the leader sees it."
			}
		}
	case in.Kind == link.Response && msg.act == actShared:
		line := in.Text
		if in.Named {
			line = in.From.Name + ": " + line
		}
		cs, err = a.session.meet.AppendResponse(in.PageKey, line, now)
		if err == nil {
			s.notice = "Added to the group's response."
		}
	default:
		return a, nil
	}
	if err != nil {
		s.err = err
		return a, nil
	}
	s.queue = slices.Delete(slices.Clone(s.queue), i, i+1)
	a.session.clampSel()
	a.session.refresh(false)
	var cmd tea.Cmd
	a.session, cmd = a.session.queue(cs)
	return a, cmd
}

// roomSwitchView is tab in the room's panel: the session's view turns, as
// tab does on the session's screen, and every room panel follows it.
func (a App) roomSwitchView() (App, tea.Cmd) {
	if a.state != stateSession || a.session.oneView() {
		return a, nil
	}
	var cmd tea.Cmd
	a.session, cmd = a.session.switchView()
	a.dialogs = slices.Clone(a.dialogs)
	for i, d := range a.dialogs {
		if p, ok := d.(roomPanel); ok {
			p.audience = a.session.audience()
			a.dialogs[i] = p
		}
	}
	return a, cmd
}

// paused reports whether the pause is on screen (under any dialog).
func (a App) paused() bool {
	return slices.ContainsFunc(a.dialogs, func(d dialog) bool {
		_, ok := d.(pauseDialog)
		return ok
	})
}

// showRoom hands the room the meeting's page as the shared view shows it
// (or the pause), when it changed since the last one: after every
// message, so that moves, the pause and changes to the shared lists all
// reach the room from this one place. Show never waits.
func (a App) showRoom() {
	s := a.ctx.room
	if !s.open() || a.state != stateSession {
		return
	}
	f := link.FrameOf(&a.session.meet, a.paused())
	if s.shown && f == s.last {
		return
	}
	s.shown, s.last = true, f
	s.r.Show(f)
}

// afterUpdate runs after every message: the room is shown the page, the
// people in it are counted again on the clock's tick, and a room left
// open when the session ends is closed.
func (a App) afterUpdate(msg tea.Msg) (App, tea.Cmd) {
	s := a.ctx.room
	if !s.open() {
		return a, nil
	}
	if a.state != stateSession {
		if s.closing {
			return a, nil
		}
		s.closing = true
		return a, closeRoom(s.r)
	}
	if !keepsFrame(msg) {
		a.showRoom()
	}
	if _, tick := msg.(clockTickMsg); tick {
		n := len(s.people)
		s.people = s.r.People()
		if n != len(s.people) {
			a.session.remake()
		}
	}
	return a, nil
}

// keepsFrame reports whether msg is one that changes nothing the room is
// shown: the clock's tick, the pause's breath, the silence timer's tick,
// and saving. showRoom makes the shared page again to compare it (on the
// summary, the capture of the whole session: some 90 µs), and these come
// several times a second.
func keepsFrame(msg tea.Msg) bool {
	switch msg.(type) {
	case clockTickMsg, breathTickMsg, timer.TickMsg, saveTickMsg, savedMsg:
		return true
	}
	return false
}

// CloseRoom closes the room, if one is open: everyone in it is told "The
// meeting has ended." and disconnected. cmd/vigil calls it once the
// program has ended; it can take a few seconds with a stalled client.
func (a App) CloseRoom() {
	if a.ctx.room.open() {
		_ = a.ctx.room.r.Close()
	}
}

// roomLine is a queued item in a line, as view v may show it: "request ·
// for the room · from Anna". Who sent what v does not show is left out
// with it.
func roomLine(q queued, v session.View) string {
	in := q.in
	var b strings.Builder
	b.WriteString(in.Kind.String())
	if in.Kind == link.Request {
		if in.Private {
			b.WriteString(" · for the leader only")
		} else {
			b.WriteString(" · for the room")
		}
	}
	switch {
	case !v.Shows(q.privacy()):
	case !in.Named:
		b.WriteString(" · without a name")
	case v.ShowsNames():
		b.WriteString(" · from " + session.OneLine(in.From.Name))
	}
	return b.String()
}
