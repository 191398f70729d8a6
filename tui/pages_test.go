package tui

import (
	"reflect"
	"testing"

	"vigil/guides"
	"vigil/store"
)

// tinyGuide has every part kind, a reflection step with two prompts and a
// section marked detailed.
func tinyGuide() *guides.Guide {
	return &guides.Guide{
		Meta: guides.Meta{ID: "tiny", Title: "Tiny", Source: "us", ContentNote: "A short guide.",
			Detailed: []string{"faq"}},
		Parts: []guides.Part{
			{Kind: guides.KindFAQ, Title: "FAQ", Sections: []guides.Section{
				{ID: "faq/one", Title: "One", Body: "The first answer."},
				{ID: "faq/two", Title: "Two", Body: "The second answer."},
			}},
			{Kind: guides.KindReflection, Title: "Reflection", Sections: []guides.Section{
				{ID: "reflection/clarity", Title: "Clarity", Body: "God sees.", Prompts: []string{"P1?", "P2?"},
					Leader: "Listen; do not probe."},
			}},
			{Kind: guides.KindPrayer, Title: "Prayer", Sections: []guides.Section{
				{ID: "prayer/a", Title: "Pray for A", Body: "Text A."},
			}},
			{Kind: guides.KindNext, Title: "Next steps", Sections: []guides.Section{
				{ID: "next/next-steps", Title: "Next steps", Body: "1. Visit."},
			}},
		},
	}
}

func keysOf(pages []page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Key)
	}
	return out
}

func TestBuildPagesFull(t *testing.T) {
	got := keysOf(buildPages(tinyGuide(), store.PathFull))
	want := []string{"content-note", "faq/one", "faq/two", "reflection/clarity#1", "reflection/clarity#2",
		"prayer/a", "prayer#group", "next/next-steps", "next#commitments", "summary"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("full path:\n got %v\nwant %v", got, want)
	}
}

func TestBuildPagesGentleSkipsDetailed(t *testing.T) {
	got := keysOf(buildPages(tinyGuide(), store.PathGentle))
	want := []string{"content-note", "reflection/clarity#1", "reflection/clarity#2",
		"prayer/a", "prayer#group", "next/next-steps", "next#commitments", "summary"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gentle path:\n got %v\nwant %v", got, want)
	}
	// A guide that marks nothing detailed still skips its FAQ.
	g := tinyGuide()
	g.Meta.Detailed = nil
	if got2 := keysOf(buildPages(g, store.PathGentle)); !reflect.DeepEqual(got2, want) {
		t.Errorf("gentle path without detailed:\n got %v\nwant %v", got2, want)
	}
}

func TestBuildPagesWithoutPrayerPartStillTakesRequests(t *testing.T) {
	g := tinyGuide()
	g.Parts = g.Parts[:2]
	got := keysOf(buildPages(g, store.PathFull))
	if got[len(got)-2] != keyRequests || got[len(got)-1] != keySummary {
		t.Errorf("pages end %v, want the group's requests and the summary", got[len(got)-2:])
	}
}

func TestPositions(t *testing.T) {
	pages := buildPages(tinyGuide(), store.PathFull)
	tests := []struct {
		key         string
		part, parts int
		section, of int
	}{
		{"content-note", 0, 4, 0, 0},
		{"faq/two", 1, 4, 2, 2},
		{"reflection/clarity#2", 2, 4, 1, 1},
		{"prayer#group", 3, 4, 1, 1},
		{"next#commitments", 4, 4, 1, 1},
		{"summary", 0, 4, 0, 0},
	}
	for _, tt := range tests {
		i := indexOf(pages, tt.key)
		n, of := partPosition(pages, i)
		sn, sof := sectionPosition(pages, i)
		if n != tt.part || of != tt.parts || sn != tt.section || sof != tt.of {
			t.Errorf("%s: part %d of %d, section %d of %d; want %d of %d, %d of %d",
				tt.key, n, of, sn, sof, tt.part, tt.parts, tt.section, tt.of)
		}
	}
}

func TestIndexOfUnknownKeyIsContentNote(t *testing.T) {
	if i := indexOf(buildPages(tinyGuide(), store.PathFull), "faq/gone"); i != 0 {
		t.Errorf("indexOf(unknown) = %d, want 0", i)
	}
}
