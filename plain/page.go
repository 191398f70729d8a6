package plain

import (
	"fmt"
	"strings"

	"vigil/session"
)

// show prints the page: where it is, its title, its text, the prompt and
// what has been written on it. Without full, the text is left out: the
// second prompt of a step has the same text as the first, and a screen
// reader need not read it twice (r reads it again).
func (r *run) show(full bool) {
	pg := r.m.Page()
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line("")
	line(r.position())
	switch pg.Kind {
	case session.PageContentNote:
		r.contentNote(line)
	case session.PageSummary:
		b.WriteString(capturedText(session.Capture(r.m.Rec, r.m.Guide, session.Leader)))
	case session.PageRequests:
		line(r.m.Words().Requests)
		list := r.m.RequestsIn(session.Leader)
		if len(list) == 0 {
			line("No requests yet. Type a to add one as it is spoken.")
		}
		for i, req := range list {
			line(fmt.Sprintf("%d. %s", i+1, requestLine(req)))
		}
	case session.PageRevisit:
		r.revisitLines(line)
	case session.PageClosing:
		r.closing(line)
	case session.PageCheckIn:
		w := r.m.Words()
		line(w.CheckIn)
		line(w.CheckInIntro())
		b.WriteString(helpText(session.HelpOf(r.m.Guide)))
		line("")
		line(session.CheckInNote)
	case session.PageDebrief:
		line(session.DebriefTitle)
		line(session.DebriefCare)
		line("")
		line(session.DebriefFollowUp)
	case session.PageCommitments:
		line(r.m.Words().Commitments)
		if len(r.m.Rec.Commitments) == 0 {
			line("No commitments yet. Type a to add one.")
		}
		for i, c := range r.m.Rec.Commitments {
			line(fmt.Sprintf("%d. %s", i+1, itemLine(c.Text, c.Name)))
		}
	default:
		r.guidePage(line, full)
	}
	if pg.HasNote() {
		r.notes(line)
	}
	r.write(b.String())
}

func (r *run) contentNote(line func(string)) {
	meta := r.m.Guide.Meta
	line("Before we begin")
	line(strings.TrimSpace(meta.ContentNote))
	line("")
	src := session.OneLine(meta.Title)
	if meta.Source != "" {
		src += ". Source: " + session.OneLine(meta.Source)
	}
	line(src)
	if meta.Attribution != "" {
		line(strings.TrimSpace(meta.Attribution))
	}
	if r.m.GuideLeaderNotesIn(session.Leader) && strings.TrimSpace(meta.LeaderNote) != "" {
		line("")
		line("For the leader:")
		line(markdown(meta.LeaderNote))
	}
	line("")
	line("How shall we go on? f (or n) for the full guide; g for the gentler path, straight to reflection and prayer.")
}

// closing prints the closing page: the guide's own close, or vigil's
// blessing, credited as vigil's words.
func (r *run) closing(line func(string)) {
	line("Closing")
	text, vigils := session.Closing(r.m.Guide.Meta.Closing)
	line(markdown(text))
	if vigils {
		line(session.VigilClosingCredit)
	}
}

// guidePage prints a section of the guide, or a reflection step with one
// of its prompts.
func (r *run) guidePage(line func(string), full bool) {
	sec, ok := r.m.Section()
	if !ok {
		return
	}
	pg := r.m.Page()
	line(session.OneLine(sec.Title))
	if r.m.Detailed() {
		line(session.LineStepOut + " Type p to pause.")
	}
	switch {
	case pg.Headline && !r.revealed:
		line("")
		line(session.HeadlineOnly + "; type r to read them.")
	case full:
		line("")
		line(markdown(sec.Body))
		if r.m.GuideLeaderNotesIn(session.Leader) && strings.TrimSpace(sec.Leader) != "" {
			line("")
			line("For the leader:")
			line(markdown(sec.Leader))
		}
	default:
		line("The text of this step is as before; r reads it again.")
	}
	if pg.Kind == session.PagePrompt {
		if note := r.m.Words().PromptsNote; note != "" && !r.promptsNoted {
			r.promptsNoted = true
			line("")
			line(note)
		}
		line("")
		line(fmt.Sprintf("Prompt %d of %d: %s", pg.Prompt+1, len(sec.Prompts), inline(sec.Prompts[pg.Prompt])))
	}
	if r.m.OnGuideRequest() {
		if r.m.GuideRequestPrayed() {
			line("Prayed.")
		} else {
			line("Not yet prayed; m marks it prayed.")
		}
	}
}

// notes prints what has been written on the page so far: the group's note
// (or response, or that the group passed) and the leader's own.
func (r *run) notes(line func(string)) {
	w, pg := r.m.Words(), r.m.Page()
	label := w.Note + " so far:"
	switch {
	case pg.LeaderOnly:
		label = "Leader's own note:"
	case pg.Kind == session.PagePrompt:
		label = w.Response + " so far:"
	}
	if n := r.m.Note(false); strings.TrimSpace(n.Text) != "" {
		line(label)
		line(n.Text)
	}
	if r.m.CanPass() && r.m.Passed() {
		line(r.m.Words().Passed + " pass takes that back.")
	}
	if r.m.Page().LeaderOnly {
		return // its one note, the leader's, is printed above
	}
	if n := r.m.Note(true); strings.TrimSpace(n.Text) != "" {
		line("Leader's own note:")
		line(n.Text)
	}
}

// position says where the page on screen is, in words, for example "Part
// 1 of 4, question 1 of 5: Cybersex Trafficking FAQs".
func (r *run) position() string {
	g, pages, cur := r.m.Guide, r.m.Pages, r.m.Cur
	pg := pages[cur]
	switch {
	case pg.Kind == session.PageContentNote:
		return "Content note: " + session.OneLine(g.Meta.Title)
	case pg.Kind == session.PageSummary:
		return "Summary: " + session.OneLine(g.Meta.Title)
	case pg.Kind == session.PageRevisit:
		return "Before the guide: what the group's earlier meetings left open"
	case pg.Kind == session.PageClosing:
		return "Closing: " + session.OneLine(g.Meta.Title)
	case pg.Kind == session.PageCheckIn:
		return "Check-in: " + session.OneLine(g.Meta.Title)
	case pg.Kind == session.PageDebrief:
		return "Debrief, for the leader only: " + session.OneLine(g.Meta.Title)
	case pg.Part < 0:
		return "After the guide: " + session.OneLine(g.Meta.Title)
	}
	n, of := session.PartPosition(pages, cur)
	where := fmt.Sprintf("Part %d of %d", n, of)
	if sn, sof := session.SectionPosition(pages, cur); sof > 0 && pg.Section >= 0 {
		where += fmt.Sprintf(", %s %d of %d", session.SectionNoun(r.m.Kind()), sn, sof)
	}
	return where + ": " + session.OneLine(g.Parts[pg.Part].Title)
}
