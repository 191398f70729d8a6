package tui

import (
	"strconv"

	"vigil/guides"
	"vigil/store"
)

// pageKind is what a page of a session shows. The zero value is not a page.
type pageKind int

const (
	pageContentNote pageKind = iota + 1
	pageSection              // a section of the guide and its note
	pagePrompt               // a reflection step with one prompt and its response
	pageRequests             // the group's own prayer requests
	pageCommitments          // the commitments people took on
	pageSummary              // everything captured
	pageRevisit              // the group's open requests from earlier meetings
)

// Page keys that are not section IDs.
const (
	keyContentNote = "content-note"
	keyRequests    = "prayer#group"
	keyCommitments = "next#commitments"
	keySummary     = "summary"
)

// page is one screen of a session. A session is a flat list of pages, so
// next and back are plain index moves and the position is the page's key.
type page struct {
	Key     string
	Kind    pageKind
	Part    int // index into guide.Parts; -1 for pages outside the guide
	Section int
	Prompt  int
}

// promptKey is the key of the response to a reflection prompt (0-based i).
func promptKey(sectionID string, i int) string {
	return sectionID + "#" + strconv.Itoa(i+1)
}

// buildPages lays out a guide as pages along a path. The gentle path skips
// every section the guide marks as detailed, and the FAQ when it marks none.
func buildPages(g *guides.Guide, path store.Path) []page {
	pages := []page{{Key: keyContentNote, Kind: pageContentNote, Part: -1}}
	sawPrayer := false
	for pi, part := range g.Parts {
		if path == store.PathGentle && len(g.Meta.Detailed) == 0 && part.Kind == guides.KindFAQ {
			continue
		}
		added := 0
		for si, sec := range part.Sections {
			if path == store.PathGentle && g.IsDetailed(sec, part.Kind) {
				continue
			}
			added++
			if part.Kind == guides.KindReflection && len(sec.Prompts) > 0 {
				for i := range sec.Prompts {
					pages = append(pages, page{Key: promptKey(sec.ID, i), Kind: pagePrompt, Part: pi, Section: si, Prompt: i})
				}
				continue
			}
			pages = append(pages, page{Key: sec.ID, Kind: pageSection, Part: pi, Section: si})
		}
		if added == 0 {
			continue
		}
		switch part.Kind {
		case guides.KindPrayer:
			if !sawPrayer {
				sawPrayer = true
				pages = append(pages, page{Key: keyRequests, Kind: pageRequests, Part: pi, Section: -1})
			}
		case guides.KindNext:
			pages = append(pages, page{Key: keyCommitments, Kind: pageCommitments, Part: pi, Section: -1})
		}
	}
	if !sawPrayer {
		pages = append(pages, page{Key: keyRequests, Kind: pageRequests, Part: -1, Section: -1})
	}
	return append(pages, page{Key: keySummary, Kind: pageSummary, Part: -1})
}

// indexOf finds the page with a key, or the nearest sensible place: the
// content note when the key is unknown (the guide changed since).
func indexOf(pages []page, key string) int {
	for i, p := range pages {
		if p.Key == key {
			return i
		}
	}
	return 0
}

// partPosition says which part a page is in, counted among the parts that
// the pages visit (1-based), and how many such parts there are.
func partPosition(pages []page, cur int) (n, of int) {
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

// sectionPosition says which section of its part a page shows (1-based) and
// how many sections the part has along this path. Prompt pages of one step
// count as one section.
func sectionPosition(pages []page, cur int) (n, of int) {
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

// stageOf maps a page to the stored stage of a session's position.
func stageOf(p page) store.Stage {
	switch p.Kind {
	case pageContentNote:
		return store.StageContentNote
	case pageSummary:
		return store.StageSummary
	default:
		return store.StageSection
	}
}
