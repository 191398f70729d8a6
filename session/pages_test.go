package session

import (
	"reflect"
	"strings"
	"testing"

	"vigil/guides"
	"vigil/internal/guidetest"
	"vigil/store"
)

// tinyGuide has every part kind, a reflection step with two prompts and a
// section marked detailed.
func tinyGuide() *guides.Guide { return guidetest.Tiny() }

func TestBuildPagesFull(t *testing.T) {
	got := keysOf(BuildPages(tinyGuide(), store.PathFull))
	want := []string{"content-note", "faq/one", "faq/two", "reflection/clarity#1", "reflection/clarity#2",
		"prayer/a", "prayer#group", "next/next-steps", "next#commitments", "closing", "check-in", "debrief", "summary"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("full path:\n got %v\nwant %v", got, want)
	}
	kinds := mapPages(BuildPages(tinyGuide(), store.PathFull), func(p Page) PageKind { return p.Kind })
	wantKinds := []PageKind{PageContentNote, PageSection, PageSection, PagePrompt, PagePrompt,
		PageSection, PageRequests, PageSection, PageCommitments, PageClosing, PageCheckIn, PageDebrief, PageSummary}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("kinds %v, want %v", kinds, wantKinds)
	}
}

func TestBuildPagesGentleSkipsDetailed(t *testing.T) {
	got := keysOf(BuildPages(tinyGuide(), store.PathGentle))
	want := []string{"content-note", "reflection/clarity#1", "reflection/clarity#2",
		"prayer/a", "prayer#group", "next/next-steps", "next#commitments", "closing", "check-in", "debrief", "summary"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gentle path:\n got %v\nwant %v", got, want)
	}
	// A guide that marks nothing detailed still skips its FAQ.
	g := tinyGuide()
	g.Meta.Detailed = nil
	if got2 := keysOf(BuildPages(g, store.PathGentle)); !reflect.DeepEqual(got2, want) {
		t.Errorf("gentle path without detailed:\n got %v\nwant %v", got2, want)
	}
}

func TestBuildPagesWithoutPrayerPartStillTakesRequests(t *testing.T) {
	g := tinyGuide()
	g.Parts = g.Parts[:2]
	got := keysOf(BuildPages(g, store.PathFull))
	if want := []string{KeyRequests, KeyClosing, KeyCheckIn, KeyDebrief, KeySummary}; !reflect.DeepEqual(got[len(got)-5:], want) {
		t.Errorf("pages end %v, want %v", got[len(got)-5:], want)
	}
}

// TestBuildPagesSeedGuide lays out the embedded seed guide: the full path
// has its five questions, four steps of two prompts, five requests and
// the next steps; the gentler path leaves out the FAQ, which it marks
// detailed.
func TestBuildPagesSeedGuide(t *testing.T) {
	g := seed()
	full := BuildPages(g, store.PathFull)
	count := func(pages []Page, kind PageKind) int {
		n := 0
		for _, p := range pages {
			if p.Kind == kind {
				n++
			}
		}
		return n
	}
	if len(full) != 26 || count(full, PagePrompt) != 8 || count(full, PageSection) != 11 {
		t.Errorf("seed, full path: %d pages, %d prompts, %d sections: %v", len(full), count(full, PagePrompt), count(full, PageSection), keysOf(full))
	}
	if full[1].Key != "faq/what-is-cybersex-trafficking" || full[6].Key != "reflection/clarity#1" {
		t.Errorf("seed pages begin %v", keysOf(full[:7]))
	}
	gentle := BuildPages(g, store.PathGentle)
	for _, p := range gentle {
		if strings.HasPrefix(p.Key, "faq/") {
			t.Errorf("the gentler path shows %s", p.Key)
		}
	}
	if len(gentle) != len(full)-5 || gentle[1].Key != "reflection/clarity#1" {
		t.Errorf("seed, gentle path: %v", keysOf(gentle))
	}
	for _, p := range full {
		if p.Part >= 0 && PartKind(g, p) == "" {
			t.Errorf("%s has no part kind", p.Key)
		}
	}
}

func TestPositions(t *testing.T) {
	pages := BuildPages(tinyGuide(), store.PathFull)
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
		i := IndexOf(pages, tt.key)
		n, of := PartPosition(pages, i)
		sn, sof := SectionPosition(pages, i)
		if n != tt.part || of != tt.parts || sn != tt.section || sof != tt.of {
			t.Errorf("%s: part %d of %d, section %d of %d; want %d of %d, %d of %d",
				tt.key, n, of, sn, sof, tt.part, tt.parts, tt.section, tt.of)
		}
	}
}

func TestIndexOfUnknownKeyIsContentNote(t *testing.T) {
	if i := IndexOf(BuildPages(tinyGuide(), store.PathFull), "faq/gone"); i != 0 {
		t.Errorf("IndexOf(unknown) = %d, want 0", i)
	}
	if i := IndexOf(BuildPages(tinyGuide(), store.PathFull), "prayer/a"); i != 5 {
		t.Errorf("IndexOf(prayer/a) = %d, want 5", i)
	}
}

func TestWithRevisit(t *testing.T) {
	pages := BuildPages(tinyGuide(), store.PathFull)
	if got := WithRevisit(pages, false); !reflect.DeepEqual(got, pages) {
		t.Errorf("nothing to revisit changed the pages: %v", keysOf(got))
	}
	got := WithRevisit(pages, true)
	if len(got) != len(pages)+1 || got[0].Key != KeyContentNote || got[1].Key != KeyRevisit || got[1].Kind != PageRevisit || got[2].Key != "faq/one" {
		t.Errorf("with revisit: %v", keysOf(got))
	}
	if again := WithRevisit(got, true); len(again) != len(got) {
		t.Errorf("the revisit step went in twice: %v", keysOf(again))
	}
	if pages[1].Key != "faq/one" {
		t.Errorf("WithRevisit changed its input: %v", keysOf(pages))
	}
	if n, of := PartPosition(got, 1); n != 0 || of != 4 {
		t.Errorf("the revisit step is in part %d of %d, want none of 4", n, of)
	}
}

func TestPageKeys(t *testing.T) {
	if k := PromptKey("reflection/clarity", 0); k != "reflection/clarity#1" {
		t.Errorf("PromptKey = %q", k)
	}
	p := Page{Key: "reflection/clarity#2", Kind: PagePrompt}
	if NoteKey(p, false) != "reflection/clarity#2" || NoteKey(p, true) != "reflection/clarity#2@leader" {
		t.Errorf("NoteKey: %q, %q", NoteKey(p, false), NoteKey(p, true))
	}
	if NoteKindOf(p, false) != store.NoteResponse || NoteKindOf(p, true) != store.NoteLeader ||
		NoteKindOf(Page{Kind: PageSection}, false) != store.NoteSection {
		t.Errorf("NoteKindOf is wrong")
	}
	for _, tt := range []struct {
		key     string
		section string
		prompt  int
		leader  bool
	}{
		{"faq/one", "faq/one", 0, false},
		{"reflection/clarity#2", "reflection/clarity", 2, false},
		{"reflection/clarity#2@leader", "reflection/clarity", 2, true},
		{"prayer#group", "prayer#group", 0, false},
		{"prayer#group@leader", "prayer#group", 0, true},
		{"x#0", "x#0", 0, false},
		{"x#02", "x#02", 0, false},
		{"content-note", "content-note", 0, false},
	} {
		s, n, l := SplitKey(tt.key)
		if s != tt.section || n != tt.prompt || l != tt.leader {
			t.Errorf("SplitKey(%q) = %q, %d, %v; want %q, %d, %v", tt.key, s, n, l, tt.section, tt.prompt, tt.leader)
		}
	}
	for key, want := range map[string]string{"faq/one": "faq", "prayer#group": "prayer", "next#commitments": "next", "summary": "summary"} {
		if got := KindOfKey(key); got != want {
			t.Errorf("KindOfKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestPageProperties(t *testing.T) {
	for _, tt := range []struct {
		kind       PageKind
		note, list bool
		stage      store.Stage
	}{
		{PageContentNote, false, false, store.StageContentNote},
		{PageSection, true, false, store.StageSection},
		{PagePrompt, true, false, store.StageSection},
		{PageRequests, true, true, store.StageSection},
		{PageCommitments, true, true, store.StageSection},
		{PageRevisit, true, true, store.StageSection},
		{PageSummary, false, false, store.StageSummary},
		{PageClosing, false, false, store.StageSection},
		{PageCheckIn, true, false, store.StageSection},
		{PageDebrief, true, false, store.StageSection},
	} {
		p := Page{Kind: tt.kind}
		if p.HasNote() != tt.note || p.IsList() != tt.list || StageOf(p) != tt.stage {
			t.Errorf("page kind %d: note %v, list %v, stage %s", tt.kind, p.HasNote(), p.IsList(), StageOf(p))
		}
	}
}
