package guides

import (
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestEmbeddedGuidesParse checks every embedded guide, so that Embedded can
// never panic in a release.
func TestEmbeddedGuidesParse(t *testing.T) {
	names, err := fs.Glob(embeddedFS, "embedded/*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded guides: %v", err)
	}
	for _, name := range names {
		data, err := embeddedFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if ps := Check(name, data); ps != nil {
			t.Errorf("%v", ps)
		}
	}
	if len(Embedded()) != len(names) {
		t.Errorf("Embedded() has %d guides, want %d", len(Embedded()), len(names))
	}
	for _, g := range Embedded() {
		if g.Origin != OriginEmbedded {
			t.Errorf("%s: Origin %q", g.Meta.ID, g.Origin)
		}
	}
}

func TestSeedStructure(t *testing.T) {
	g := Default()
	if g.Meta.ID != "cybersex-trafficking-faqs" {
		t.Fatalf("Default() is %q", g.Meta.ID)
	}
	want := []struct {
		kind   Kind
		titles []string
	}{
		{KindFAQ, []string{
			"What is cybersex trafficking?",
			"How is IJM fighting it?",
			"Is “traditional” sex trafficking going underground and re-emerging or evolving into this kind of cybersex trafficking?",
			"How does cybersex trafficking operate in the Philippines?",
			"What is IJM's response?",
		}},
		{KindReflection, []string{"Clarity", "Honesty", "Hope", "Community"}},
		{KindPrayer, []string{
			"Pray for young boys and girls who are suffering in secret right now in the Philippines.",
			"Please pray for IJM and our partners seeking to rescue children from urgent situations of cybersex trafficking in the Philippines.",
			"Pray for favor and good collaboration between IJM and partners",
			"Please pray for more aftercare partners in the Philippines to serve young boys and girls who are survivors of cybersex trafficking.",
			"Pray for all those who have been rescued from cybersex trafficking.",
		}},
		{KindNext, []string{"Next Steps"}},
	}
	if len(g.Parts) != len(want) {
		t.Fatalf("%d parts, want %d", len(g.Parts), len(want))
	}
	for i, w := range want {
		p := g.Parts[i]
		var titles []string
		for _, s := range p.Sections {
			titles = append(titles, s.Title)
		}
		if p.Kind != w.kind || !reflect.DeepEqual(titles, w.titles) {
			t.Errorf("part %d: %s %q, want %s %q", i, p.Kind, titles, w.kind, w.titles)
		}
	}
	// The lead-in to the four tools: the question heads the reflection
	// part, and its paragraph opens the first step.
	if r := g.Parts[1]; r.Title != "How do I process (and help others process) this horrific crime?" ||
		!strings.HasPrefix(r.Sections[0].Body, "When we engage in any form of sin or brokenness") {
		t.Errorf("the reflection lead-in is not where it belongs: %q", r.Title)
	}
	response := g.Parts[0].Sections[4].Body
	for _, label := range []string{"**Rescue:**", "**Restore:**", "**Restrain:**", "**Repair:**"} {
		if !strings.Contains(response, label) {
			t.Errorf("IJM's response lacks %s", label)
		}
	}
	for _, s := range g.Parts[1].Sections {
		if len(s.Prompts) < 1 || len(s.Prompts) > 2 {
			t.Errorf("%s has %d prompts, want 1 or 2", s.ID, len(s.Prompts))
		}
	}
	for kind, m := range map[Kind]int{KindFAQ: 20, KindReflection: 20, KindPrayer: 15, KindNext: 5} {
		if g.Minutes(kind) != m {
			t.Errorf("minutes for %s: %d, want %d", kind, g.Minutes(kind), m)
		}
	}
	if !g.IsDetailed(g.Parts[0].Sections[0], KindFAQ) || g.TotalMinutes() != 60 {
		t.Errorf("detailed %v, total %d minutes", g.Meta.Detailed, g.TotalMinutes())
	}
}

func TestSeedMends(t *testing.T) {
	src := string(Default().Source)
	if strings.Contains(src, "OR cases we've seen") {
		t.Error(`the editor's alternative "OR cases we've seen" is still there`)
	}
	if !strings.Contains(src, "laws against child pornography and cybercrimes. As our model") {
		t.Error("the Restrain paragraph is not joined")
	}
	if !strings.Contains(src, "victims in IJM's cases is 12 years old") {
		t.Error(`"in IJM's cases" is not the text kept`)
	}
	if e := Default().Meta.Edited; !strings.Contains(e, "cases we've seen") || !strings.Contains(e, "cybercrimes.") {
		t.Errorf("edited does not record the two mends: %q", e)
	}
}

// TestSeedKeepsEveryWord checks that every piece of text in IJM's document,
// after the two recorded mends, is in the guide word for word. Bold marks
// the places where the guide cuts a paragraph into a heading and a body.
func TestSeedKeepsEveryWord(t *testing.T) {
	data, err := os.ReadFile("../../shared/seed/cybersex-trafficking-faqs.md")
	if err != nil {
		t.Skip("the seed document is not here:", err)
	}
	seed := strings.Replace(string(data), "in IJM's cases OR cases we've seen", "in IJM's cases", 1)
	seed = strings.Replace(seed, "child pornography and\n\ncybercrimes.", "child pornography and cybercrimes.", 1)
	guide := strings.ReplaceAll(string(Default().Source), "**", "")
	for _, line := range strings.Split(seed, "\n") {
		line = strings.TrimLeft(line, "# ")
		for _, piece := range strings.Split(line, "**") {
			piece = strings.TrimSuffix(strings.TrimSpace(piece), ":")
			if piece != "" && !strings.Contains(guide, piece) {
				t.Errorf("not in the guide word for word: %q", piece)
			}
		}
	}
}

// TestSeedResources compares the seed guide's resources with
// shared/RESOURCES.md, the checked list they must come from word for word.
func TestSeedResources(t *testing.T) {
	data, err := os.ReadFile("../../shared/RESOURCES.md")
	if err != nil {
		t.Skip("RESOURCES.md is not here:", err)
	}
	want := parseResourcesMD(string(data))
	if len(want) == 0 {
		t.Fatal("no resources read from RESOURCES.md")
	}
	// The guide orders the groups support first, reporting after (the
	// help screen shows them in file order); each group is word for word.
	got := Default().Meta.Resources
	byNeed := func(gs []ResourceGroup) map[string]ResourceGroup {
		m := map[string]ResourceGroup{}
		for _, g := range gs {
			m[g.Need] = g
		}
		return m
	}
	if len(got) != len(want) || !reflect.DeepEqual(byNeed(got), byNeed(want)) {
		t.Errorf("resources differ from RESOURCES.md:\n got %+v\nwant %+v", got, want)
	}
	order := map[string]int{}
	for i, g := range got {
		order[g.Need] = i
	}
	if order["Someone to talk to"] != 0 ||
		order["Get help for someone who may be trafficked (United States)"] > order["Report the online sexual exploitation of a child"] {
		t.Errorf("support does not come before reporting: %v", order)
	}
	if c := Default().Meta.ResourcesChecked; c != "2026-11-26" {
		t.Errorf("resources_checked = %q", c)
	}
}

// parseResourcesMD reads the groups of RESOURCES.md: a ## heading per need
// (but "Always", which is advice, not a resource), "- **Name** (by)" per
// resource, and "  - Field: value" lines under it.
func parseResourcesMD(md string) []ResourceGroup {
	var groups []ResourceGroup
	var g *ResourceGroup
	var r *Resource
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			g, r = nil, nil
			if need := strings.TrimPrefix(line, "## "); need != "Always" {
				groups = append(groups, ResourceGroup{Need: need})
				g = &groups[len(groups)-1]
			}
		case g != nil && strings.HasPrefix(line, "- **"):
			name, by, _ := strings.Cut(strings.TrimPrefix(line, "- **"), "**")
			by = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(by), "("), ")")
			g.Items = append(g.Items, Resource{Name: name, By: by})
			r = &g.Items[len(g.Items)-1]
		case r != nil && strings.HasPrefix(line, "  - "):
			field, value, _ := strings.Cut(strings.TrimPrefix(line, "  - "), ": ")
			switch field {
			case "Web":
				r.Web = value
			case "Phone":
				r.Phone = value
			case "Text":
				r.Text = value
			case "TTY":
				r.TTY = value
			case "For":
				r.For = value
			}
		}
	}
	return groups
}
