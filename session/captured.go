package session

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"vigil/guides"
	"vigil/store"
)

// Captured is what one session captured, laid out once for one view: the
// summary page, plain mode's summary and every export format render this
// and nothing else, so they cannot drift apart. A note left out of a view
// is left out of all of them.
type Captured struct {
	// View is the view it was laid out for.
	View View
	// Title heads it: "What the group captured", or, for one person
	// alone, "What you wrote" (see Words).
	Title string
	// Rec is the session as the view may show it (see Filter): the JSON
	// export writes it whole.
	Rec     store.Record
	Heading string
	// ContentNote is the guide's content note (Markdown, cleaned): every
	// export opens with it, before anything the session captured.
	ContentNote string
	Facts       []Fact
	Parts       []Part
	// NextSteps are the guide's next steps, in its own words and with its
	// links, and Help its help resources (someone to talk to first): every
	// export ends with them, so that notes sent on carry them. Every view
	// keeps them: they are the guide's words, not the session's.
	NextSteps []NextStep
	Help      Help
	// NextMeeting is the day the group meets next, as MeetingDate says it
	// for the view (the month alone when redacted); "" when not set.
	NextMeeting string
}

// NextStep is one section of the guide's next steps: its title ("" when
// it only repeats its part's title) and its Markdown body, cleaned.
type NextStep struct {
	Title string
	Body  string
}

// Fact is one line of a session's particulars: "Group: Thursday group".
type Fact struct{ Label, Value string }

// Part is one part of the guide (FAQ, reflection, prayer, next steps), or
// the revisit step, with what the session captured in it.
type Part struct {
	Kind     string
	Title    string
	Time     string // "Time spent: 18 min of 20 planned", or ""
	Sections []Section
	fallback bool // not in the guide: made from the notes' keys
}

// Section is one heading's worth: a section of the guide with its notes, a
// checklist of prayer requests, or a list of requests or commitments.
type Section struct {
	ID      string
	Title   string
	Entries []Entry
	Items   []Item
	Checks  bool // Items are a checklist: prayed or not
}

// Entry is one note: the group's, a response to a prompt, or the leader's.
type Entry struct {
	Label  string // the prompt answered, "Leader's note (private)", or ""
	Leader bool
	// Passed means the group passed the prompt; Text then says so.
	Passed bool
	Text   string
	order  int // the prompt number (0 for the section's own note), so responses follow their prompts
}

// Item is one prayer request or commitment.
type Item struct {
	Done   bool // checklists only: prayed in this session
	Text   string
	Detail string // who, and what became of it: "a participant · answered"
}

// Titles and labels, in one place for every front end and format.
const (
	TitleGuideRequests = "The guide's requests"
	TitleGroupRequests = "The group's requests"
	TitleCommitments   = "Commitments"
	TitleRevisit       = "From earlier meetings"
	// TitleRevisitRequests and TitleRevisitCommitments head what the
	// revisit step did, in the part titled TitleRevisit.
	TitleRevisitRequests    = "Requests from earlier meetings"
	TitleRevisitCommitments = "Commitments from last time"
	// TitleCheckIn and TitleDebrief head the notes of the check-in and of
	// the leader's debrief; TitleFollowUp the debrief's note.
	TitleCheckIn  = "Check-in"
	TitleDebrief  = "Debrief"
	TitleFollowUp = "Who may need a follow-up"
	LabelLeader   = "Leader's note (private)"
	// TitleGuideNext, TitleHelp and TitleNextMeeting head the end of an
	// export: the guide's next steps, its help resources, and the day the
	// group meets next.
	TitleGuideNext   = "Next steps from the guide"
	TitleHelp        = "Help and report"
	TitleNextMeeting = "Next meeting"
	TextPassed       = "Passed."
	// KindRevisit is the Part.Kind of what a meeting did with what earlier
	// meetings left open.
	KindRevisit = "revisit"
	// idGuideRequests is the section ID of the guide's requests checklist.
	idGuideRequests = "\x00guide-requests" // never a page key
	idRevisitReqs   = "\x00revisit-requests"
	idRevisitSteps  = "\x00revisit-commitments"
)

// Capture lays out rec for view v, against the session's guide when there
// is one. g may be nil: then titles fall back to the notes' keys.
func Capture(rec store.Record, g *guides.Guide, v View) Captured {
	rec = filter(rec, v, g)
	b := &builder{rec: rec, g: g, view: v, words: WordsFor(rec.Session.Alone), where: map[string][2]int{}, prompts: map[string][]string{}, listed: map[string]bool{}}
	b.guideParts()
	b.notes()
	b.prayed()
	b.requests()
	b.commitments()
	b.revisited()
	if v == Leader {
		b.times() // the leader's record; a stopwatch means nothing to a recipient
	}
	return Captured{View: v, Title: b.words.Captured, Rec: rec, Heading: b.heading(), ContentNote: contentNote(g),
		Facts: b.facts(), Parts: b.finish(), NextSteps: nextSteps(g), Help: helpFor(g, v),
		NextMeeting: MeetingDate(rec.Session.NextMeeting, v)}
}

// helpFor is the guide's help resources for view v: a redacted view
// keeps them whole but says the month they were checked in, as it keeps
// every date.
func helpFor(g *guides.Guide, v View) Help {
	h := HelpOf(g)
	if v == Redacted && h.Checked != "" {
		if t, err := time.Parse("2006-01-02", g.Meta.ResourcesChecked); err == nil {
			h.Checked = "Numbers and addresses checked in " + t.Format("January 2006") + ". They can change."
		}
	}
	return h
}

// contentNote is the guide's content note, cleaned; "" without a guide.
func contentNote(g *guides.Guide) string {
	if g == nil {
		return ""
	}
	return strings.TrimSpace(Clean(g.Meta.ContentNote))
}

// nextSteps are the sections of the guide's next-steps parts, in its
// order. A section titled as its part is untitled, so that no outline
// reads "Next Steps · Next Steps".
func nextSteps(g *guides.Guide) []NextStep {
	if g == nil {
		return nil
	}
	var out []NextStep
	for _, p := range g.Parts {
		if p.Kind != guides.KindNext {
			continue
		}
		for _, s := range p.Sections {
			body := strings.TrimSpace(Clean(s.Body))
			if body == "" {
				continue
			}
			title := OneLine(s.Title)
			if strings.EqualFold(title, OneLine(p.Title)) {
				title = ""
			}
			out = append(out, NextStep{Title: title, Body: body})
		}
	}
	return out
}

// Lines is every piece of text the captured model holds in its parts, one
// per entry or item, with its section's title: what every rendering of it
// must show. Tests compare renderings by it.
func (c Captured) Lines() []string {
	var out []string
	for _, p := range c.Parts {
		for _, s := range p.Sections {
			for _, e := range s.Entries {
				out = append(out, s.Title+": "+e.Text)
			}
			for _, it := range s.Items {
				out = append(out, s.Title+": "+it.Text)
			}
		}
	}
	return out
}

// Empty reports whether nothing was captured.
func (c Captured) Empty() bool {
	for _, p := range c.Parts {
		if len(p.Sections) > 0 {
			return false
		}
	}
	return true
}

// builder lays one record out, against the session's guide when there is
// one.
type builder struct {
	rec   store.Record
	g     *guides.Guide // nil when the guide is not in the library
	words Words         // a group's, or one person's
	view  View
	parts []Part
	// where finds a section by ID or page key: part and section index.
	where map[string][2]int
	// prompts holds each guide section's prompts, by section ID.
	prompts map[string][]string
	// listed holds the guide's prayer requests, which its checklists show.
	listed map[string]bool
}

// guideParts registers every part and section of the guide, in its order,
// empty for now. A prayer part starts with the checklist of its requests.
func (b *builder) guideParts() {
	if b.g == nil {
		return
	}
	for _, gp := range b.g.Parts {
		pi := len(b.parts)
		b.parts = append(b.parts, Part{Kind: string(gp.Kind), Title: OneLine(gp.Title)})
		if gp.Kind == guides.KindPrayer && len(gp.Sections) > 0 {
			checks := Section{ID: idGuideRequests, Title: TitleGuideRequests, Checks: true}
			for _, gs := range gp.Sections {
				_, done := b.rec.Session.Prayed[gs.ID]
				checks.Items = append(checks.Items, Item{Done: done, Text: OneLine(gs.Title)})
				b.listed[gs.ID] = true
			}
			b.add(pi, checks)
		}
		for _, gs := range gp.Sections {
			b.add(pi, Section{ID: gs.ID, Title: OneLine(gs.Title)})
			b.prompts[gs.ID] = gs.Prompts
		}
	}
}

// add appends s to part pi; the first section with an ID wins the ID.
func (b *builder) add(pi int, s Section) {
	if _, taken := b.where[s.ID]; !taken {
		b.where[s.ID] = [2]int{pi, len(b.parts[pi].Sections)}
	}
	b.parts[pi].Sections = append(b.parts[pi].Sections, s)
}

// partOf returns the first part of a kind, adding one named after the kind
// when the guide has none.
func (b *builder) partOf(kind string) int {
	for i, p := range b.parts {
		if p.Kind == kind {
			return i
		}
	}
	title := OneLine(kind) // a note key from the database or an import
	switch kind {
	case "":
		title = "Other notes"
	case KeyContentNote:
		title = "Content note"
	case KindRevisit:
		title = TitleRevisit
	case KeyCheckIn:
		title = TitleCheckIn
	case KeyDebrief:
		title = TitleDebrief
	}
	b.parts = append(b.parts, Part{Kind: kind, Title: title, fallback: true})
	return len(b.parts) - 1
}

// sectionOf returns the section for an ID, adding it, titled by title or
// else the ID, to the first part of its kind when the guide has no such
// section.
func (b *builder) sectionOf(id, title string) *Section {
	at, ok := b.where[id]
	if !ok {
		if title == "" {
			title = OneLine(id)
		}
		kind := KindOfKey(id)
		if id == idRevisitReqs || id == idRevisitSteps {
			kind = KindRevisit
		}
		pi := b.partOf(kind)
		b.add(pi, Section{ID: id, Title: title})
		at = b.where[id]
	}
	return &b.parts[at[0]].Sections[at[1]]
}

// notes files every note with text (or passed) under its section, in key
// order.
func (b *builder) notes() {
	for _, key := range sortedKeys(b.rec.Notes) {
		n := b.rec.Notes[key]
		text := strings.TrimSpace(Clean(n.Text))
		if text == "" && !n.Passed {
			continue
		}
		id, prompt, leader := SplitKey(key)
		leader = leader || n.Kind == store.NoteLeader
		e := Entry{Leader: leader, Text: text, order: 2 * prompt}
		if n.Passed {
			// Passing keeps what was typed, so that taking the pass back
			// restores it; but the group chose not to answer, so every
			// view shows the prompt as passed.
			e.Passed, e.Text = true, TextPassed
		}
		if prompt > 0 {
			e.Label = b.promptLabel(id, prompt)
		}
		if leader {
			e.order++
		}
		var title string
		switch id {
		case KeyRequests:
			title = b.words.Requests
		case KeyCommitments:
			title = TitleCommitments
		case KeyRevisit:
			id, title = idRevisitReqs, TitleRevisitRequests
		case KeyCheckIn:
			title = b.words.CheckedIn
		case KeyDebrief:
			title = TitleFollowUp
		}
		s := b.sectionOf(id, title)
		s.Entries = append(s.Entries, e)
	}
	for pi := range b.parts {
		for si := range b.parts[pi].Sections {
			leaderLabels(b.parts[pi].Sections[si].Entries)
		}
	}
}

// leaderLabels puts each response just before the leader's note on the
// same prompt, and labels the leader's notes: a note right after the
// response it is about needs no more than "Leader's note (private)"; one
// on a prompt nobody answered names the prompt.
func leaderLabels(entries []Entry) {
	slices.SortStableFunc(entries, func(x, y Entry) int { return x.order - y.order })
	for i := range entries {
		e := &entries[i]
		if !e.Leader {
			continue
		}
		if e.Label == "" || (i > 0 && entries[i-1].order == e.order-1) {
			e.Label = LabelLeader
		} else {
			e.Label = LabelLeader + " on: " + e.Label
		}
	}
}

// promptLabel is the text of prompt n (from 1) of a section, or "Prompt n"
// when the guide does not have it.
func (b *builder) promptLabel(id string, n int) string {
	if p := b.prompts[id]; n <= len(p) {
		return OneLine(p[n-1])
	}
	return fmt.Sprintf("Prompt %d", n)
}

// prayed adds the guide's requests marked prayed that the guide's
// checklists do not show (the guide is missing, or has changed), by their
// keys, to the first prayer part's checklist.
func (b *builder) prayed() {
	var gone []string
	for id := range b.rec.Session.Prayed {
		if !b.listed[id] {
			gone = append(gone, id)
		}
	}
	sort.Strings(gone)
	for _, id := range gone {
		s := b.checklist()
		s.Items = append(s.Items, Item{Done: true, Text: OneLine(id)})
	}
}

// checklist returns the checklist of the first prayer part, adding one at
// its top when there is none.
func (b *builder) checklist() *Section {
	if _, ok := b.where[idGuideRequests]; !ok {
		pi := b.partOf(string(guides.KindPrayer))
		p := &b.parts[pi]
		p.Sections = slices.Insert(p.Sections, 0, Section{ID: idGuideRequests, Title: TitleGuideRequests, Checks: true})
		for id, at := range b.where {
			if at[0] == pi {
				b.where[id] = [2]int{pi, at[1] + 1}
			}
		}
		b.where[idGuideRequests] = [2]int{pi, 0}
	}
	at := b.where[idGuideRequests]
	return &b.parts[at[0]].Sections[at[1]]
}

// requests lists the group's own requests under the first prayer part.
func (b *builder) requests() {
	if len(b.rec.Requests) == 0 {
		return
	}
	s := b.sectionOf(KeyRequests, b.words.Requests)
	s.Checks = true
	for _, r := range b.rec.Requests {
		var detail []string
		if name := OneLine(r.Name); name != "" {
			detail = append(detail, name)
		}
		if r.Private {
			detail = append(detail, "private")
		}
		if status := RequestStatus(r); status != "" {
			detail = append(detail, status)
		}
		if n := len(r.PrayedIn); n > 0 {
			detail = append(detail, "prayed again in "+Count(n, "later session", "later sessions"))
		}
		s.Items = append(s.Items, Item{Done: r.Prayed, Text: strings.TrimSpace(Clean(r.Text)), Detail: strings.Join(detail, " · ")})
	}
}

// commitments lists the commitments under the first next-steps part.
func (b *builder) commitments() {
	if len(b.rec.Commitments) == 0 {
		return
	}
	s := b.sectionOf(KeyCommitments, TitleCommitments)
	for _, c := range b.rec.Commitments {
		s.Items = append(s.Items, Item{Text: strings.TrimSpace(Clean(c.Text)), Detail: OneLine(c.Name)})
	}
}

// RequestStatus says what became of a request, as every list of requests
// says it: "answered: she found work", "answered", "archived"; "" while it
// is open.
func RequestStatus(r store.Request) string {
	switch r.Status {
	case store.RequestAnswered:
		if answer := OneLine(r.Answer); answer != "" {
			return "answered: " + answer
		}
		return "answered"
	case store.RequestArchived:
		return "archived"
	}
	return ""
}

// ActionWords says what a meeting did with an earlier item, as a recipient
// reads it.
func ActionWords(a store.Action) string {
	switch a {
	case store.ActionPraying:
		return "prayed again"
	case store.ActionAnswered:
		return "answered"
	case store.ActionArchived:
		return "archived"
	case store.ActionOngoing:
		return "still going on"
	case store.ActionDone:
		return "done"
	case store.ActionLetGo:
		return "let go"
	}
	return string(a)
}

// revisited lists what this meeting did with what earlier meetings left
// open: requests, then commitments.
func (b *builder) revisited() {
	for _, rv := range b.rec.Session.Revisited {
		id, title := idRevisitReqs, TitleRevisitRequests
		if rv.Item == store.ItemCommitment {
			id, title = idRevisitSteps, TitleRevisitCommitments
		}
		s := b.sectionOf(id, title)
		var detail []string
		if name := OneLine(rv.Name); name != "" {
			detail = append(detail, name)
		}
		if rv.Private {
			detail = append(detail, "private")
		}
		what := ActionWords(rv.Action)
		if a := OneLine(rv.Answer); a != "" {
			what += ": " + a
		}
		detail = append(detail, what)
		s.Items = append(s.Items, Item{Done: rv.Action == store.ActionPraying, Text: strings.TrimSpace(Clean(rv.Text)), Detail: strings.Join(detail, " · ")})
	}
}

// times puts the time spent on each part kind on the first part of that
// kind, against the minutes planned (the session's budget, else the
// guide's suggestion).
func (b *builder) times() {
	kinds := make([]string, 0, len(b.rec.Session.Spent))
	for k, sec := range b.rec.Session.Spent {
		if sec > 0 {
			kinds = append(kinds, k)
		}
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		line := "Time spent: " + Duration(b.rec.Session.Spent[k])
		planned := b.rec.Session.Budget[k]
		if planned <= 0 && b.g != nil {
			planned = b.g.Minutes(guides.Kind(k))
		}
		if planned > 0 {
			line += fmt.Sprintf(" of %d min planned", planned)
		}
		b.parts[b.partOf(k)].Time = line
	}
}

// finish drops what is empty and puts parts the guide does not have after
// its own (the revisit step first of all), in the usual order of kinds.
func (b *builder) finish() []Part {
	var out []Part
	for _, p := range b.parts {
		var keep []Section
		for _, s := range p.Sections {
			if len(s.Entries) > 0 || len(s.Items) > 0 {
				keep = append(keep, s)
			}
		}
		// The checklist first, the group's requests and commitments last,
		// whatever order the notes' keys put them in.
		slices.SortStableFunc(keep, func(x, y Section) int { return sectionRank(x.ID) - sectionRank(y.ID) })
		p.Sections = keep
		if len(keep) > 0 || p.Time != "" {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := partRank(out[i]), partRank(out[j])
		if ri != rj {
			return ri < rj
		}
		return out[i].fallback && kindRank(out[i].Kind) < kindRank(out[j].Kind)
	})
	return out
}

// partRank puts what was revisited first, the guide's own parts next and
// parts made from notes' keys last.
func partRank(p Part) int {
	switch {
	case p.Kind == KindRevisit:
		return 0
	case !p.fallback:
		return 1
	}
	return 2
}

// kindRank orders parts the guide does not have: the content note first,
// then the part kinds as guides usually have them, then anything else.
func kindRank(k string) int {
	if k == KeyContentNote {
		return -1
	}
	if i := slices.Index(guides.Kinds, guides.Kind(k)); i >= 0 {
		return i
	}
	return len(guides.Kinds)
}

// sectionRank orders sections within a part: the guide's requests, then
// the guide's sections, then the group's requests and the commitments.
func sectionRank(id string) int {
	switch id {
	case idGuideRequests, idRevisitReqs:
		return 0
	case KeyRequests, KeyCommitments, idRevisitSteps:
		return 2
	}
	return 1
}
