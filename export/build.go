package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"vigil/guides"
	"vigil/store"
)

// builder lays one record out as a doc, against the session's guide when
// there is one.
type builder struct {
	rec   store.Record
	g     *guides.Guide // nil when the guide is not in the library
	parts []part
	// where finds a section by ID or screen key: part and section index.
	where map[string][2]int
	// prompts holds each guide section's prompts, by section ID.
	prompts map[string][]string
	// listed holds the guide's prayer requests, which its checklists show.
	listed map[string]bool
}

// buildDoc lays out rec, redacted first when redact is set. g may be nil:
// then titles fall back to the notes' keys.
func buildDoc(rec store.Record, g *guides.Guide, redact bool) doc {
	if redact {
		rec = redactRecord(rec)
	}
	b := &builder{rec: rec, g: g, where: map[string][2]int{}, prompts: map[string][]string{}, listed: map[string]bool{}}
	b.guideParts()
	b.notes()
	b.prayed()
	b.requests()
	b.commitments()
	b.times()
	return doc{Rec: rec, Heading: b.heading(), Facts: b.facts(), Parts: b.finish()}
}

// guideParts registers every part and section of the guide, in its order,
// empty for now. A prayer part starts with the checklist of its requests.
func (b *builder) guideParts() {
	if b.g == nil {
		return
	}
	for _, gp := range b.g.Parts {
		pi := len(b.parts)
		b.parts = append(b.parts, part{Kind: string(gp.Kind), Title: oneLine(gp.Title)})
		if gp.Kind == guides.KindPrayer && len(gp.Sections) > 0 {
			checks := section{ID: idGuideRequests, Title: titleGuideRequests, Checks: true}
			for _, gs := range gp.Sections {
				_, done := b.rec.Session.Prayed[gs.ID]
				checks.Items = append(checks.Items, item{Done: done, Text: oneLine(gs.Title)})
				b.listed[gs.ID] = true
			}
			b.add(pi, checks)
		}
		for _, gs := range gp.Sections {
			b.add(pi, section{ID: gs.ID, Title: oneLine(gs.Title)})
			b.prompts[gs.ID] = gs.Prompts
		}
	}
}

// add appends s to part pi; the first section with an ID wins the ID.
func (b *builder) add(pi int, s section) {
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
	title := kind
	switch kind {
	case "":
		title = "Other notes"
	case keyContentNote:
		title = "Content note"
	}
	b.parts = append(b.parts, part{Kind: kind, Title: title, fallback: true})
	return len(b.parts) - 1
}

// sectionOf returns the section for an ID, adding it, titled by title or
// else the ID, to the first part of its kind when the guide has no such
// section.
func (b *builder) sectionOf(id, title string) *section {
	at, ok := b.where[id]
	if !ok {
		if title == "" {
			title = oneLine(id)
		}
		pi := b.partOf(kindOf(id))
		b.add(pi, section{ID: id, Title: title})
		at = b.where[id]
	}
	return &b.parts[at[0]].Sections[at[1]]
}

// notes files every note with text under its section, in key order.
func (b *builder) notes() {
	keys := make([]string, 0, len(b.rec.Notes))
	for k := range b.rec.Notes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		n := b.rec.Notes[key]
		text := strings.TrimSpace(clean(n.Text))
		if text == "" {
			continue
		}
		id, prompt, leader := splitKey(key)
		leader = leader || n.Kind == store.NoteLeader
		e := entry{Leader: leader, Text: text, order: 2 * prompt}
		if prompt > 0 {
			e.Label = b.promptLabel(id, prompt)
		}
		if leader {
			e.order++
		}
		var title string
		switch id {
		case keyGroupRequests:
			title = titleGroupRequests
		case keyCommitments:
			title = titleCommitments
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
func leaderLabels(entries []entry) {
	slices.SortStableFunc(entries, func(x, y entry) int { return x.order - y.order })
	for i := range entries {
		e := &entries[i]
		if !e.Leader {
			continue
		}
		if e.Label == "" || (i > 0 && entries[i-1].order == e.order-1) {
			e.Label = labelLeader
		} else {
			e.Label = labelLeader + " on: " + e.Label
		}
	}
}

// promptLabel is the text of prompt n (from 1) of a section, or "Prompt n"
// when the guide does not have it.
func (b *builder) promptLabel(id string, n int) string {
	if p := b.prompts[id]; n <= len(p) {
		return oneLine(p[n-1])
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
		s.Items = append(s.Items, item{Done: true, Text: oneLine(id)})
	}
}

// checklist returns the checklist of the first prayer part, adding one at
// its top when there is none.
func (b *builder) checklist() *section {
	if _, ok := b.where[idGuideRequests]; !ok {
		pi := b.partOf(string(guides.KindPrayer))
		p := &b.parts[pi]
		p.Sections = slices.Insert(p.Sections, 0, section{ID: idGuideRequests, Title: titleGuideRequests, Checks: true})
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
	s := b.sectionOf(keyGroupRequests, titleGroupRequests)
	s.Checks = true
	for _, r := range b.rec.Requests {
		var detail []string
		if name := oneLine(r.Name); name != "" {
			detail = append(detail, name)
		}
		if r.Private {
			detail = append(detail, "private")
		}
		switch r.Status {
		case store.RequestAnswered:
			if answer := oneLine(r.Answer); answer != "" {
				detail = append(detail, "answered: "+answer)
			} else {
				detail = append(detail, "answered")
			}
		case store.RequestArchived:
			detail = append(detail, "archived")
		}
		switch n := len(r.PrayedIn); {
		case n == 1:
			detail = append(detail, "prayed again in 1 later session")
		case n > 1:
			detail = append(detail, fmt.Sprintf("prayed again in %d later sessions", n))
		}
		s.Items = append(s.Items, item{Done: r.Prayed, Text: strings.TrimSpace(clean(r.Text)), Detail: strings.Join(detail, " · ")})
	}
}

// commitments lists the commitments under the first next-steps part.
func (b *builder) commitments() {
	if len(b.rec.Commitments) == 0 {
		return
	}
	s := b.sectionOf(keyCommitments, titleCommitments)
	for _, c := range b.rec.Commitments {
		s.Items = append(s.Items, item{Text: strings.TrimSpace(clean(c.Text)), Detail: oneLine(c.Name)})
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
		line := "Time spent: " + duration(b.rec.Session.Spent[k])
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
// its own, in the usual order of kinds.
func (b *builder) finish() []part {
	var out []part
	for _, p := range b.parts {
		var keep []section
		for _, s := range p.Sections {
			if len(s.Entries) > 0 || len(s.Items) > 0 {
				keep = append(keep, s)
			}
		}
		// The checklist first, the group's requests and commitments last,
		// whatever order the notes' keys put them in.
		slices.SortStableFunc(keep, func(x, y section) int { return sectionRank(x.ID) - sectionRank(y.ID) })
		p.Sections = keep
		if len(keep) > 0 || p.Time != "" {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].fallback != out[j].fallback {
			return !out[i].fallback
		}
		return out[i].fallback && kindRank(out[i].Kind) < kindRank(out[j].Kind)
	})
	return out
}

// kindRank orders parts the guide does not have: the content note first,
// then the part kinds as guides usually have them, then anything else.
func kindRank(k string) int {
	if k == keyContentNote {
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
	case idGuideRequests:
		return 0
	case keyGroupRequests, keyCommitments:
		return 2
	}
	return 1
}
