package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"vigil/store"
)

// The revisit step opens a group's session with the requests its earlier
// meetings left open: each can be prayed again, marked answered (with a
// line on how, if the group likes) or archived.

const keyRevisit = "revisit"

// withRevisit puts the revisit step right after the content note, when the
// group has requests from earlier meetings to revisit.
func withRevisit(pages []page, has bool) []page {
	if !has {
		return pages
	}
	out := append([]page{pages[0], {Key: keyRevisit, Kind: pageRevisit, Part: -1, Section: -1}}, pages[1:]...)
	return out
}

// carryMsg brings the group's requests from earlier sessions.
type carryMsg struct {
	sessionID uint64
	items     []store.GroupRequest
	err       error
}

// loadCarry reads a group's open requests from its other sessions, off the
// UI goroutine.
func loadCarry(st *store.Store, s store.Session) tea.Cmd {
	if strings.TrimSpace(s.Group) == "" {
		return nil
	}
	return guard(func() tea.Msg {
		items, err := carried(st, s)
		return carryMsg{sessionID: s.ID, items: items, err: err}
	})
}

// carried reads the requests a session of a group revisits: those of the
// group's other sessions still open, or prayed again in this one.
func carried(st *store.Store, s store.Session) ([]store.GroupRequest, error) {
	if strings.TrimSpace(s.Group) == "" {
		return nil, nil
	}
	all, err := st.GroupRequests(s.Group)
	var open []store.GroupRequest
	for _, r := range all {
		if r.SessionID != s.ID && (r.Request.Status == "" || slices.Contains(r.Request.PrayedIn, s.UID)) {
			open = append(open, r)
		}
	}
	return open, err
}

// takeCarry receives the carried requests. When there are any, the revisit
// step joins the pages, and the page on screen stays on screen (or the
// session goes to the revisit step, if that is where it was left).
func (m sessionModel) takeCarry(msg carryMsg) sessionModel {
	m.carry, m.carryErr, m.carryLoaded = msg.items, msg.err, true
	if len(m.carry) > 0 {
		key := m.page().Key
		if m.pendingKey != "" {
			key = m.pendingKey
		}
		m.pages = withRevisit(buildPages(m.guide, m.rec.Session.Path), true)
		m.cur = indexOf(m.pages, key)
	}
	m.pendingKey = ""
	m.refresh(false)
	return m
}

// visibleCarry are the indexes of the carried requests this view may show.
func (m sessionModel) visibleCarry() []int {
	var out []int
	for i, r := range m.carry {
		if r.Request.Private && !m.leader {
			continue
		}
		out = append(out, i)
	}
	return out
}

// otherChanges are the writes for requests of earlier sessions, one change
// per session, in session order.
func (m sessionModel) otherChanges(set map[uint64]map[uint64]bool) []store.Change {
	ids := make([]uint64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var out []store.Change
	for _, id := range ids {
		c := store.Change{SessionID: id}
		for _, r := range m.carry {
			if r.SessionID == id && set[id][r.Request.ID] {
				c.Requests = append(c.Requests, r.Request)
			}
		}
		out = append(out, c)
	}
	return out
}

// changeCarried applies fn to the selected carried request and marks it to
// be written.
func (m sessionModel) changeCarried(fn func(*store.Request)) (sessionModel, tea.Cmd) {
	vis := m.visibleCarry()
	if len(vis) == 0 {
		return m, nil
	}
	item := &m.carry[vis[m.sel]]
	fn(&item.Request)
	m.dirty.other(item.SessionID, item.Request.ID)
	if m.touched == nil {
		m.touched = map[uint64]map[uint64]bool{}
	}
	if m.touched[item.SessionID] == nil {
		m.touched[item.SessionID] = map[uint64]bool{}
	}
	m.touched[item.SessionID][item.Request.ID] = true
	m.refresh(false)
	return m.scheduleSave()
}

func (m sessionModel) updateRevisitKey(msg tea.KeyMsg) (sessionModel, tea.Cmd, bool) {
	k := m.ctx.keys
	uid := m.rec.Session.UID
	now := m.ctx.now()
	switch {
	case key.Matches(msg, k.Praying):
		m, cmd := m.changeCarried(func(r *store.Request) {
			if i := slices.Index(r.PrayedIn, uid); i >= 0 {
				r.PrayedIn = slices.Delete(slices.Clone(r.PrayedIn), i, i+1)
			} else {
				r.PrayedIn = append(slices.Clone(r.PrayedIn), uid)
			}
		})
		return m, cmd, true
	case key.Matches(msg, k.Archive):
		m, cmd := m.changeCarried(func(r *store.Request) {
			if r.Status == store.RequestArchived {
				r.Status, r.ClosedAt = "", time.Time{}
				return
			}
			r.Status, r.ClosedAt = store.RequestArchived, now
		})
		return m, cmd, true
	case key.Matches(msg, k.Answered):
		vis := m.visibleCarry()
		if len(vis) == 0 {
			return m, nil, true
		}
		if m.carry[vis[m.sel]].Request.Status == store.RequestAnswered {
			m, cmd := m.changeCarried(func(r *store.Request) { r.Status, r.Answer, r.ClosedAt = "", "", time.Time{} })
			return m, cmd, true
		}
		m.answering = lineInput(m.ctx, "How was it answered? (optional) ", "", 200, m.lay.noteWidth-34)
		cmd := m.answering.Focus()
		m.refresh(false)
		return m, cmd, true
	}
	return m, nil, false
}

// updateAnswer takes the line on how a request was answered. enter and esc
// both keep what was typed: esc never throws text away.
func (m sessionModel) updateAnswer(msg tea.KeyMsg) (sessionModel, tea.Cmd) {
	if msg.Type == tea.KeyEnter || key.Matches(msg, m.ctx.keys.StopEdit) {
		answer := strings.TrimSpace(m.answering.Value())
		m.answering = nil
		now := m.ctx.now()
		return m.changeCarried(func(r *store.Request) { r.Status, r.Answer, r.ClosedAt = store.RequestAnswered, answer, now })
	}
	var cmd tea.Cmd
	*m.answering, cmd = m.answering.Update(msg)
	m.refresh(false)
	return m, cmd
}

func (m sessionModel) revisitView() string {
	st := m.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Requests from earlier meetings") + "\n\n")
	switch {
	case m.carryErr != nil:
		b.WriteString(st.Error.Render("The earlier requests could not be read: "+m.carryErr.Error()) + "\n")
	case !m.carryLoaded:
		b.WriteString(st.Muted.Render("Reading the group's earlier requests…") + "\n")
	case len(m.visibleCarry()) == 0:
		b.WriteString(st.Muted.Render("No open requests from earlier meetings of this group.") + "\n")
	}
	uid := m.rec.Session.UID
	for n, i := range m.visibleCarry() {
		r := m.carry[i].Request
		mark := "○"
		switch {
		case r.Status == store.RequestAnswered:
			mark = st.Done.Render("★")
		case r.Status == store.RequestArchived:
			mark = st.Muted.Render("–")
		case slices.Contains(r.PrayedIn, uid):
			mark = st.Done.Render("✓")
		}
		b.WriteString(m.item(n == m.sel, mark, r.Text, r.Name, r.Private) + "\n")
		detail := fmt.Sprintf("added %s · prayed in %d session(s)", m.carry[i].SessionCreated.Local().Format("2006-01-02"), r.TimesPrayed())
		switch r.Status {
		case store.RequestAnswered:
			detail = "answered"
			if r.Answer != "" {
				detail += ": " + r.Answer
			}
		case store.RequestArchived:
			detail = "archived"
		}
		b.WriteString("      " + st.Muted.Render(truncate(detail, m.lay.text-8)) + "\n")
	}
	if m.answering != nil {
		b.WriteString("\n" + m.answering.View() + "\n")
	}
	b.WriteString("\n" + st.Muted.Render("p still praying · y answered · x archive · ↑/↓ choose"))
	return b.String()
}
