package guides

import (
	"fmt"
	"slices"
	"sort"
)

// required lists the front-matter fields every guide must have, with what
// to write in each.
var required = []struct{ field, what string }{
	{"id", "a short name of lowercase letters, digits and dashes, like my-guide"},
	{"title", "the guide's title"},
	{"source", "where the text comes from: the organisation and the document"},
	{"attribution", "the credit line shown with the guide"},
	{"content_note", "a calm sentence or two on what the guide covers, shown before it starts"},
}

// checkMeta makes the checks on the front matter that need the whole guide
// read first. open is the line of the opening ---.
func checkMeta(g *Guide, mr *metaReader, open int, ids map[string]int) {
	pl, m := mr.pl, g.Meta
	values := map[string]string{"id": m.ID, "title": m.Title, "source": m.Source, "attribution": m.Attribution, "content_note": m.ContentNote}
	for _, r := range required {
		if values[r.field] != "" || mr.suggested[r.field] {
			continue
		}
		if line, ok := mr.keys[r.field]; ok {
			pl.add(line, "%s is empty; write %s.", r.field, r.what)
		} else {
			pl.add(open, "the front matter has no %s; add a line \"%s: ...\" with %s.", r.field, r.field, r.what)
		}
	}
	if m.ID != "" && !validID(m.ID) {
		pl.add(mr.keys["id"], "the id %q may hold only lowercase letters, digits and dashes; try %q.", m.ID, slug(m.ID))
	}
	if len(m.Resources) > 0 && m.ResourcesChecked == "" {
		pl.add(mr.keys["resources"], "the resources have no date; add resources_checked: YYYY-MM-DD with the day you last checked them, since numbers change.")
	}
	checkDetailed(g, mr, ids)
}

// checkDetailed checks that every entry of detailed names a part kind or a
// section of the guide.
func checkDetailed(g *Guide, mr *metaReader, ids map[string]int) {
	var names []string // the candidates for a suggestion, made at the first need
	budget := 10       // suggestions cost an edit distance per candidate
	for i, d := range g.Meta.Detailed {
		if _, ok := ids[d]; ok || slices.Contains(Kinds, Kind(d)) {
			continue
		}
		if names == nil {
			names = detailedNames(ids)
			if len(names) > 1000 {
				budget = 0
			}
		}
		hint := "use a part kind (" + kindList() + ") or a section ID like faq/what-is-it."
		if budget > 0 && !mr.pl.full() {
			budget--
			if s := suggest(d, names); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
		}
		mr.pl.add(mr.detailed[i], "detailed names %q, which is neither a part kind nor a section of this guide; %s", d, hint)
	}
}

// detailedNames returns what an entry of detailed may name: the part kinds,
// then the section IDs in order, so that a suggestion is the same every time.
func detailedNames(ids map[string]int) []string {
	names := kindStrings()
	for id := range ids {
		names = append(names, id)
	}
	sort.Strings(names[len(Kinds):])
	return names
}

// validID reports whether id holds only lowercase ASCII letters, digits and
// dashes.
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return id != ""
}
