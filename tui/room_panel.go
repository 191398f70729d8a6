package tui

import (
	"fmt"
	"slices"
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
	ctx *context
	// audience is the session's view on screen, which the panel covers:
	// it shows only what that view may (session.View.Shows). tab turns
	// it, as on the session's screen; switchable is false alone, with one
	// view.
	audience   session.View
	switchable bool
	sel        int     // the person chosen in the list
	confirm    confirm // a y/n question, when one is asked
	target     link.Person
	width      int
	height     int
}

// confirm is the y/n question the panel asks.
type confirm int

const (
	confirmNone   confirm = iota
	confirmRemove         // remove the chosen person
	confirmClose          // close the room
)

// newRoomPanel opens the panel over the session m, in m's view.
func newRoomPanel(ctx *context, m sessionModel) roomPanel {
	return roomPanel{ctx: ctx, audience: m.audience(), switchable: !m.oneView()}
}

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
	case d.switchable && key.Matches(km, d.ctx.keys.View):
		return d, func() tea.Msg { return roomActMsg{act: actView} }
	case !s.open() || s.closing:
		return d, nil
	case key.Matches(km, k.Accept), key.Matches(km, k.Private), key.Matches(km, k.Dismiss):
		if len(s.queue) == 0 {
			return d, nil
		}
		q := s.queue[0]
		if key.Matches(km, k.Dismiss) && !d.audience.Shows(q.privacy()) {
			return d, nil // not unread: what is dismissed is gone, so it is read first (tab)
		}
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
	case key.Matches(km, d.ctx.keys.Up):
		d.sel = max(0, d.sel-1)
	case key.Matches(km, d.ctx.keys.Down):
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

// view draws the panel as a page of its own, as the guide's help is: the
// title at the top left (with the view on screen at the right, since the
// panel covers the session's header), what the room holds below it, and
// the keys or the question asked on the bottom lines, always in sight.
func (d roomPanel) view() string {
	st := d.ctx.styles
	s := d.ctx.room
	w := max(20, min(d.width-2, 96))
	switch {
	case s.opening:
		return d.page("Opening the room…", nil, nil)
	case s.r == nil:
		body := []string{""}
		if s.err != nil {
			body = append(body, st.Error.Render("The room could not open."))
			body = append(body, para(lipgloss.NewStyle(), roomFailure(s.err), w)...)
		} else if s.notice != "" {
			body = append(body, para(lipgloss.NewStyle(), s.notice, w)...)
		}
		return d.page("The room is closed", body, para(st.Muted, "esc goes back; R there opens a new room", w))
	}

	foot := d.foot(w)
	// Title, blank, top, the list's title, one person, blank, keys: when
	// that does not fit (the smallest windows), the top is drawn tight.
	body, gap := append([]string{""}, d.openTop(w, false)...), 1
	if 1+len(body)+2+gap+len(foot) > d.height {
		body, gap = d.openTop(w, true), 0
	}
	body = append(body, st.NoteTitle.Render(fmt.Sprintf("In the room (%d)", len(s.people))))
	if len(s.people) == 0 {
		body = append(body, st.Muted.Render("Nobody yet."))
	}
	rows := max(1, d.height-1-len(body)-gap-len(foot))
	sel := clamp(d.sel, 0, max(0, len(s.people)-1))
	first := clamp(sel-rows+1, 0, max(0, len(s.people)-rows))
	for i := first; i < len(s.people) && i < first+rows; i++ {
		p := s.people[i]
		who := fmt.Sprintf("%s · %s", session.OneLine(p.Name), p.Role)
		if i == sel {
			body = append(body, st.Selected.Render("› "+who))
		} else {
			body = append(body, "  "+who)
		}
	}
	return d.page("The room is open", body, foot)
}

// openTop is the open room's panel down to the list of people: where to
// connect and the codes, then what waits for the leader. Every sentence
// is wrapped to w, never cut. Blank lines space it, but not when tight:
// then it leaves out those, and the count of what waits after the first,
// which the heading counts too.
func (d roomPanel) openTop(w int, tight bool) []string {
	st := d.ctx.styles
	s := d.ctx.room
	in := s.r.Info()
	var b []string
	b = append(b, row(st, "Participants type", st.Selected.Render(in.Command), w)...)
	b = append(b, row(st, "then the join code", bigCode(st, in.ParticipantCode), w)...)
	b = append(b, row(st, "The screen's code", bigCode(st, in.ScreenCode)+st.Muted.Render("  (a projector or shared call)"), w)...)
	b = append(b, row(st, "Host key (read aloud)", in.Fingerprint, w)...)
	exposure := st.Muted
	if strings.Contains(in.Exposure, "beyond") {
		exposure = st.Warn
	}
	b = append(b, para(exposure, in.Exposure, w)...)
	b = append(b, "")

	// What waits.
	b = append(b, st.NoteTitle.Render(fmt.Sprintf("Waiting for you (%d)", len(s.queue))))
	if len(s.queue) == 0 {
		b = append(b, para(st.Muted, "Nothing yet. Nothing a participant sends changes the session until you accept it.", w)...)
	} else {
		q := s.queue[0]
		b = append(b, para(lipgloss.NewStyle(), roomLine(q, d.audience), w)...)
		if d.audience.Shows(q.privacy()) {
			// The room cleans what it takes in; the sink cleans it again,
			// as every screen does with text it did not write.
			text := wrapText(session.Clean(q.in.Text), w-2)
			if len(text) > 4 {
				text = append(text[:3], "…")
			}
			for _, l := range text {
				b = append(b, "  "+st.Item.Render(l))
			}
		} else {
			// The laptop may be on the TV: say what it is, not what it says.
			for _, l := range wrapText("Not shown here: tab shows it in the leader's view.", w-2) {
				b = append(b, "  "+st.Muted.Render(l))
			}
		}
		b = append(b, para(st.Help, queueHelp(q, d.audience.Shows(q.privacy())), w)...)
		if n := len(s.queue) - 1; n > 0 && !tight {
			b = append(b, st.Muted.Render(fmt.Sprintf("and %d more after this one", n)))
		}
	}
	if s.err != nil {
		b = append(b, para(st.Error, session.Sentence(s.err.Error()), w)...)
	} else if s.notice != "" {
		b = append(b, para(st.Status, s.notice, w)...)
	}
	b = append(b, "")
	if tight {
		b = slices.DeleteFunc(b, func(l string) bool { return l == "" })
	}
	return b
}

// foot is the open room's bottom lines: the question asked, wrapped to w,
// or the keys across the window, the way out first and wrapped rather
// than cut.
func (d roomPanel) foot(w int) []string {
	st := d.ctx.styles
	switch {
	case d.confirm == confirmRemove:
		return para(st.Warn, fmt.Sprintf("Remove %s from the room? y/n", session.OneLine(d.target.Name)), w)
	case d.confirm == confirmClose:
		return para(st.Warn, "Close the room? Everyone in it is told the meeting has ended. y/n", w)
	case d.ctx.room.closing:
		return []string{st.Muted.Render("Closing the room…")}
	}
	k := d.ctx.keys
	return helpLines(st, append(d.backKeys(), k.Up, k.Down, k.Room.Remove, k.Room.Close), max(w, d.width-2))
}

// page lays the panel out on the whole window: the title (and the view's
// badge) on the top line, the body right below it, the foot on the
// bottom lines.
// A body too long for the window loses its end; the foot always shows.
func (d roomPanel) page(title string, body, foot []string) string {
	st := d.ctx.styles
	inner := max(1, d.width-2)
	head := st.Title.Render(title)
	if b := d.badge(); b != "" && lipgloss.Width(head)+2+lipgloss.Width(b) <= inner {
		head += strings.Repeat(" ", inner-lipgloss.Width(head)-lipgloss.Width(b)) + b
	}
	lines := append([]string{head}, body...)
	if n := max(1, d.height-len(foot)); len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < d.height-len(foot) {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	for i, l := range lines {
		lines[i] = " " + truncate(l, inner)
	}
	return strings.Join(lines, "\n")
}

// badge is the view on screen, as the session's header shows it; alone,
// with one view, there is none.
func (d roomPanel) badge() string {
	switch {
	case !d.switchable:
		return ""
	case d.audience == session.Leader:
		return leaderBadge(d.ctx.styles)
	}
	return sharedBadge(d.ctx.styles)
}

// row is a label and its value on one line, or, where they do not fit in
// w, the label with the value on the line below.
func row(st Styles, label, value string, w int) []string {
	l := st.Muted.Render(fmt.Sprintf("%-22s", label))
	if lipgloss.Width(l)+lipgloss.Width(value) <= w {
		return []string{l + value}
	}
	return []string{st.Muted.Render(label), "  " + value}
}

// para is a sentence wrapped to w, each line in style s.
func para(s lipgloss.Style, text string, w int) []string {
	lines := wrapText(text, w)
	for i, l := range lines {
		lines[i] = s.Render(l)
	}
	return lines
}

// helpLines is the keys as the footer shows them, wrapped to w: nothing
// is cut, so the way out, first, always shows.
func helpLines(st Styles, bindings []key.Binding, w int) []string {
	var lines []string
	cur, used := "", 0
	sep := st.Help.Render(" • ")
	for _, kb := range bindings {
		if !kb.Enabled() {
			continue
		}
		item := st.Selected.Render(kb.Help().Key) + " " + st.Help.Render(kb.Help().Desc)
		iw := lipgloss.Width(item)
		if used > 0 && used+lipgloss.Width(sep)+iw > w {
			lines = append(lines, cur)
			cur, used = "", 0
		}
		if used > 0 {
			cur += sep
			used += lipgloss.Width(sep)
		}
		cur += item
		used += iw
	}
	return append(lines, cur)
}

// queueHelp is the keys for what waits first; shown is whether the view
// on screen shows it. One it does not show can be kept, not dismissed
// unread.
func queueHelp(q queued, shown bool) string {
	dismiss := " · d dismiss"
	if !shown {
		dismiss = " · tab read it first"
	}
	switch {
	case q.in.Kind == link.Response:
		return "a add to the group's response on that prompt" + dismiss
	case q.in.Private:
		return "a keep it private (only you see it)" + dismiss
	}
	return "a accept onto the shared list · p keep private · d dismiss"
}

// bigCode shows a join code large and clear: letter-spaced and bold.
func bigCode(st Styles, code string) string {
	return st.Title.Render(strings.Join(strings.Split(code, ""), " "))
}

// wrapText wraps plain text to w columns.
func wrapText(s string, w int) []string {
	lines := strings.Split(lipgloss.NewStyle().Width(max(10, w)).Render(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// ShortHelp is the panel's keys, the way out first.
func (d roomPanel) ShortHelp() []key.Binding {
	k := d.ctx.keys.Room
	return append(d.backKeys(), k.Accept, k.Private, k.Dismiss, k.Remove, k.Close)
}

// FullHelp is the same, with the list's keys.
func (d roomPanel) FullHelp() [][]key.Binding {
	k := d.ctx.keys
	return [][]key.Binding{d.backKeys(), {k.Room.Accept, k.Room.Private, k.Room.Dismiss}, {k.Up, k.Down, k.Room.Remove, k.Room.Close}}
}

// backKeys is esc, and tab where there are two views.
func (d roomPanel) backKeys() []key.Binding {
	if d.switchable {
		return []key.Binding{d.ctx.keys.Room.Back, d.ctx.keys.View}
	}
	return []key.Binding{d.ctx.keys.Room.Back}
}
