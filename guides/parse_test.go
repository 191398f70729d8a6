package guides

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readTestdata(t testing.TB, pattern string) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s: %v", pattern, err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	return out
}

func TestParseGood(t *testing.T) {
	for name, data := range readTestdata(t, "testdata/good/*.md") {
		g, err := Parse(name, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if string(g.Source) != string(data) || g.Origin != name {
			t.Errorf("%s: Source or Origin not kept (Origin %q)", name, g.Origin)
		}
		if ps := Check(name, data); ps != nil {
			t.Errorf("%s: Check = %v, want nil", name, ps)
		}
	}
}

func TestParseFull(t *testing.T) {
	data, err := os.ReadFile("testdata/good/full.md")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse("full.md", data)
	if err != nil {
		t.Fatal(err)
	}
	wantMeta := Meta{
		ID:          "full-guide",
		Title:       "Every feature: a test guide",
		Source:      "vigil tests",
		Attribution: "Written for vigil's tests.",
		Edited:      "Nothing was changed.",
		ContentNote: "A test guide that uses every part of the format. Anyone may step out at any time.",
		Minutes:     map[Kind]int{KindFAQ: 10, KindReflection: 15, KindPrayer: 10, KindNext: 5},
		Detailed:    []string{"faq", "reflection/a-step-with-underscores"},
		Resources: []ResourceGroup{{Need: "Someone to talk to", Items: []Resource{
			{Name: "A friend", For: "listening."},
			{Name: "A line", By: "Someone, somewhere", Web: "https://example.org", Phone: "0000", Text: "1111", TTY: "711", For: "support, day and night."},
		}}},
		ResourcesChecked: "2026-01-31",
	}
	if !reflect.DeepEqual(g.Meta, wantMeta) {
		t.Errorf("Meta = %+v\nwant %+v", g.Meta, wantMeta)
	}
	wantParts := []Part{
		{Kind: KindFAQ, Title: "Questions and answers", Line: 29, Sections: []Section{
			{
				ID: "faq/what-is-this", Title: "What is this?", Line: 32,
				Body:   "A guide that uses every feature.\n\n```markdown\n# Not a part\n## Not a section\n```\n\n### A subheading that stays in the body\n\nMore body.\n\n### Back in the body\n\nThis is body again.",
				Leader: "A note for the leader.\n\n#### Still the leader's\n\nUntil the next heading of level 3 or above.",
			},
			{ID: "faq/second-question", Title: "Second question", Line: 57, Body: "Closing hashes are not part of the title."},
		}},
		{Kind: KindReflection, Title: "Reflection", Line: 61, Sections: []Section{
			{
				ID: "reflection/a-step-with-underscores", Title: "A step with_underscores", Line: 64,
				Body:    "Some text.",
				Prompts: []string{"First prompt?", "Second prompt, written over two lines?"},
				Leader:  "Leader text.",
			},
			{ID: "reflection/second-step", Title: "Second step", Line: 78, Prompts: []string{"Only prompt."}},
		}},
		{Kind: KindPrayer, Title: "Prayer", Line: 84, Sections: []Section{
			{ID: "prayer/pray-for-the-test", Title: "Pray for the test.", Line: 87, Body: "That it keeps passing."},
		}},
		{Kind: KindNext, Title: "Next", Line: 91, Sections: []Section{
			{ID: "next/next-steps", Title: "Next steps", Line: 94, Body: "1. Run the tests."},
		}},
	}
	if !reflect.DeepEqual(g.Parts, wantParts) {
		for i := range max(len(g.Parts), len(wantParts)) {
			if i >= len(g.Parts) || i >= len(wantParts) || !reflect.DeepEqual(g.Parts[i], wantParts[i]) {
				t.Errorf("part %d:\n got %#v\nwant %#v", i, part(g.Parts, i), part(wantParts, i))
			}
		}
	}
	if got := g.TotalMinutes(); got != 40 {
		t.Errorf("TotalMinutes = %d, want 40", got)
	}
	step := g.Parts[1].Sections[0]
	if !g.IsDetailed(g.Parts[0].Sections[1], KindFAQ) || !g.IsDetailed(step, KindReflection) || g.IsDetailed(g.Parts[1].Sections[1], KindReflection) {
		t.Error("IsDetailed does not follow the detailed list")
	}
}

func part(ps []Part, i int) any {
	if i < len(ps) {
		return ps[i]
	}
	return nil
}

func TestParseLineEndings(t *testing.T) {
	data, err := os.ReadFile("testdata/good/crlf.md")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse("crlf.md", data)
	if err != nil {
		t.Fatal(err)
	}
	s := g.Parts[0].Sections[0]
	if s.Body != "Text." || s.Prompts[0] != "A prompt?" || s.Line != 12 || g.Meta.Title != "Windows line endings" {
		t.Errorf("carriage returns left in: %#v %q", s, g.Meta.Title)
	}
}

func TestTooBig(t *testing.T) {
	data := []byte("---\nid: big\n---\n" + strings.Repeat("x", MaxSize))
	ps := Check("big.md", data)
	want := "big.md: the file is over 1 MiB, and a guide may be at most 1 MiB (1048576 bytes); is this the right file?"
	if ps.Error() != want {
		t.Errorf("got %q\nwant %q", ps.Error(), want)
	}
}

func TestProblemError(t *testing.T) {
	ps := Problems{{File: "a.md", Msg: "whole file"}, {File: "a.md", Line: 3, Msg: "a line"}}
	if got, want := ps.Error(), "a.md: whole file\na.md:3: a line"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var err error = ps
	if _, ok := err.(Problems); !ok {
		t.Error("Problems is not an error")
	}
	if _, err := Parse("x.md", []byte("")); err == nil {
		t.Error("an empty file parsed")
	} else if _, ok := err.(Problems); !ok {
		t.Errorf("Parse's error is a %T, want Problems", err)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"What is cybersex trafficking?", "what-is-cybersex-trafficking"},
		{"Is “traditional” sex trafficking going underground and re-emerging or evolving into this kind of cybersex trafficking?", "is-traditional-sex-trafficking-going-underground-and-re"},
		{"  --Hello,   World!--  ", "hello-world"},
		{"What is IJM's response?", "what-is-ijm-s-response"},
		{"abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij"},
		{strings.Repeat("x", 80), strings.Repeat("x", 60)},
		{"Café", "caf"},
		{"祈り", "s-" + slug("祈り")[2:]},
	}
	for _, tt := range tests {
		got := slug(tt.in)
		if got != tt.want || len(got) > maxSlug {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if s := slug("祈り"); len(s) != 10 || s == slug("希望") {
		t.Errorf("slug of a title in another script: %q", s)
	}
}

func TestStripEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**What is it?**", "What is it?"},
		{"*one* and __two__ and _three_", "one and two and three"},
		{"snake_case stays", "snake_case stays"},
		{"  spaced   out  ", "spaced out"},
	}
	for _, tt := range tests {
		if got := stripEmphasis(tt.in); got != tt.want {
			t.Errorf("stripEmphasis(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ word, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"contentnote", "content_note"},
		{"resource", "resources"},
		{"colour", ""},
		{"x", ""},
		{strings.Repeat("a", 100), ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.word, metaFields); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestFieldNames keeps the field lists the reader checks against in step
// with the yaml tags of the types they fill.
func TestFieldNames(t *testing.T) {
	for _, tt := range []struct {
		typ  any
		list []string
	}{{Meta{}, metaFields}, {ResourceGroup{}, groupFields}, {Resource{}, resourceFields}} {
		rt := reflect.TypeOf(tt.typ)
		var tags []string
		for i := range rt.NumField() {
			tags = append(tags, rt.Field(i).Tag.Get("yaml"))
		}
		if !reflect.DeepEqual(tags, tt.list) {
			t.Errorf("%s: tags %v, list %v", rt.Name(), tags, tt.list)
		}
	}
}
