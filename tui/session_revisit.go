package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"vigil/session"
	"vigil/store"
)

// The revisit step opens a group's meeting with what its earlier meetings
// left open: requests, each prayed again, marked answered (with a line on
// how, if the group likes) or archived; and last meeting's commitments,
// each kept going, done or let go. What is done with them is the
// meeting's (Meeting.RevisitRequest, RevisitCommitment).

// loadCarry reads what a group's earlier meetings left open, off the UI
// goroutine.
func loadCarry(st *store.Store, s store.Session) tea.Cmd {
	if strings.TrimSpace(s.Group) == "" {
		return nil
	}
	return guard(func() tea.Msg {
		c, err := session.LoadCarry(st, s)
		return carryMsg{sessionID: s.ID, carry: c, err: err}
	})
}

// revisitRow is one row of the revisit step: a carried request or
// commitment, by its index in the meeting's Carry.
type revisitRow struct {
	commitment bool
	i          int
}

// revisitRows are the rows this view shows: the requests it may show,
// then the commitments.
func (m sessionModel) revisitRows() []revisitRow {
	var rows []revisitRow
	for _, i := range m.meet.CarriedRequestsIn(m.audience()) {
		rows = append(rows, revisitRow{i: i})
	}
	for i := range m.meet.Carry.Commitments {
		rows = append(rows, revisitRow{commitment: true, i: i})
	}
	return rows
}

// selectedRow is the row under the cursor; ok is false on an empty list.
func (m sessionModel) selectedRow() (revisitRow, bool) {
	rows := m.revisitRows()
	if m.sel < 0 || m.sel >= len(rows) {
		return revisitRow{}, false
	}
	return rows[m.sel], true
}

// revisitKeys are the keys for the selected row, for the footer: said
// short, as the step's own help line says them, so that the footer keeps
// them beside ? and q ("revisit:" is for the list of all keys).
func (m sessionModel) revisitKeys() []key.Binding {
	k := m.ctx.keys
	row, ok := m.selectedRow()
	switch {
	case !ok:
		return nil
	case row.commitment:
		return []key.Binding{withHelp(k.Ongoing, "c", "kept going"), withHelp(k.Done, "d", "done"), withHelp(k.LetGo, "l", "let go")}
	}
	return []key.Binding{withHelp(k.Praying, "p", "still praying"), withHelp(k.Answered, "y", "answered"), withHelp(k.Archive, "x", "archive")}
}

// revisitKey acts on the selected row. done is false when the key is not
// one of the revisit step's.
func (m sessionModel) revisitKey(msg tea.KeyPressMsg) (_ sessionModel, _ tea.Cmd, done bool) {
	k := m.ctx.keys
	row, ok := m.selectedRow()
	if !ok {
		return m, nil, false
	}
	now := m.ctx.now()
	var cs []store.Change
	switch {
	case row.commitment && key.Matches(msg, k.Ongoing):
		cs = m.meet.RevisitCommitment(row.i, store.ActionOngoing, now)
	case row.commitment && key.Matches(msg, k.Done):
		cs = m.meet.RevisitCommitment(row.i, store.ActionDone, now)
	case row.commitment && key.Matches(msg, k.LetGo):
		cs = m.meet.RevisitCommitment(row.i, store.ActionLetGo, now)
	case row.commitment:
		return m, nil, false
	case key.Matches(msg, k.Praying):
		cs = m.meet.RevisitRequest(row.i, store.ActionPraying, "", now)
	case key.Matches(msg, k.Archive):
		cs = m.meet.RevisitRequest(row.i, store.ActionArchived, "", now)
	case key.Matches(msg, k.Answered):
		if m.requestAction(row.i) == store.ActionAnswered {
			cs = m.meet.RevisitRequest(row.i, store.ActionAnswered, "", now) // the same again takes it back
			break
		}
		m.mode = modeAnswering
		m.input = lineInput(m.ctx, "How was it answered? (optional) ", "", 200, m.inputWidth())
		cmd := m.input.Focus()
		m.refresh(false)
		m.showAnswerField()
		return m, cmd, true
	default:
		return m, nil, false
	}
	m.refresh(false)
	m, cmd := m.queue(cs)
	return m, cmd, true
}

// requestAction is what this meeting did with carried request i.
func (m sessionModel) requestAction(i int) store.Action {
	gr := m.meet.Carry.Requests[i]
	rv, _ := m.meet.RevisitAction(store.ItemRequest, gr.SessionUID, gr.Request.ID)
	return rv.Action
}

// updateAnswer takes the line on how a request was answered. enter and esc
// both keep what was typed: esc never throws text away.
func (m sessionModel) updateAnswer(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	if key.Matches(msg, m.ctx.keys.Confirm) || key.Matches(msg, m.ctx.keys.StopEdit) {
		m.mode = modeBrowse
		var cs []store.Change
		if row, ok := m.selectedRow(); ok && !row.commitment {
			cs = m.meet.RevisitRequest(row.i, store.ActionAnswered, m.input.Value(), m.ctx.now())
		}
		m.refresh(false)
		return m.queue(cs)
	}
	return m.typeInField(msg)
}

func (m sessionModel) revisitView() string {
	st := m.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Requests from earlier meetings") + "\n\n")
	rows := m.revisitRows()
	nReq := slices.IndexFunc(rows, func(r revisitRow) bool { return r.commitment })
	if nReq < 0 {
		nReq = len(rows)
	}
	// The private requests this view leaves out, said as the requests
	// page says them, under the requests it shows.
	hidden := m.hiddenRequests(len(m.meet.Carry.Requests), nReq)
	switch {
	case m.meet.CarryErr != nil:
		b.WriteString(st.Error.Render("What earlier meetings left could not be read: "+session.Clean(m.meet.CarryErr.Error())) + "\n")
	case !m.meet.CarryLoaded:
		b.WriteString(st.Muted.Render("Reading the group's earlier requests…") + "\n")
	case nReq == 0 && hidden != "":
		b.WriteString(st.Muted.Render("No open requests for the room from earlier meetings.") + "\n")
	case nReq == 0:
		b.WriteString(st.Muted.Render("No open requests from earlier meetings of this group.") + "\n")
	}
	for n, row := range rows {
		if n == nReq {
			b.WriteString(hidden)
			b.WriteString("\n" + st.Title.Render("Commitments from last time") + "\n\n")
		}
		if row.commitment {
			b.WriteString(m.carriedCommitment(n == m.sel, m.meet.Carry.Commitments[row.i]))
		} else {
			b.WriteString(m.carriedRequest(n == m.sel, m.meet.Carry.Requests[row.i]))
		}
	}
	if nReq == len(rows) {
		b.WriteString(hidden) // no commitments follow
	}
	if m.mode == modeAnswering {
		b.WriteString("\n" + m.input.View() + "\n")
	}
	b.WriteString(m.revisitHelp(nReq < len(rows)))
	return b.String()
}

// revisitHelp is the end of the revisit step, under the answer field: the
// keys, after a blank line.
func (m sessionModel) revisitHelp(commitments bool) string {
	help := "p still praying · y answered · x archive · ↑/↓ choose"
	if commitments {
		help += "\n" + "c kept going · d done · l let go"
	}
	return "\n" + m.ctx.styles.Muted.Render(help)
}

// answerRow is the line of the body, counted from its first line on
// screen, that the answer field is drawn on: under it there is only
// revisitHelp, as the page wraps it. ok is false when the field is not
// on screen (scrolled off).
func (m sessionModel) answerRow() (row int, ok bool) {
	if m.page().Kind != session.PageRevisit {
		return 0, false
	}
	commitments := slices.ContainsFunc(m.revisitRows(), func(r revisitRow) bool { return r.commitment })
	below := 1 + strings.Count(ansi.Wrap(m.revisitHelp(commitments), m.vp.Width(), ""), "\n")
	row = m.vp.TotalLineCount() - 1 - below - m.vp.YOffset()
	return row, row >= 0 && row < m.vp.Height()
}

// showAnswerField scrolls the page so that the answer's field is in view:
// on a short screen it opens below the part shown, and the leader would
// type unseen.
func (m *sessionModel) showAnswerField() {
	row, ok := m.answerRow()
	switch {
	case ok:
	case row >= m.vp.Height():
		m.vp.SetYOffset(m.vp.YOffset() + row - m.vp.Height() + 1)
	default:
		m.vp.SetYOffset(m.vp.YOffset() + row)
	}
}

func (m sessionModel) carriedRequest(selected bool, gr store.GroupRequest) string {
	st := m.ctx.styles
	r := gr.Request
	mark := "○"
	switch {
	case r.Status == store.RequestAnswered:
		mark = st.Done.Render("★")
	case r.Status == store.RequestArchived:
		mark = st.Muted.Render("–")
	case slices.Contains(r.PrayedIn, m.meet.Rec.Session.UID):
		mark = st.Done.Render("✓")
	}
	detail := "added " + gr.SessionCreated.Local().Format("2006-01-02") + " · prayed in " + session.Count(r.TimesPrayed(), "session", "sessions")
	switch r.Status {
	case store.RequestAnswered:
		detail = "answered"
		if r.Answer != "" {
			detail += ": " + session.OneLine(r.Answer)
		}
	case store.RequestArchived:
		detail = "archived"
	}
	return m.item(selected, mark, r.Text, r.Name, r.Private) + "\n" +
		"      " + st.Muted.Render(truncate(detail, m.lay.text-8)) + "\n"
}

func (m sessionModel) carriedCommitment(selected bool, cc session.CarriedCommitment) string {
	st := m.ctx.styles
	c := cc.Commitment
	rv, acted := m.meet.RevisitAction(store.ItemCommitment, cc.SessionUID, c.ID)
	mark := "○"
	detail := "taken on last time"
	if !cc.SessionCreated.IsZero() {
		detail = "taken on " + cc.SessionCreated.Local().Format("2006-01-02")
	}
	if acted {
		detail = session.ActionWords(rv.Action)
		switch rv.Action {
		case store.ActionDone:
			mark = st.Done.Render("✓")
		case store.ActionOngoing:
			mark = st.Done.Render("→")
		case store.ActionLetGo:
			mark = st.Muted.Render("–")
		}
	}
	return m.item(selected, mark, c.Text, c.Name, false) + "\n" +
		"      " + st.Muted.Render(truncate(detail, m.lay.text-8)) + "\n"
}
