package export

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vigil/session"
	"vigil/store"
)

// mdOutline parses Markdown as glow does (GitHub Flavored Markdown) and
// returns its headings as "level text", and the kinds of node found.
func mdOutline(t *testing.T, src string) (headings []string, kinds map[string]int) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	kinds = map[string]int{}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		kinds[n.Kind().String()]++
		if h, ok := n.(*ast.Heading); ok {
			headings = append(headings, fmt.Sprintf("%d %s", h.Level, nodeText(h, source)))
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return headings, kinds
}

// nodeText is the text of a node's inline children, escapes resolved.
func nodeText(n ast.Node, source []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(util.UnescapePunctuations(t.Segment.Value(source)))
			continue
		}
		b.WriteString(nodeText(c, source))
	}
	return b.String()
}

var fixtureOutline = []string{
	"1 Week 1 — 26 November 2026",
	"2 Cybersex Trafficking FAQs",
	"3 What is cybersex trafficking?",
	"2 How do I process (and help others process) this horrific crime?",
	"3 Clarity",
	"3 Honesty",
	"2 Prayer Requests",
	"3 The guide's requests",
	"3 Pray for young boys and girls who are suffering in secret right now in the Philippines.",
	"3 The group's requests",
	"2 Next Steps",
	"3 Next Steps",
	"3 Commitments",
	"2 Next steps from the guide",
	"2 Help and report",
	"3 Someone to talk to",
	"3 Get help for someone who may be trafficked (United States)",
	"3 Get help for a child in the Philippines",
	"3 Report the online sexual exploitation of a child",
	"3 Learn and act with the guide's authors",
	"2 Next meeting",
}

func TestMarkdownOutline(t *testing.T) {
	st, ids := storeWith(t, fixture())
	headings, kinds := mdOutline(t, export(t, st, ids, Markdown, session.Leader))
	if got, want := strings.Join(headings, "\n"), strings.Join(fixtureOutline, "\n"); got != want {
		t.Errorf("heading outline:\n%s\nwant:\n%s", got, want)
	}
	if kinds["TaskCheckBox"] != 8 {
		t.Errorf("%d task check boxes, want 8 (5 of the guide's requests, 3 of the group's)", kinds["TaskCheckBox"])
	}
}

// hostile is text that would change a Markdown or HTML document if it
// were not escaped.
const hostile = "# Not a heading\n## Nor this #\n<script>alert('x')</script>\n[a link](http://evil.example/)\n" +
	"![img](http://evil.example/i.png)\n- not a list\n1. nor this\n> nor a quote\n***\nSetext\n===\n    not code\n" +
	"```\nnor this\n| a | b |\n|---|---|\n~~not struck~~ *not em* _nor this_ snake_case &amp; \\ `code`"

func hostileRecord() store.Record {
	rec := fixture()
	rec.Session.UID = "hostile"
	rec.Session.Title = "Week <2> # *"
	rec.Notes["faq/what-is-cybersex-trafficking"] = store.Note{Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection, Text: hostile}
	rec.Requests[0].Text = hostile
	rec.Commitments[0].Name = "</li><script>alert(1)</script>"
	return rec
}

func TestMarkdownShowsTypedTextAsTyped(t *testing.T) {
	st, ids := storeWith(t, hostileRecord())
	src := export(t, st, ids, Markdown, session.Leader)
	headings, kinds := mdOutline(t, src)
	want := append([]string{"1 Week <2> # * — 26 November 2026"}, fixtureOutline[1:]...)
	if got := strings.Join(headings, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("typed text changed the outline:\n%s", got)
	}
	// The guide's words bring their own links, lists and emphasis; typed
	// text must add none: the hostile export has the nodes of the plain
	// fixture's, no more.
	st2, ids2 := storeWith(t, fixture())
	_, plain := mdOutline(t, export(t, st2, ids2, Markdown, session.Leader))
	for _, k := range []string{"Link", "Image", "HTMLBlock", "RawHTML", "CodeBlock", "FencedCodeBlock", "CodeSpan",
		"Blockquote", "ThematicBreak", "Emphasis", "Strikethrough", "Table", "List"} {
		if kinds[k] != plain[k] {
			t.Errorf("typed text made %d %s node(s), the fixture's export has %d", kinds[k], k, plain[k])
		}
	}
}

// TestMarkdownRendersInGlow renders the export with glamour, as glow does.
func TestMarkdownRendersInGlow(t *testing.T) {
	st, ids := storeWith(t, fixture())
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(export(t, st, ids, Markdown, session.Leader))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Week 1", "What is cybersex trafficking?", "For my cousin, who is in hospital."} {
		if !strings.Contains(out, want) {
			t.Errorf("glamour's rendering lacks %q", want)
		}
	}
}
