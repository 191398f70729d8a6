package session

import (
	"slices"
	"strconv"
	"strings"

	"vigil/guides"
	"vigil/store"
)

// PageKind is what a page of a session shows. The zero value is not a page.
type PageKind int

// The kinds of page.
const (
	PageContentNote PageKind = iota + 1
	PageSection              // a section of the guide and its note
	PagePrompt               // a reflection step with one prompt and its response
	PageRequests             // the group's own prayer requests
	PageCommitments          // the commitments people took on
	PageSummary              // everything captured
	PageRevisit              // what the group's earlier meetings left open
	PageClosing              // the guide's closing, or vigil's blessing
	PageCheckIn              // how people are leaving, with the help resources
	PageDebrief              // the leader's: who may need a follow-up
)

// Page keys that are not section IDs. They are stored as Note.Key and
// Position.Page: a contract with every database and export.
const (
	KeyContentNote = "content-note"
	KeyRequests    = "prayer#group"
	KeyCommitments = "next#commitments"
	KeySummary     = "summary"
	KeyRevisit     = "revisit"
	KeyClosing     = "closing"
	KeyCheckIn     = "check-in"
	KeyDebrief     = "debrief"
	// LeaderSuffix marks the leader's own note on a page: "<page>@leader".
	LeaderSuffix = "@leader"
)

// Page is one screen of a session. A session is a flat list of pages, so
// next and back are plain index moves and the position is the page's key.
type Page struct {
	Key     string
	Kind    PageKind
	Part    int // index into guide.Parts; -1 for pages outside the guide
	Section int // index into the part's sections; -1 for none
	Prompt  int // the prompt of a PagePrompt, from 0
	// Headline means the page shows a prayer request's headline only: the
	// gentler path's way with a request whose text the guide marks
	// detailed. Its text is one key away, never shown unasked.
	Headline bool
	// LeaderOnly means the page is the leader's alone (the debrief): the
	// shared view never shows it, and its only note is the leader's.
	LeaderOnly bool
}

// ShownIn reports whether view v shows the page: a leader-only page is
// shown in the leader's view only.
func (p Page) ShownIn(v View) bool {
	if p.LeaderOnly {
		return v == Leader
	}
	return v == Shared || v == Leader || v == Redacted
}

// HasNote reports whether a page takes a note.
func (p Page) HasNote() bool {
	switch p.Kind {
	case PageSection, PagePrompt, PageRequests, PageCommitments, PageRevisit, PageCheckIn, PageDebrief:
		return true
	}
	return false
}

// IsList reports whether a page is a list to choose from.
func (p Page) IsList() bool {
	return p.Kind == PageRequests || p.Kind == PageCommitments || p.Kind == PageRevisit
}

// PromptKey is the key of the response to a reflection prompt (0-based i).
func PromptKey(sectionID string, i int) string {
	return sectionID + "#" + strconv.Itoa(i+1)
}

// NoteKey is the key of the note a view writes on a page: the group's note
// in the shared view, the leader's own in the leader's view. A leader-only
// page has the leader's note only, whichever view asks.
func NoteKey(p Page, leader bool) string {
	if leader || p.LeaderOnly {
		return p.Key + LeaderSuffix
	}
	return p.Key
}

// NoteKindOf is the kind of the note a view writes on a page.
func NoteKindOf(p Page, leader bool) store.NoteKind {
	switch {
	case leader || p.LeaderOnly:
		return store.NoteLeader
	case p.Kind == PagePrompt:
		return store.NoteResponse
	default:
		return store.NoteSection
	}
}

// BuildPages lays out a guide as pages along a path, for a group. The
// gentle path skips every section the guide marks as detailed (a prayer
// request so marked shows its headline only), and the FAQ when it marks
// none. Every path ends with the closing, the check-in, the leader's
// debrief and the summary.
func BuildPages(g *guides.Guide, path store.Path) []Page {
	return buildPages(g, path, false)
}

// PagesOf lays out a session's pages: its path, and whether one person is
// alone (then there is no debrief: nobody leads).
func PagesOf(g *guides.Guide, s store.Session) []Page {
	return buildPages(g, pathOf(s), s.Alone)
}

// pathOf is the session's path through the guide: the full guide until
// one is chosen.
func pathOf(s store.Session) store.Path {
	if s.Path == "" {
		return store.PathFull
	}
	return s.Path
}

// skips reports whether a path leaves out a section of a part of kind k,
// and headline whether it shows the section's headline only. It is the
// rule of the gentler path, for the pages and for the time budget alike.
func skips(g *guides.Guide, path store.Path, k guides.Kind, sec guides.Section) (skip, headline bool) {
	if path != store.PathGentle {
		return false, false
	}
	if len(g.Meta.Detailed) == 0 {
		return k == guides.KindFAQ, false
	}
	if !g.IsDetailed(sec, k) {
		return false, false
	}
	if k == guides.KindPrayer {
		return false, true
	}
	return true, false
}

func buildPages(g *guides.Guide, path store.Path, alone bool) []Page {
	pages := []Page{{Key: KeyContentNote, Kind: PageContentNote, Part: -1, Section: -1}}
	sawPrayer := false
	for pi, part := range g.Parts {
		added := 0
		for si, sec := range part.Sections {
			skip, headline := skips(g, path, part.Kind, sec)
			if skip {
				continue
			}
			added++
			if headline {
				pages = append(pages, Page{Key: sec.ID, Kind: PageSection, Part: pi, Section: si, Headline: true})
				continue
			}
			if part.Kind == guides.KindReflection && len(sec.Prompts) > 0 {
				for i := range sec.Prompts {
					pages = append(pages, Page{Key: PromptKey(sec.ID, i), Kind: PagePrompt, Part: pi, Section: si, Prompt: i})
				}
				continue
			}
			pages = append(pages, Page{Key: sec.ID, Kind: PageSection, Part: pi, Section: si})
		}
		if added == 0 {
			continue
		}
		switch part.Kind {
		case guides.KindPrayer:
			if !sawPrayer {
				sawPrayer = true
				pages = append(pages, Page{Key: KeyRequests, Kind: PageRequests, Part: pi, Section: -1})
			}
		case guides.KindNext:
			pages = append(pages, Page{Key: KeyCommitments, Kind: PageCommitments, Part: pi, Section: -1})
		}
	}
	if !sawPrayer {
		pages = append(pages, Page{Key: KeyRequests, Kind: PageRequests, Part: -1, Section: -1})
	}
	pages = append(pages,
		Page{Key: KeyClosing, Kind: PageClosing, Part: -1, Section: -1},
		Page{Key: KeyCheckIn, Kind: PageCheckIn, Part: -1, Section: -1})
	if !alone {
		pages = append(pages, Page{Key: KeyDebrief, Kind: PageDebrief, Part: -1, Section: -1, LeaderOnly: true})
	}
	return append(pages, Page{Key: KeySummary, Kind: PageSummary, Part: -1, Section: -1})
}

// WithRevisit puts the revisit step right after the content note, when
// the group has something from earlier meetings to revisit.
func WithRevisit(pages []Page, has bool) []Page {
	if !has || len(pages) == 0 || (len(pages) > 1 && pages[1].Kind == PageRevisit) {
		return pages
	}
	out := make([]Page, 0, len(pages)+1)
	out = append(out, pages[0], Page{Key: KeyRevisit, Kind: PageRevisit, Part: -1, Section: -1})
	return append(out, pages[1:]...)
}

// PagesIn are the indexes of the pages view v shows, in order: what an
// outline or a walk in that view goes through.
func PagesIn(pages []Page, v View) []int {
	out := make([]int, 0, len(pages))
	for i, p := range pages {
		if p.ShownIn(v) {
			out = append(out, i)
		}
	}
	return out
}

// IndexOf finds the page with a key, or the nearest sensible place: the
// content note when the key is unknown (the guide changed since).
func IndexOf(pages []Page, key string) int { return max(0, indexOfKey(pages, key)) }

// indexOfKey is the index of the page with a key, or -1.
func indexOfKey(pages []Page, key string) int {
	return slices.IndexFunc(pages, func(p Page) bool { return p.Key == key })
}

// PartPosition says which part a page is in, counted among the parts that
// the pages visit (1-based), and how many such parts there are.
func PartPosition(pages []Page, cur int) (n, of int) {
	last := -2
	for i, p := range pages {
		if p.Part < 0 || p.Part == last {
			continue
		}
		last = p.Part
		of++
		if i <= cur {
			n = of
		}
	}
	if pages[cur].Part < 0 {
		n = 0
	}
	return n, of
}

// SectionPosition says which section of its part a page shows (1-based)
// and how many sections the part has along this path. Prompt pages of one
// step count as one section.
func SectionPosition(pages []Page, cur int) (n, of int) {
	p := pages[cur]
	if p.Part < 0 {
		return 0, 0
	}
	lastSec := -2
	for i, q := range pages {
		if q.Part != p.Part || q.Section < 0 || q.Section == lastSec {
			continue
		}
		lastSec = q.Section
		of++
		if i <= cur {
			n = of
		}
	}
	return n, of
}

// StageOf maps a page to the stored stage of a session's position.
func StageOf(p Page) store.Stage {
	switch p.Kind {
	case PageContentNote:
		return store.StageContentNote
	case PageSummary:
		return store.StageSummary
	default:
		return store.StageSection
	}
}

// PartKind is the part kind a page counts its time to; "" for pages outside
// the parts (the content note, the revisit step, the summary).
func PartKind(g *guides.Guide, p Page) guides.Kind {
	if p.Part < 0 || p.Part >= len(g.Parts) {
		return ""
	}
	return g.Parts[p.Part].Kind
}

// SplitKey reads a note key: the section ID or page key it belongs to, the
// prompt number for a response ("reflection/clarity#2"), and whether it is
// a leader's key.
func SplitKey(key string) (section string, prompt int, leader bool) {
	base, leader := strings.CutSuffix(key, LeaderSuffix)
	if i := strings.LastIndexByte(base, '#'); i >= 0 {
		if n, err := strconv.Atoi(base[i+1:]); err == nil && n > 0 && strconv.Itoa(n) == base[i+1:] {
			return base[:i], n, leader
		}
	}
	return base, 0, leader
}

// KindOfKey is the part kind a section ID or page key belongs to: what
// comes before the first "/" or "#".
func KindOfKey(id string) string {
	if i := strings.IndexAny(id, "/#"); i >= 0 {
		return id[:i]
	}
	return id
}

// SectionNoun is what a section of a part is called when its place is
// said: "question 2 of 5", "request 1 of 5", "step 3 of 4".
func SectionNoun(k guides.Kind) string {
	switch k {
	case guides.KindFAQ:
		return "question"
	case guides.KindPrayer:
		return "request"
	default:
		return "step"
	}
}
