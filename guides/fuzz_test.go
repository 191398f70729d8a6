package guides

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// FuzzParse feeds Parse arbitrary files. It must not panic, must give the
// same answer twice, must report problems in line order at lines the file
// has, and a guide it accepts must keep the rules the checker promises.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/good/*.md", "testdata/broken/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	embedded, _ := fs.Glob(embeddedFS, "embedded/*.md")
	for _, name := range embedded {
		if data, err := embeddedFS.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse("f.md", data)
		g2, err2 := Parse("f.md", data)
		if !reflect.DeepEqual(g, g2) || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatal("two parses of the same file differ")
		}
		if err != nil {
			checkProblems(t, data, err)
			return
		}
		checkGuide(t, g)
	})
}

func checkProblems(t *testing.T, data []byte, err error) {
	ps, ok := err.(Problems)
	if !ok || len(ps) == 0 {
		t.Fatalf("error %T %v, want Problems", err, err)
	}
	lines := strings.Count(string(data), "\n") + 1
	if !sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line }) {
		t.Errorf("problems not in line order:\n%v", ps)
	}
	for _, p := range ps {
		if p.Line < 0 || p.Line > lines || p.Msg == "" || p.File != "f.md" {
			t.Errorf("problem out of the file (%d lines): %#v", lines, p)
		}
	}
}

func checkGuide(t *testing.T, g *Guide) {
	if len(g.Parts) == 0 || !validID(g.Meta.ID) || g.Meta.Title == "" || g.Meta.ContentNote == "" {
		t.Fatalf("accepted a guide without parts or fields: %+v", g.Meta)
	}
	ids := map[string]bool{}
	last := 0
	for _, p := range g.Parts {
		if len(p.Sections) == 0 || p.Line <= last {
			t.Errorf("part %q: %d sections, line %d after %d", p.Title, len(p.Sections), p.Line, last)
		}
		last = p.Line
		for _, s := range p.Sections {
			if ids[s.ID] || !strings.HasPrefix(s.ID, string(p.Kind)+"/") || s.Line <= last {
				t.Errorf("section %q: ID %q (seen %v), line %d after %d", s.Title, s.ID, ids[s.ID], s.Line, last)
			}
			ids[s.ID] = true
			last = s.Line
			if n := len(s.Prompts); p.Kind == KindReflection && (n < 1 || n > maxPrompts) || p.Kind != KindReflection && n > 0 {
				t.Errorf("section %q of a %s part has %d prompts", s.ID, p.Kind, n)
			}
		}
	}
}

// TestParseIsLinear parses guides near the 1 MiB limit built to be slow:
// very many sections, very many lines of one kind, long lines. Each must
// take well under a second.
func TestParseIsLinear(t *testing.T) {
	head := "---\nid: big\ntitle: Big\nsource: s\nattribution: a\ncontent_note: c\n---\n\n"
	fill := func(unit string) string {
		return head + strings.Repeat(unit, (MaxSize-len(head))/len(unit))
	}
	var sections strings.Builder
	sections.WriteString(head)
	for i := 0; sections.Len() < MaxSize-200; i++ {
		if i%1000 == 0 {
			sections.WriteString("# Reflection\n<!-- part: reflection -->\n\n")
		}
		sections.WriteString("## Step ")
		sections.WriteString(strings.Repeat("x", i%7))
		sections.WriteString(string(rune('a' + i%26)))
		sections.WriteString(" " + itoa(i))
		sections.WriteString("\n\nText.\n\n### Prompts\n\n- Why?\n\n")
	}
	cases := map[string]string{
		"many sections":   sections.String(),
		"many parts":      fill("# P\n<!-- part: faq -->\n## S\n"),
		"many duplicates": "# P\n<!-- part: faq -->\n" + fill("## S\n"),
		"many fences":     fill("```\n# x\n"),
		"one long line":   fill("*_#`-"),
		"many stars":      fill("**"),
		"many hashes":     fill("#"),
		"many prompts":    "# R\n<!-- part: reflection -->\n## S\n### Prompts\n" + fill("- x\n"),
		"many fields":     "---\n" + strings.Repeat("x: 1\n", (MaxSize-10)/5) + "---\n",
		"many detailed":   "---\ndetailed: [" + strings.Repeat("faq/xyz-abc-def, ", (MaxSize-40)/17) + "]\n---\n",
		"many minutes":    "---\nminutes:\n" + strings.Repeat("  nxt: 1\n", (MaxSize-40)/9) + "---\n",
		"deep yaml":       "---\ndetailed: " + strings.Repeat("[", MaxSize-30) + "\n---\n",
		"long yaml key":   "---\n" + strings.Repeat("k", MaxSize-20) + ": 1\n---\n",
	}
	for name, src := range cases {
		if len(src) > MaxSize {
			src = src[:MaxSize]
		}
		// The fastest of three runs: a quadratic parser takes minutes on a
		// megabyte, while a busy machine (CI runs test binaries side by
		// side on two cores) only adds noise that one quiet run escapes.
		var g *Guide
		var err error
		took := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			g, err = Parse(name, []byte(src))
			took = min(took, time.Since(start))
		}
		if took > slowdown*time.Second {
			t.Errorf("%s: %v to parse %d bytes", name, took, len(src))
		}
		if name == "many sections" && (err != nil || len(g.Parts) < 10) {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: %d bytes in %v", name, len(src), took)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func BenchmarkParseSeed(b *testing.B) {
	data := Default().Source
	for b.Loop() {
		if _, err := Parse("seed.md", data); err != nil {
			b.Fatal(err)
		}
	}
}
