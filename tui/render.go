package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
)

// renderedMsg carries a whole guide rendered at one width (each page's
// rendering keyed by its page key, and by the key with
// session.LeaderSuffix for the page with the leader's notes). It comes back to
// the session that asked for it; a stale width is kept in the cache anyway.
type renderedMsg struct {
	sessionID uint64
	width     int
	pages     map[string]string
	err       error
}

// pageMarkdown is the Markdown of the guide pages that glamour renders. The
// second value is the same page with the leader's notes, or "" when the page
// has none.
func pageMarkdown(g *guides.Guide, p session.Page) (shared, leader string) {
	if p.Part < 0 || p.Section < 0 {
		return "", ""
	}
	sec := g.Parts[p.Part].Sections[p.Section]
	var b strings.Builder
	if p.Kind == session.PagePrompt {
		// The prompt comes first, so it is on screen without scrolling.
		// Not a block quote: glamour's quote bar miscounts the width and
		// orphans a word.
		fmt.Fprintf(&b, "### Prompt %d of %d\n\n%s\n\n", p.Prompt+1, len(sec.Prompts), sec.Prompts[p.Prompt])
	}
	fmt.Fprintf(&b, "## %s\n\n%s\n", sec.Title, sec.Body)
	shared = b.String()
	if strings.TrimSpace(sec.Leader) != "" {
		leader = shared + "\n---\n\n**For the leader** (not shown in the shared view)\n\n" + sec.Leader + "\n"
	}
	return shared, leader
}

// renderGuide returns a command that renders every guide page at one width.
// It runs off the UI goroutine: glamour takes milliseconds, not microseconds.
func renderGuide(sessionID uint64, g *guides.Guide, pages []session.Page, width int, style string) tea.Cmd {
	return guard(func() tea.Msg {
		r, err := guides.NewRenderer(width, style)
		if err != nil {
			return renderedMsg{sessionID: sessionID, width: width, err: err}
		}
		out := make(map[string]string, len(pages))
		for _, p := range pages {
			shared, leader := pageMarkdown(g, p)
			if shared == "" {
				continue
			}
			if out[p.Key], err = r.Render(shared); err != nil {
				return renderedMsg{sessionID: sessionID, width: width, err: err}
			}
			if leader != "" {
				if out[p.Key+session.LeaderSuffix], err = r.Render(leader); err != nil {
					return renderedMsg{sessionID: sessionID, width: width, err: err}
				}
			}
		}
		return renderedMsg{sessionID: sessionID, width: width, pages: out}
	})
}

// textWidth is the width guide text is rendered at: the window less the
// app's padding, and never wider than reads comfortably.
func textWidth(window int) int {
	w := window - 2
	if w > 100 {
		w = 100
	}
	if w < 20 {
		w = 20
	}
	return w
}
