package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"

	"vigil/guides"
)

// TestGuideMarkdownLeavesOutTheLeader: the shown guide has every section,
// prompt and resource of the seed guide, and none of the notes for the
// leader nor the front matter.
func TestGuideMarkdownLeavesOutTheLeader(t *testing.T) {
	g := guides.Default()
	md := guideMarkdown(g)
	for _, want := range []string{"# " + g.Meta.Title + "\n", "**Content note.**", g.Meta.Source} {
		if !strings.Contains(md, want) {
			t.Errorf("the guide lacks %q", want)
		}
	}
	leaders := 0
	for _, p := range g.Parts {
		if !strings.Contains(md, "\n# "+p.Title+"\n") {
			t.Errorf("no heading for the part %q", p.Title)
		}
		for _, s := range p.Sections {
			if !strings.Contains(md, "\n## "+s.Title+"\n") {
				t.Errorf("no heading for the section %q", s.Title)
			}
			for _, pr := range s.Prompts {
				if !strings.Contains(md, "- "+pr) {
					t.Errorf("no prompt %q", pr)
				}
			}
			if l := strings.TrimSpace(s.Leader); l != "" {
				leaders++
				if first := strings.SplitN(l, "\n", 2)[0]; strings.Contains(md, first) {
					t.Errorf("the leader's note of %s is in the guide: %q", s.ID, first)
				}
			}
		}
	}
	if leaders == 0 {
		t.Fatal("the seed guide has no notes for the leader: the test cannot tell anything")
	}
	for _, never := range []string{"For the leader", "<!-- part:", "content_note:", "resources_checked:"} {
		if strings.Contains(md, never) {
			t.Errorf("the guide holds %q", never)
		}
	}
	for _, rg := range g.Meta.Resources {
		for _, r := range rg.Items {
			if !strings.Contains(md, "**"+oneLine(r.Name)) {
				t.Errorf("no resource %q", r.Name)
			}
		}
	}
}

// TestGuideCheckCommand runs `vigil guide check` on a good file, a broken
// one and a folder, and reads its exact output.
func TestGuideCheckCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	bad := filepath.Join(dir, "bad.md")
	writeFile(t, good, string(guides.Default().Source))
	writeFile(t, bad, "---\nid: Bad\ntitle: t\nsource: s\nattribution: a\ncontent_note: c\n---\n\n# Q\n<!-- part: faq -->\n")
	empty := t.TempDir()

	out, err := runRoot(t, "guide", "check", good)
	if err != nil || out != good+": ok\n" {
		t.Errorf("good file: %q, %v", out, err)
	}
	out, err = runRoot(t, "guide", "check", good, bad, empty)
	if code, ok := err.(exitCode); !ok || code != 1 {
		t.Errorf("err = %v, want exit status 1", err)
	}
	want := good + ": ok\n" +
		bad + ":2: the id \"Bad\" may hold only lowercase letters, digits and dashes; try \"bad\".\n" +
		bad + ":9: the part \"Q\" has no sections; add at least one ## heading under it.\n" +
		empty + ": the folder holds no guide files (names ending in .md).\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	// A folder stands for its .md files.
	out, _ = runRoot(t, "guide", "check", dir)
	if !strings.HasPrefix(out, bad+":2: ") || !strings.HasSuffix(out, good+": ok\n") {
		t.Errorf("folder:\n%s", out)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// runRoot runs the command line in-process and returns what it printed.
func runRoot(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	var code exitCode
	if err != nil && !errors.As(err, &code) {
		t.Fatalf("vigil %v: %v", args, err)
	}
	return out.String(), err
}

// TestShownGuideFitsItsWidth renders the whole seed guide as guide show
// does, and checks that no line is wider than asked. (Below 40 columns a
// web address alone is wider than the line.)
func TestShownGuideFitsItsWidth(t *testing.T) {
	md := guideMarkdown(guides.Default())
	for _, style := range guides.Styles {
		for _, width := range []int{40, 60, 80, 100, 120} {
			out, err := guides.Render(md, width, style)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(out, "\n") {
				if w := xansi.StringWidth(l); w > width {
					t.Errorf("%s at %d: a line of %d columns: %q", style, width, w, xansi.Strip(l))
				}
			}
		}
	}
}

// TestGuideResourcesInOneOrder: guide show lists a resource's ways in as
// every front end does (session.HelpOf): phone, text, TTY, web.
func TestGuideResourcesInOneOrder(t *testing.T) {
	g := &guides.Guide{Meta: guides.Meta{ID: "x", Title: "X", ResourcesChecked: "2026-01-01",
		Resources: []guides.ResourceGroup{{Need: "Talk to someone", Items: []guides.Resource{
			{Name: "Line", By: "Org", Web: "https://line.example", TTY: "711", Phone: "555 0100", Text: "HELLO to 555", For: "anyone"},
		}}}}}
	md := guideMarkdown(g)
	want := "- **Line (Org)**: anyone. Phone: 555 0100 · Text: HELLO to 555 · TTY: 711 · Web: https://line.example\n"
	if !strings.Contains(md, want) {
		t.Errorf("resources:\n%s\nwant the line %q", md, want)
	}
	if !strings.Contains(md, "*Numbers and addresses checked on 2026-01-01. They can change.*") {
		t.Errorf("no date the resources were checked:\n%s", md)
	}
}
