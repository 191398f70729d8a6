package tui

import (
	"fmt"
	"regexp"
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
	style     string // the glamour style it was rendered in
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
	fmt.Fprintf(&b, "## %s\n\n%s\n", sec.Title, guideMarkdown(sec.Body))
	if p.Kind == session.PagePrompt {
		// The step's text first, then the prompt: the leader reads the
		// text slowly and leaves a silence before the prompts. "→ more"
		// brings the prompt into view when the text is long. Not a block
		// quote: glamour's quote bar miscounts the width and orphans a
		// word.
		fmt.Fprintf(&b, "\n### Prompt %d of %d\n\n%s\n", p.Prompt+1, len(sec.Prompts), guideMarkdown(sec.Prompts[p.Prompt]))
	}
	shared = b.String()
	if strings.TrimSpace(sec.Leader) != "" {
		leader = shared + "\n---\n\n**For the leader** (not shown in the shared view)\n\n" + guideMarkdown(sec.Leader) + "\n"
	}
	return shared, leader
}

// guideMarkdown is a part of the guide file (a section's text, a prompt,
// a note for the leader, the closing) as glamour is given it: list items
// on one line each, and each link shown once.
func guideMarkdown(md string) string { return linksOnce(joinListLines(md)) }

// mdLink is an inline Markdown link: [text](address).
var mdLink = regexp.MustCompile(`\[([^\[\]\n]+)\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)`)

// linksOnce writes each link so that glamour shows it once: a link whose
// text is its address (but for the scheme, case and a trailing slash)
// becomes the text alone, and any other keeps its text, which glamour
// follows with the address. glamour would otherwise print
// "www.IJM.org/IFLOCAL http://www.IJM.org/IFLOCAL".
func linksOnce(md string) string {
	return mdLink.ReplaceAllStringFunc(md, func(l string) string {
		sub := mdLink.FindStringSubmatch(l)
		if sameAddress(sub[1], sub[2]) {
			// Escaped so that glamour does not make a link of it again.
			return strings.NewReplacer(".", "\\.", ":", "\\:").Replace(sub[1])
		}
		return l
	})
}

// joinListLines joins the lines a list item was wrapped onto in the
// source: glamour keeps such a break, and the item's last word is left
// alone on a line ("numbers.").
func joinListLines(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	inItem := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			inItem = false
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			inItem = true
		case inItem && strings.HasPrefix(l, " "):
			out[len(out)-1] += " " + t
			continue
		default:
			inItem = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// sameAddress reports whether a link's text is its address, ignoring the
// scheme, case and a trailing slash.
func sameAddress(text, addr string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"https://", "http://", "mailto:"} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(text) == norm(addr)
}

// renderGuide returns a command that renders every guide page at one width.
// It runs off the UI goroutine: glamour takes milliseconds, not microseconds.
func renderGuide(sessionID uint64, g *guides.Guide, pages []session.Page, width int, style string) tea.Cmd {
	return guard(func() tea.Msg {
		r, err := guides.NewRenderer(width, style)
		if err != nil {
			return renderedMsg{sessionID: sessionID, style: style, width: width, err: err}
		}
		out := make(map[string]string, len(pages)+2)
		// The content note's leader note and the guide's closing are
		// Markdown too.
		for k, md := range map[string]string{
			session.KeyContentNote + session.LeaderSuffix: g.Meta.LeaderNote,
			session.KeyClosing:                            g.Meta.Closing,
		} {
			if strings.TrimSpace(md) == "" {
				continue
			}
			if out[k], err = r.Render(guideMarkdown(md)); err != nil {
				return renderedMsg{sessionID: sessionID, style: style, width: width, err: err}
			}
		}
		for _, p := range pages {
			shared, leader := pageMarkdown(g, p)
			if shared == "" {
				continue
			}
			if out[p.Key], err = r.Render(shared); err != nil {
				return renderedMsg{sessionID: sessionID, style: style, width: width, err: err}
			}
			if leader != "" {
				if out[p.Key+session.LeaderSuffix], err = r.Render(leader); err != nil {
					return renderedMsg{sessionID: sessionID, style: style, width: width, err: err}
				}
			}
		}
		return renderedMsg{sessionID: sessionID, style: style, width: width, pages: out}
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
