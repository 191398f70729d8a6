package tui

// The session screen's keys for the footer and ?, and its status line.

import (
	"fmt"

	"charm.land/bubbles/v2/key"

	"vigil/session"
)

// ShortHelp is the footer's keys for what is on screen. A page's keys end
// with ? and q, which a narrow footer keeps (shortHelpLine).
func (m sessionModel) ShortHelp() []key.Binding {
	k := m.ctx.keys
	switch m.mode {
	case modeForm:
		return m.form.ShortHelp(m.viewKey())
	case modeEditing:
		return []key.Binding{k.StopEdit, k.Interrupt}
	case modeOutline:
		return []key.Binding{k.Up, k.Down, withHelp(k.Confirm, "enter", "go there"), k.Close}
	case modeSearch:
		return []key.Binding{withHelp(k.Confirm, "enter", "find"), k.Cancel}
	case modeMinutes:
		return []key.Binding{withHelp(k.Confirm, "enter", "share the time"), k.Cancel}
	case modeWho, modeAnswering:
		return []key.Binding{withHelp(k.Confirm, "enter", "keep"), withHelp(k.StopEdit, "esc", "keep")}
	case modeTimer:
		return append(append([]key.Binding(nil), k.SilenceFor...), withHelp(k.Cancel, "esc", "none"))
	}
	p := m.page()
	// H comes early, so that a narrow footer never cuts it: help is one
	// key away on every page.
	res := withHelp(k.Resources, "H", "help")
	view := m.viewKey()
	next := k.Next
	if m.moreBelow() {
		next = withHelp(k.Next, "→", "more")
	}
	switch p.Kind {
	case session.PageContentNote:
		full := []key.Binding{k.Full}
		if m.moreBelow() {
			full = []key.Binding{withHelp(k.Next, "→", "more"), withHelp(k.Edit, "enter", "full guide")}
		}
		// H before g: the note box under the page offers the gentler
		// path too, and a footer cut after three keys keeps H.
		b := append(full, res, k.Gentle, withHelp(k.Minutes, "m", m.words().Length))
		if !m.meet.Alone() {
			b = append(b, k.Who)
		}
		return append(b, k.Help, k.Quit)
	case session.PageSummary:
		b := []key.Binding{k.Back, res, k.Export, view, k.Up, k.Down, k.Help, k.Quit}
		if m.moreBelow() {
			b = append([]key.Binding{next}, b...)
		}
		return b
	case session.PageRevisit:
		return append([]key.Binding{next, k.Back, res}, append(m.revisitKeys(), view, k.Help, k.Quit)...)
	case session.PageRequests, session.PageCommitments:
		b := []key.Binding{next, k.Back, res, k.Add}
		if p.Kind == session.PageRequests {
			b = append(b, k.Prayed)
		}
		return append(b, m.listKeys()...) // session_lists.go
	case session.PageClosing:
		return []key.Binding{next, k.Back, res, view, k.Help, k.Quit}
	}
	b := []key.Binding{next, k.Back, res}
	if m.meet.HidesText() {
		b = append(b, k.Reveal)
	}
	if m.meet.CanPass() && !m.leader {
		b = append(b, k.Pass)
	}
	b = append(b, k.Edit)
	if m.canMarkPrayed() {
		b = append(b, k.Prayed)
	}
	return append(b, view, k.Help, k.Quit)
}

// viewKey is tab, which turns between the shared view and the leader's;
// disabled (not shown, not listed) where there is one view, alone.
func (m sessionModel) viewKey() key.Binding {
	if m.oneView() {
		return key.NewBinding(key.WithDisabled())
	}
	return m.ctx.keys.View
}

// FullHelp is every key of the session screen, for ?.
func (m sessionModel) FullHelp() [][]key.Binding {
	k := m.ctx.keys
	return [][]key.Binding{
		{k.Next, k.Back, k.Edit, k.StopEdit},
		{m.viewKey(), k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Prayed, k.Add, k.Items.EditItem, k.Items.DeleteItem, k.Items.SharePrivate, k.Private},
		{k.Gentle, k.Minutes, k.Who, k.Pass, k.Reveal},
		{k.Silence, k.Outline, k.Search, k.NextMatch, k.Export},
		{k.Praying, k.Answered, k.Archive, k.Ongoing, k.Done, k.LetGo},
		{k.Pause, k.Resources, k.Room.Open, k.Help, k.Quit, k.Interrupt},
	}
}

func (m sessionModel) status() string {
	st := m.ctx.styles
	if m.mode == modeSearch {
		return m.input.View()
	}
	saved := m.saveStatus()
	if r := m.ctx.room.status(); r != "" {
		saved += st.Muted.Render(" · ") + st.Warn.Render(r)
	}
	if t := m.silenceStatus(); t != "" {
		saved += st.Muted.Render(" · ") + t
	}
	if m.notice != "" {
		saved += st.Muted.Render(" · ") + st.Warn.Render(m.notice)
	}
	if m.findStatus != "" {
		saved += st.Muted.Render(" · ") + st.Selected.Render(m.findStatus)
	}
	if more := m.scrollStatus(); more != "" {
		saved += st.Muted.Render(" · ") + more
	}
	if m.meet.Detailed() && m.save.err == nil {
		saved += st.Muted.Render(" · Anyone may step out at any time. space pauses the screen.")
	}
	return saved
}

// scrollStatus says, as glow does, that the text goes on below and how
// far down it is read: "↓ more · 40%"; "" when the page fits.
func (m sessionModel) scrollStatus() string {
	if m.vp.TotalLineCount() <= m.vp.Height() {
		return ""
	}
	pct := int(m.vp.ScrollPercent()*100 + 0.5)
	if m.vp.AtBottom() {
		return m.ctx.styles.Muted.Render("end of page · 100%")
	}
	return m.ctx.styles.Selected.Render(fmt.Sprintf("↓ more · %d%%", pct))
}
