package tui

import (
	"fmt"
	"strings"

	"vigil/guides"
)

// show prints the page: where it is, its title, its text, the prompt and
// what has been written on it. Without full, the text is left out: the
// second prompt of a step has the same text as the first, and a screen
// reader need not read it twice (r reads it again).
func (p *plainRun) show(full bool) {
	pg := p.page()
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line("")
	line(plainPosition(p.guide, p.pages, p.cur))
	switch pg.Kind {
	case pageContentNote:
		p.contentNote(line)
	case pageSummary:
		b.WriteString(summaryPlain(p.guide, &p.rec))
	case pageRequests:
		line("The group's own requests")
		if len(p.rec.Requests) == 0 {
			line("No requests yet. Type a to add one as it is spoken.")
		}
		for i, r := range p.rec.Requests {
			line(fmt.Sprintf("%d. %s", i+1, requestLine(r)))
		}
	case pageRevisit:
		p.revisitLines(line)
	case pageCommitments:
		line("Commitments: what we will do")
		if len(p.rec.Commitments) == 0 {
			line("No commitments yet. Type a to add one.")
		}
		for i, c := range p.rec.Commitments {
			line(fmt.Sprintf("%d. %s", i+1, itemLine(c.Text, c.Name)))
		}
	default:
		p.guidePage(line, full)
	}
	if pg.Kind != pageContentNote && pg.Kind != pageSummary {
		p.notes(line)
	}
	p.write(b.String())
}

func (p *plainRun) contentNote(line func(string)) {
	meta := p.guide.Meta
	line("Before we begin")
	line(strings.TrimSpace(meta.ContentNote))
	line("")
	src := meta.Title
	if meta.Source != "" {
		src += ". Source: " + meta.Source
	}
	line(src)
	if meta.Attribution != "" {
		line(strings.TrimSpace(meta.Attribution))
	}
	line("")
	line("How shall we go on? f (or n) for the full guide; g for the gentler path, straight to reflection and prayer.")
}

// guidePage prints a section of the guide, or a reflection step with one
// of its prompts.
func (p *plainRun) guidePage(line func(string), full bool) {
	pg := p.page()
	part := p.guide.Parts[pg.Part]
	sec := part.Sections[pg.Section]
	line(sec.Title)
	if p.guide.IsDetailed(sec, part.Kind) {
		line("Anyone may step out at any time; p pauses.")
	}
	if full {
		line("")
		line(plainMarkdown(sec.Body))
		if strings.TrimSpace(sec.Leader) != "" {
			line("")
			line("For the leader:")
			line(plainMarkdown(sec.Leader))
		}
	} else {
		line("The text of this step is as before; r reads it again.")
	}
	if pg.Kind == pagePrompt {
		line("")
		line(fmt.Sprintf("Prompt %d of %d: %s", pg.Prompt+1, len(sec.Prompts), plainInline(sec.Prompts[pg.Prompt])))
	}
	if p.onGuideRequest() {
		if _, ok := p.rec.Session.Prayed[sec.ID]; ok {
			line("Prayed.")
		} else {
			line("Not yet prayed; m marks it prayed.")
		}
	}
}

// notes prints what has been written on the page so far.
func (p *plainRun) notes(line func(string)) {
	key := p.page().Key
	label := "Note so far:"
	if p.page().Kind == pagePrompt {
		label = "Response so far:"
	}
	if n := p.rec.Notes[key]; strings.TrimSpace(n.Text) != "" {
		line(label)
		line(n.Text)
	}
	if n := p.rec.Notes[key+leaderSuffix]; strings.TrimSpace(n.Text) != "" {
		line("Leader's own note:")
		line(n.Text)
	}
}

// plainPosition says where a page is, in words, for example "Part 1 of 4,
// question 1 of 5: Cybersex Trafficking FAQs".
func plainPosition(g *guides.Guide, pages []page, cur int) string {
	pg := pages[cur]
	switch {
	case pg.Kind == pageContentNote:
		return "Content note: " + g.Meta.Title
	case pg.Kind == pageSummary:
		return "Summary: " + g.Meta.Title
	case pg.Kind == pageRevisit:
		return "Before the guide: revisit the group's earlier requests"
	case pg.Part < 0:
		return "After the guide: " + g.Meta.Title
	}
	n, of := partPosition(pages, cur)
	where := fmt.Sprintf("Part %d of %d", n, of)
	if sn, sof := sectionPosition(pages, cur); sof > 0 && pg.Section >= 0 {
		where += fmt.Sprintf(", %s %d of %d", sectionNoun(g.Parts[pg.Part].Kind), sn, sof)
	}
	return where + ": " + g.Parts[pg.Part].Title
}
