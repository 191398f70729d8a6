package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"vigil/session"
	"vigil/store"
)

// The list pages: the group's own requests and the commitments. Which
// requests a view shows is the meeting's rule (Meeting.RequestsIn); every
// change is one of the meeting's functions.

// isItemKey reports whether a key acts on the list page on screen.
func (m sessionModel) isItemKey(msg tea.KeyPressMsg) bool {
	k := m.ctx.keys
	ik := k.Items
	if key.Matches(msg, k.Add) {
		return true
	}
	if !m.hasSelected() {
		return false
	}
	return key.Matches(msg, ik.EditItem) || key.Matches(msg, ik.DeleteItem) ||
		m.page().Kind == session.PageRequests && key.Matches(msg, ik.SharePrivate)
}

// hasSelected reports whether the list on screen has a selected item.
func (m sessionModel) hasSelected() bool {
	if m.page().Kind == session.PageRequests {
		return m.sel < len(m.meet.RequestsIn(m.audience()))
	}
	return m.sel < len(m.meet.Rec.Commitments)
}

// itemKey adds, edits, deletes (asking first) or re-marks the selected
// item of the list on screen.
func (m sessionModel) itemKey(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	k := m.ctx.keys
	ik := k.Items
	isReq := m.page().Kind == session.PageRequests
	var id uint64
	var text, name string
	var private bool
	if m.hasSelected() {
		if isReq {
			r := m.meet.RequestsIn(m.audience())[m.sel]
			id, text, name, private = r.ID, r.Text, r.Name, r.Private
		} else {
			c := m.meet.Rec.Commitments[m.sel]
			id, text, name = c.ID, c.Text, c.Name
		}
	}
	w := m.lay.noteWidth
	switch {
	case key.Matches(msg, k.Add):
		m.form = ptr(newItemForm(m.ctx, m.words(), isReq, w))
	case key.Matches(msg, ik.EditItem):
		m.form = ptr(editItemForm(m.ctx, m.words(), isReq, w, id, session.OneLine(text), session.OneLine(name), private))
	case key.Matches(msg, ik.DeleteItem):
		m.form = ptr(deleteItemForm(m.ctx, m.words(), isReq, w, id, text, name, private))
	case key.Matches(msg, ik.SharePrivate):
		cs := m.meet.SetRequestPrivate(id, !private)
		m.selectRequest(id)
		m.clampSel()
		m.refresh(false)
		return m.queue(cs)
	}
	m.mode = modeForm
	m.refresh(false)
	return m, m.form.focus()
}

// listKeys are a list page's keys after add and prayed, for the footer.
func (m sessionModel) listKeys() []key.Binding {
	k := m.ctx.keys
	b := []key.Binding{}
	if m.hasSelected() {
		b = append(b, k.Items.EditItem, k.Items.DeleteItem)
		if m.page().Kind == session.PageRequests {
			b = append(b, k.Items.SharePrivate)
		}
	}
	return append(b, k.Edit, m.viewKey(), k.Help, k.Quit)
}

// listHelp is the keys of a list page, for its footer line.
func (m sessionModel) listHelp(requests bool) string {
	s := "a add · e edit · x delete"
	if requests {
		s += " · v private/room · p prayed"
	}
	return s + " · ↑/↓ choose"
}

// item draws one line of a list: a cursor, a mark, the text and who.
// Stored text is cleaned of control sequences before it is drawn.
func (m sessionModel) item(selected bool, mark, text, name string, private bool) string {
	st := m.ctx.styles
	cursor := "  "
	style := st.Item
	if selected {
		cursor = "› "
		style = st.Selected
	}
	line := session.OneLine(text)
	if name = session.OneLine(name); name != "" {
		line += " — " + name
	}
	if private {
		line += " " + st.Private.Render("[private]")
	}
	w := m.lay.text - 6
	wrapped := lipgloss.NewStyle().Width(w).Render(line)
	wrapped = strings.ReplaceAll(wrapped, "\n", "\n    ")
	return cursor + mark + " " + style.Render(wrapped)
}

// privateRequests says, in the shared view, that private requests exist
// without showing them: "1 private request (leader's view)".
func privateRequests(n int) string {
	return session.Count(n, "private request", "private requests") + " (leader's view)"
}

// hiddenRequests is the line that says, in a view that leaves private
// requests out, how many it leaves out, in the prayer list's words
// (privateRequests); "" when it leaves none out. all is how many requests
// there are, shown how many the view shows: which it shows is the
// meeting's rule (Meeting.RequestsIn, CarriedRequestsIn).
func (m sessionModel) hiddenRequests(all, shown int) string {
	if all <= shown {
		return ""
	}
	return m.ctx.styles.Private.Render(privateRequests(all-shown)) + "\n"
}

func (m sessionModel) requestsView() string {
	st := m.ctx.styles
	var b strings.Builder
	title := "The group's own requests"
	if m.meet.Alone() {
		title = m.meet.Words().Requests
	}
	b.WriteString(st.Title.Render(title) + "\n\n")
	vis := m.meet.RequestsIn(m.audience())
	hidden := m.hiddenRequests(len(m.meet.Rec.Requests), len(vis))
	if len(vis) == 0 {
		msg := "No requests yet. Press a to add one as it is spoken."
		if m.meet.Alone() {
			msg = "No requests yet. Press a to add one."
		}
		if hidden != "" {
			msg = "No requests for the room yet. Press a to add one as it is spoken."
		}
		b.WriteString(st.Muted.Render(msg) + "\n")
	}
	for n, r := range vis {
		mark := "○"
		if r.Prayed {
			mark = st.Done.Render("✓")
		}
		b.WriteString(m.item(n == m.sel, mark, r.Text, r.Name, r.Private) + "\n")
	}
	b.WriteString(hidden)
	b.WriteString("\n" + st.Muted.Render(m.listHelp(true)))
	if !m.audience().Shows(session.Private) {
		b.WriteString("\n" + st.Muted.Render("Requests marked private show only in the leader's view (tab)."))
	}
	return b.String()
}

func (m sessionModel) commitmentsView() string {
	st := m.ctx.styles
	var b strings.Builder
	title := "What we will do"
	if m.meet.Alone() {
		title = m.words().Commitments
	}
	b.WriteString(st.Title.Render(title) + "\n\n")
	cs := m.meet.Rec.Commitments
	if len(cs) == 0 {
		b.WriteString(st.Muted.Render("No commitments yet. Press a to add one.") + "\n")
	}
	for n, c := range cs {
		b.WriteString(m.item(n == m.sel, "•", c.Text, c.Name, false) + "\n")
	}
	b.WriteString("\n" + st.Muted.Render(session.Count(len(cs), "commitment", "commitments")+" · "+m.listHelp(false)))
	return b.String()
}

// openRequests says a group's open requests on the leader's own screens:
// "2 open requests, 1 private".
func openRequests(open, private int) string {
	s := session.Count(open, "open request", "open requests")
	if private > 0 {
		s += ", " + session.Count(private, "private", "private")
	}
	return s
}

// requestVisible is the prayer list's rule, the meeting's: a private
// request shows in the leader's view only.
func requestVisible(r store.Request, leader bool) bool {
	v := session.Shared
	if leader {
		v = session.Leader
	}
	return v.ShowsRequest(r)
}
