package session

import (
	"fmt"
	"strings"
)

// SharedPage is the page on screen as the shared view may show it to
// people who are not the leader (the room's participants and its second
// screen): where it is, its title, and its text as Markdown. It is made
// from what the Shared view shows and nothing else: no leader's note, no
// private request, no facilitator's text of the guide.
type SharedPage struct {
	Key   string
	Kind  PageKind
	Where string // "Part 2 of 4 · question 1 of 5", or "Content note"
	Title string
	// Markdown is the page's text; every piece of it that came from the
	// database or a guide is passed through Clean.
	Markdown string
}

// Titles of the shared pages that are not guide sections.
const (
	TitleContentNote = "Before we begin"
	TitleClosing     = "Closing"
	TitleOwnRequests = "The group's own requests"
	TitleSummary     = "What we shared"
	// LineStepOut is said on every page the guide marks as detailed.
	LineStepOut = "Anyone may step out at any time."
)

// SharedPage lays out the page the shared view shows now (PageIn): the
// page on screen, or, while the leader is on the debrief, the check-in.
func (m *Meeting) SharedPage() SharedPage {
	i := m.indexIn(Shared)
	p := m.Pages[i]
	out := SharedPage{Key: p.Key, Kind: p.Kind, Where: m.whereAt(i)}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	switch p.Kind {
	case PageContentNote:
		out.Title = TitleContentNote
		line(m.SharedContentNote().Markdown)
	case PageRequests:
		out.Title = TitleOwnRequests
		list := m.RequestsIn(Shared)
		if len(list) == 0 {
			line("No requests yet.")
		}
		for _, r := range list {
			line("- " + itemMarkdown(r.Text, r.Name))
		}
	case PageCommitments:
		out.Title = TitleCommitments
		if len(m.Rec.Commitments) == 0 {
			line("No commitments yet.")
		}
		for _, c := range m.Rec.Commitments {
			line("- " + itemMarkdown(c.Text, c.Name))
		}
	case PageRevisit:
		out.Title = TitleRevisit
		idx := m.CarriedRequestsIn(Shared)
		if len(idx) > 0 {
			line("### " + TitleRevisitRequests)
			line("")
			for _, i := range idx {
				r := m.Carry.Requests[i].Request
				line("- " + itemMarkdown(r.Text, r.Name))
			}
			line("")
		}
		if len(m.Carry.Commitments) > 0 {
			line("### " + TitleRevisitCommitments)
			line("")
			for _, c := range m.Carry.Commitments {
				line("- " + itemMarkdown(c.Commitment.Text, c.Commitment.Name))
			}
		}
	case PageSummary:
		out.Title = TitleSummary
		b.WriteString(capturedMarkdown(Capture(m.Rec, m.Guide, Shared)))
	case PageClosing:
		out.Title = TitleClosing
		text, vigils := Closing(m.Guide.Meta.Closing)
		if vigils {
			line(mdEscape(text))
			line("")
			line("*" + mdEscape(VigilClosingCredit) + "*")
		} else {
			line(text)
		}
	case PageCheckIn:
		w := m.Words()
		out.Title = w.CheckIn
		line(mdEscape(w.CheckInIntro()))
		line("")
		b.WriteString(helpMarkdown(HelpOf(m.Guide)))
	default:
		if p.Part < 0 || p.Section < 0 {
			break
		}
		part := m.Guide.Parts[p.Part]
		sec := part.Sections[p.Section]
		out.Title = OneLine(sec.Title)
		if m.Guide.IsDetailed(sec, part.Kind) {
			line("*" + LineStepOut + "*")
			line("")
		}
		if p.Headline && (i != m.Cur || !m.revealed) {
			line("*" + HeadlineOnly + ".*")
			break
		}
		if p.Kind == PagePrompt && p.Prompt < len(sec.Prompts) {
			line(fmt.Sprintf("### Prompt %d of %d", p.Prompt+1, len(sec.Prompts)))
			line("")
			line(Clean(sec.Prompts[p.Prompt]))
			line("")
		}
		line(Clean(sec.Body))
	}
	out.Markdown = strings.TrimSpace(b.String())
	return out
}

// whereAt says where page i is, as the screens' headers do: "Part 2 of 4
// · question 1 of 5 · prompt 1 of 2".
func (m *Meeting) whereAt(i int) string {
	p := m.Pages[i]
	switch p.Kind {
	case PageContentNote:
		return "Content note"
	case PageSummary:
		return "Summary"
	case PageRevisit:
		return "Before the guide"
	}
	if p.Part < 0 {
		return "After the guide"
	}
	n, of := PartPosition(m.Pages, i)
	where := fmt.Sprintf("Part %d of %d", n, of)
	if sn, sof := SectionPosition(m.Pages, i); sof > 0 && p.Section >= 0 {
		where += fmt.Sprintf(" · %s %d of %d", SectionNoun(m.Guide.Parts[p.Part].Kind), sn, sof)
	}
	if p.Kind == PagePrompt {
		sec := m.Guide.Parts[p.Part].Sections[p.Section]
		where += fmt.Sprintf(" · prompt %d of %d", p.Prompt+1, len(sec.Prompts))
	}
	return where
}

// itemMarkdown is one request or commitment as a list item's text.
func itemMarkdown(text, name string) string {
	s := mdEscape(OneLine(text))
	if name = OneLine(name); name != "" {
		s += " — *" + mdEscape(name) + "*"
	}
	return s
}

// mdEscape keeps typed text from being read as Markdown: a request that
// starts with "#" is a request, not a heading.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// capturedMarkdown is a captured session as Markdown, for the summary
// page of the shared view.
func capturedMarkdown(c Captured) string {
	var b strings.Builder
	for _, p := range c.Parts {
		if len(p.Sections) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", mdEscape(OneLine(p.Title)))
		for _, s := range p.Sections {
			fmt.Fprintf(&b, "### %s\n\n", mdEscape(OneLine(s.Title)))
			for _, e := range s.Entries {
				if e.Label != "" {
					fmt.Fprintf(&b, "*%s*\n\n", mdEscape(OneLine(e.Label)))
				}
				for _, l := range strings.Split(Clean(e.Text), "\n") {
					if strings.TrimSpace(l) != "" {
						fmt.Fprintf(&b, "%s\n", mdEscape(l))
					}
				}
				b.WriteString("\n")
			}
			for _, it := range s.Items {
				mark := ""
				if s.Checks && it.Done {
					mark = "✓ "
				}
				fmt.Fprintf(&b, "- %s%s", mark, mdEscape(OneLine(it.Text)))
				if it.Detail != "" {
					fmt.Fprintf(&b, " — *%s*", mdEscape(OneLine(it.Detail)))
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
	}
	if b.Len() == 0 {
		return "Nothing was written down in this session."
	}
	return b.String()
}

// helpMarkdown is a guide's help resources as Markdown, every piece of
// text escaped: the lines every guide gets, then each need with its
// resources (someone to talk to first), and when they were checked.
func helpMarkdown(h Help) string {
	var b strings.Builder
	for _, l := range h.Lines {
		b.WriteString(mdEscape(l) + "\n\n")
	}
	for _, g := range h.Groups {
		fmt.Fprintf(&b, "### %s\n\n", mdEscape(g.Need))
		for _, it := range g.Items {
			b.WriteString("- **" + mdEscape(it.Name) + "**")
			for _, f := range it.Fields {
				b.WriteString(" · " + f.Label + ": " + mdEscape(f.Value))
			}
			if it.For != "" {
				b.WriteString(" — " + mdEscape(it.For))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	for _, s := range []string{h.Checked, h.None} {
		if s != "" {
			b.WriteString("*" + mdEscape(s) + "*\n")
		}
	}
	return b.String()
}

// SharedContentNote is the content note as the shared view shows it,
// whatever page is on screen: what someone who arrives late reads first.
func (m *Meeting) SharedContentNote() SharedPage {
	meta := m.Guide.Meta
	var b strings.Builder
	b.WriteString(Clean(strings.TrimSpace(meta.ContentNote)) + "\n\n")
	src := OneLine(meta.Title)
	if meta.Source != "" {
		src += ". Source: " + OneLine(meta.Source)
	}
	b.WriteString("*" + mdEscape(src) + "*")
	return SharedPage{Key: KeyContentNote, Kind: PageContentNote, Where: "Content note", Title: TitleContentNote, Markdown: b.String()}
}
