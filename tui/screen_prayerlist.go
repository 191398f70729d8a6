package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"vigil/session"
	"vigil/store"
)

// The prayer list shows every group's open requests, with when each was
// added and how many sessions have prayed it; answered ones are shown
// apart, and so is how often the group prayed the guide's own requests.

// prayerListMsg carries what the prayer list shows, read off the UI
// goroutine.
type prayerListMsg struct {
	requests []store.GroupRequest
	prayed   map[string]map[string]int // group → guide section ID → sessions
	groups   []store.GroupSummary
	err      error
}

func loadPrayerList(st *store.Store) tea.Cmd {
	return guard(func() tea.Msg {
		groups, err := st.Groups()
		if err != nil {
			return prayerListMsg{err: err}
		}
		reqs, err := st.GroupRequests("")
		if err != nil {
			return prayerListMsg{err: err}
		}
		prayed := map[string]map[string]int{}
		for _, g := range groups {
			if prayed[g.Name], err = st.GroupPrayed(g.Name); err != nil {
				return prayerListMsg{err: err}
			}
		}
		return prayerListMsg{requests: reqs, prayed: prayed, groups: groups}
	})
}

// goHomeMsg asks the root for the home screen again.
type goHomeMsg struct{}

// prayerList is the prayer list screen, opened from home.
type prayerList struct {
	ctx    *context
	msg    *prayerListMsg
	leader bool
	vp     viewport.Model
	width  int
}

func newPrayerList(ctx *context, w, h int) prayerList {
	p := prayerList{ctx: ctx, vp: viewport.New()}
	p.vp.KeyMap = viewport.KeyMap{}
	p = p.SetSize(w, h)
	p.vp.SetContent(ctx.styles.Muted.Render("Reading the prayer list…"))
	return p
}

// SetSize lays the list out for a window.
func (p prayerList) SetSize(w, h int) prayerList {
	p.width = w
	p.vp.SetWidth(max(1, w-2))
	p.vp.SetHeight(max(1, h-3))
	if p.msg != nil {
		p.vp.SetContent(p.text())
	}
	return p
}

func (p prayerList) update(msg tea.Msg) (prayerList, tea.Cmd) {
	k := p.ctx.keys
	switch msg := msg.(type) {
	case prayerListMsg:
		p.msg = &msg
		p.vp.SetContent(p.text())
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Home):
			return p, func() tea.Msg { return goHomeMsg{} }
		case key.Matches(msg, k.View):
			p.leader = !p.leader
			p.vp.SetContent(p.text())
		default:
			scrollKeys(&p.vp, k, msg)
		}
	}
	return p, nil
}

// ShortHelp is the footer's keys.
func (p prayerList) ShortHelp() []key.Binding {
	k := p.ctx.keys
	return []key.Binding{k.Home, k.View, k.Up, k.Down, k.Help, k.Quit}
}

// FullHelp is every key of the prayer list, for ?.
func (p prayerList) FullHelp() [][]key.Binding {
	k := p.ctx.keys
	return [][]key.Binding{
		{k.Home, k.View},
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Pause, k.Resources, k.Help, k.Quit, k.Interrupt},
	}
}

// guideTitle finds the title of a guide's section by its ID in any guide.
func (p prayerList) guideTitle(sectionID string) string {
	for _, g := range p.ctx.cfg.Library.Guides {
		for _, part := range g.Parts {
			for _, s := range part.Sections {
				if s.ID == sectionID {
					return session.OneLine(s.Title)
				}
			}
		}
	}
	return session.OneLine(sectionID)
}

func (p prayerList) text() string {
	st := p.ctx.styles
	if p.msg == nil {
		return st.Muted.Render("Reading the prayer list…")
	}
	if p.msg.err != nil {
		return st.Error.Render(truncateWords("The prayer list could not be read: "+session.Sentence(p.msg.err.Error()), p.width-4))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render("Prayer list") + "\n")
	if len(p.msg.groups) == 0 {
		b.WriteString("\n" + hangWrap(st.Muted.Render("No group has met yet. Start a session with a group name to keep its requests here."), p.width-2, "") + "\n")
	}
	// A request's words are the group's or the guide's own: they wrap
	// under their mark rather than being cut, and how often the group
	// prayed each has a line of its own, so that no width hides it.
	const under = "    " // under the text, past "  ○ "
	w := p.width - 10
	for _, g := range p.msg.groups {
		b.WriteString("\n" + st.Title.Render(truncate(session.OneLine(g.Name), w)) + st.Muted.Render(fmt.Sprintf(" · last met %s", g.Last.Local().Format("2006-01-02"))) + "\n")
		var open, answered []string
		hidden := 0 // open private requests the shared view leaves out
		for _, r := range p.msg.requests {
			if !store.SameGroup(r.Group, g.Name) {
				continue
			}
			if !requestVisible(r.Request, p.leader) {
				if r.Request.Status == "" {
					hidden++
				}
				continue
			}
			line := session.OneLine(r.Request.Text)
			if name := session.OneLine(r.Request.Name); name != "" {
				line += " — " + name
			}
			if r.Request.Private {
				line += " [private]"
			}
			switch r.Request.Status {
			case "":
				open = append(open, "○ "+hangWrap(line, w, under)+"\n"+under+hangWrap(st.Muted.Render("added "+r.SessionCreated.Local().Format("2006-01-02")+
					" · prayed in "+session.Count(r.Request.TimesPrayed(), "session", "sessions")), w, under))
			case store.RequestAnswered:
				a := "★ " + hangWrap(line, w, under)
				if r.Request.Answer != "" {
					a += "\n" + under + hangWrap(st.Muted.Render("answered: "+session.OneLine(r.Request.Answer)), w, under)
				}
				answered = append(answered, a)
			}
		}
		switch {
		case len(open) == 0 && hidden > 0:
			b.WriteString("  " + st.Muted.Render("No open requests for the room.") + "\n")
		case len(open) == 0:
			b.WriteString("  " + st.Muted.Render("No open requests.") + "\n")
		}
		for _, l := range open {
			b.WriteString("  " + l + "\n")
		}
		if hidden > 0 {
			b.WriteString("  " + st.Private.Render(privateRequests(hidden)) + "\n")
		}
		if len(answered) > 0 {
			b.WriteString("  " + st.Done.Render("Answered") + "\n")
			for _, l := range answered {
				b.WriteString("  " + l + "\n")
			}
		}
		prayed := p.msg.prayed[g.Name]
		if len(prayed) > 0 {
			b.WriteString("  " + st.Muted.Render("The guide's requests prayed") + "\n")
			ids := make([]string, 0, len(prayed))
			for id := range prayed {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				b.WriteString("  ✓ " + hangWrap(p.guideTitle(id), w, under) + "\n" +
					under + st.Muted.Render("prayed in "+session.Count(prayed[id], "session", "sessions")) + "\n")
			}
		}
	}
	if !p.leader {
		b.WriteString("\n" + hangWrap(st.Muted.Render("Requests marked private show only in the leader's view (tab)."), p.width-2, ""))
	}
	return b.String()
}

func (p prayerList) view() string {
	mode := sharedBadge(p.ctx.styles)
	if p.leader {
		mode = leaderBadge(p.ctx.styles)
	}
	return indent(mode + "\n" + p.vp.View() + "\n" + shortHelpLine(p.ctx.styles, p.ShortHelp(), p.width-2))
}
