package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"vigil/room/link"
	"vigil/session"
)

// roomPanel is the room's panel (R): where to connect and the codes to
// read out, what participants sent (oldest first) with the leader's
// answer to it, and who is in the room. The room itself is in the
// context (roomState); the panel only shows it and asks the root to act.
type roomPanel struct {
	ctx     *context
	sel     int     // the person chosen in the list
	confirm confirm // a y/n question, when one is asked
	target  link.Person
	width   int
	height  int
}

// confirm is the y/n question the panel asks.
type confirm int

const (
	confirmNone   confirm = iota
	confirmRemove         // remove the chosen person
	confirmClose          // close the room
)

func newRoomPanel(ctx *context) roomPanel { return roomPanel{ctx: ctx} }

// SetSize lays the panel out for a window.
func (d roomPanel) SetSize(w, h int) dialog {
	d.width, d.height = w, h
	return d
}

func (d roomPanel) update(msg tea.Msg) (dialog, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	k := d.ctx.keys.Room
	s := d.ctx.room
	if d.confirm != confirmNone {
		switch {
		case key.Matches(km, k.Yes):
			what := d.confirm
			d.confirm = confirmNone
			if !s.open() {
				return d, nil
			}
			if what == confirmClose {
				s.closing = true
				return d, closeRoom(s.r)
			}
			if s.r.Remove(d.target.ID) {
				s.notice = session.OneLine(d.target.Name) + " was removed from the room."
			}
			s.people = s.r.People()
		case key.Matches(km, k.No):
			d.confirm = confirmNone
		}
		return d, nil
	}
	switch {
	case key.Matches(km, k.Back):
		return nil, nil
	case !s.open() || s.closing:
		return d, nil
	case key.Matches(km, k.Accept), key.Matches(km, k.Private), key.Matches(km, k.Dismiss):
		if len(s.queue) == 0 {
			return d, nil
		}
		q := s.queue[0]
		act := actDismiss
		switch {
		case key.Matches(km, k.Accept):
			act = actShared
		case key.Matches(km, k.Private):
			if q.in.Kind != link.Request {
				return d, nil
			}
			act = actPrivate
		}
		return d, func() tea.Msg { return roomActMsg{id: q.id, act: act} }
	case key.Matches(km, k.Up):
		d.sel = max(0, d.sel-1)
	case key.Matches(km, k.Down):
		d.sel = min(max(0, len(s.people)-1), d.sel+1)
	case key.Matches(km, k.Remove):
		if d.sel < len(s.people) {
			d.target = s.people[d.sel]
			d.confirm = confirmRemove
		}
	case key.Matches(km, k.Close):
		d.confirm = confirmClose
	}
	return d, nil
}

func (d roomPanel) view() string {
	st := d.ctx.styles
	s := d.ctx.room
	w := max(20, min(d.width-4, 96))
	var b strings.Builder
	line := func(str string) { b.WriteString(truncate(str, w) + "\n") }
	label := func(l string) string { return st.Muted.Render(fmt.Sprintf("%-22s", l)) }

	switch {
	case s.opening:
		line(st.Title.Render("Opening the room…"))
		return place(d.width, d.height, b.String())
	case s.r == nil:
		line(st.Title.Render("The room is closed"))
		line("")
		if s.err != nil {
			line(st.Error.Render("The room could not open."))
			for _, l := range wrapText(session.Sentence(s.err.Error()), w) {
				line(l)
			}
		} else if s.notice != "" {
			line(s.notice)
		}
		line("")
		line(st.Muted.Render("esc goes back; R there opens a new room"))
		return place(d.width, d.height, b.String())
	}

	in := s.r.Info()
	line(st.Title.Render("The room is open"))
	line("")
	line(label("Participants type") + st.Selected.Render(in.Command))
	line(label("then the join code") + bigCode(st, in.ParticipantCode))
	line(label("The screen's code") + bigCode(st, in.ScreenCode) + st.Muted.Render("  (a projector or shared call)"))
	line(label("Host key (read aloud)") + in.Fingerprint)
	if strings.Contains(in.Exposure, "beyond") {
		for _, l := range wrapText(in.Exposure, w) {
			line(st.Warn.Render(l))
		}
	} else {
		line(st.Muted.Render(in.Exposure))
	}
	line("")

	// What waits.
	line(st.NoteTitle.Render(fmt.Sprintf("Waiting for you (%d)", len(s.queue))))
	if len(s.queue) == 0 {
		line(st.Muted.Render("Nothing yet. Nothing a participant sends changes the session until you accept it."))
	} else {
		q := s.queue[0]
		line(roomLine(q))
		text := wrapText(q.in.Text, w-2)
		if len(text) > 4 {
			text = append(text[:3], "…")
		}
		for _, l := range text {
			line("  " + st.Item.Render(l))
		}
		line(st.Help.Render(queueHelp(q)))
		if n := len(s.queue) - 1; n > 0 {
			line(st.Muted.Render(fmt.Sprintf("and %d more after this one", n)))
		}
	}
	if s.err != nil {
		line(st.Error.Render(session.Sentence(s.err.Error())))
	} else if s.notice != "" {
		line(st.Status.Render(s.notice))
	}
	line("")

	// Who is here.
	line(st.NoteTitle.Render(fmt.Sprintf("In the room (%d)", len(s.people))))
	if len(s.people) == 0 {
		line(st.Muted.Render("Nobody yet."))
	}
	used := strings.Count(b.String(), "\n") + 3
	rows := max(1, d.height-used-2)
	sel := clamp(d.sel, 0, max(0, len(s.people)-1))
	first := clamp(sel-rows+1, 0, max(0, len(s.people)-rows))
	for i := first; i < len(s.people) && i < first+rows; i++ {
		p := s.people[i]
		row := fmt.Sprintf("%s · %s", session.OneLine(p.Name), p.Role)
		if i == sel {
			line(st.Selected.Render("› " + row))
		} else {
			line("  " + row)
		}
	}
	line("")
	k := d.ctx.keys.Room
	switch d.confirm {
	case confirmRemove:
		line(st.Warn.Render(fmt.Sprintf("Remove %s from the room? y/n", session.OneLine(d.target.Name))))
	case confirmClose:
		line(st.Warn.Render("Close the room? Everyone in it is told the meeting has ended. y/n"))
	default:
		if s.closing {
			line(st.Muted.Render("Closing the room…"))
		} else {
			line(shortHelpLine(st, []key.Binding{k.Up, k.Down, k.Remove, k.Close, k.Back}, w))
		}
	}
	return lipgloss.NewStyle().Padding(0, 1).Render(strings.TrimRight(b.String(), "\n"))
}

// queueHelp is the keys for what waits first.
func queueHelp(q queued) string {
	switch {
	case q.in.Kind == link.Response:
		return "a add to the group's response on that prompt · d dismiss"
	case q.in.Private:
		return "a keep it as a private request (only you see it) · d dismiss"
	}
	return "a accept onto the shared list · p keep private · d dismiss"
}

// bigCode shows a join code large and clear: letter-spaced and bold.
func bigCode(st Styles, code string) string {
	return st.Title.Render(strings.Join(strings.Split(code, ""), " "))
}

// wrapText wraps plain text to w columns.
func wrapText(s string, w int) []string {
	return strings.Split(lipgloss.NewStyle().Width(max(10, w)).Render(s), "\n")
}

// ShortHelp is the panel's keys.
func (d roomPanel) ShortHelp() []key.Binding {
	k := d.ctx.keys.Room
	return []key.Binding{k.Accept, k.Private, k.Dismiss, k.Remove, k.Close, k.Back}
}

// FullHelp is the same, with the list's keys.
func (d roomPanel) FullHelp() [][]key.Binding {
	k := d.ctx.keys.Room
	return [][]key.Binding{{k.Accept, k.Private, k.Dismiss}, {k.Up, k.Down, k.Remove, k.Close, k.Back}}
}
