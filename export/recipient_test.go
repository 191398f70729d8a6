package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"vigil/session"
)

// recipientDoc is an export as a recipient reads it, whatever its format:
// its text in reading order, and the addresses of its links.
type recipientDoc struct {
	text  string
	links []string
}

// readMarkdown parses Markdown as glow does and keeps its text and links.
func readMarkdown(t *testing.T, src string) recipientDoc {
	t.Helper()
	source := []byte(src)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(source))
	var d recipientDoc
	var b strings.Builder
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteString("\n")
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			d.links = append(d.links, string(n.Destination))
		case *ast.AutoLink:
			d.links = append(d.links, string(n.URL(source)))
		case *ast.Text:
			b.Write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteString("\n")
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d.text = b.String()
	return d
}

// readHTML parses a page as a browser does and keeps its text and links.
func readHTML(t *testing.T, src string) recipientDoc {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var d recipientDoc
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head"):
			return
		case n.Type == html.ElementNode && n.Data == "a":
			for _, a := range n.Attr {
				if a.Key == "href" {
					d.links = append(d.links, a.Val)
				}
			}
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteString("\n")
		}
	}
	walk(root)
	d.text = b.String()
	return d
}

// readJSON decodes the export and lays its session out in the order of
// its keys: particulars, content note, notes and the rest, the guide's
// next steps, help and the next meeting; links are the Markdown links of
// the next steps and the web addresses of the help.
func readJSON(t *testing.T, src string) recipientDoc {
	t.Helper()
	var f struct {
		Sessions []json.RawMessage `json:"sessions"`
	}
	if err := json.Unmarshal([]byte(src), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Sessions) != 1 {
		t.Fatalf("%d sessions, want 1", len(f.Sessions))
	}
	// The keys in the order the file has them, each with its value as
	// text: a recipient reads the file top to bottom.
	dec := json.NewDecoder(bytes.NewReader(f.Sessions[0]))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var d recipientDoc
	var b strings.Builder
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		b.WriteString(key.(string) + ":\n")
		if key == "next_steps" {
			for _, st := range v.([]any) {
				md := readMarkdown(t, st.(map[string]any)["body"].(string))
				d.links = append(d.links, md.links...)
				b.WriteString(md.text)
			}
		} else {
			flatten(&b, v)
		}
		if key == "help" {
			for _, g := range v.(map[string]any)["groups"].([]any) {
				for _, it := range g.(map[string]any)["items"].([]any) {
					if web, ok := it.(map[string]any)["web"].(string); ok {
						for _, p := range addressParts(web) {
							if p.url != "" {
								d.links = append(d.links, p.url)
							}
						}
					}
				}
			}
		}
	}
	d.text = b.String()
	return d
}

// flatten writes every string in v, in order (maps by the keys a reader
// needs in order: a help group's need before its items).
func flatten(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		b.WriteString(v + "\n")
	case []any:
		for _, e := range v {
			flatten(b, e)
		}
	case map[string]any:
		for _, k := range []string{"title", "body", "need", "lines", "groups", "items", "name", "phone", "text", "web", "for", "checked", "key"} {
			if e, ok := v[k]; ok {
				flatten(b, e)
			}
		}
	}
}

// TestEveryFormatCarriesWhatARecipientNeeds: in every format and view of
// the fixture, the guide's content note comes before anything the session
// captured; the guide's next steps follow with their links, each address
// once; then the help, someone to talk to before reporting; then the next
// meeting. The stopwatch (time spent, pages seen) is the leader's record:
// in the leader's view only.
func TestEveryFormatCarriesWhatARecipientNeeds(t *testing.T) {
	st, ids := storeWith(t, fixture())
	readers := map[Format]func(*testing.T, string) recipientDoc{
		Markdown: readMarkdown, HTML: readHTML, JSON: readJSON,
		Text: func(_ *testing.T, s string) recipientDoc { return recipientDoc{text: s} },
	}
	nextLinks := []string{"http://www.IJM.org/IFLOCAL", "http://www.IJM.org/IF2019"}
	for _, v := range []session.View{session.Leader, session.Shared, session.Redacted} {
		for _, f := range Formats {
			t.Run(string(f)+"/"+v.String(), func(t *testing.T) {
				d := readers[f](t, export(t, st, ids, f, v))
				flat := strings.Join(strings.Fields(d.text), " ")
				order := []string{
					"This guide is about cybersex trafficking",         // the content note
					"None of us had known how young the children are.", // the first thing captured
					"Give to IJM's work in the Philippines.",           // a commitment
					"Visit www.IJM.org/IFLOCAL",                        // the guide's next steps
					"Text IFISTAND to 52886",
					session.EmergencyLine,
					"Someone to talk to",
					"RAINN National Sexual Assault Hotline",
					"Report the online sexual exploitation of a child",
					"CyberTipline",
				}
				meeting := "Thursday 3 December 2026"
				if v == session.Redacted {
					meeting = "December 2026"
					if f == JSON {
						meeting = "2026-12-01T00:00:00-05:00" // kept to its month
					}
				} else if f == JSON {
					meeting = "2026-12-03T00:00:00-05:00"
				}
				order = append(order, meeting)
				at := 0
				for _, want := range order {
					i := strings.Index(flat[at:], want)
					if i < 0 {
						t.Fatalf("%q is missing, or out of order, after %q…", want, flat[max(0, at-60):at])
					}
					at += i + len(want)
				}
				if f == Text {
					for _, want := range []string{"www.IJM.org/IFLOCAL", "www.IJM.org/IF2019"} {
						if n := strings.Count(d.text, want); n != 1 {
							t.Errorf("%s is written %d times, want once", want, n)
						}
					}
				} else {
					for _, want := range nextLinks {
						if n := count(d.links, want); n != 1 {
							t.Errorf("the link to %s is there %d times, want once (links: %q)", want, n, d.links)
						}
					}
					if n := count(d.links, "https://rainn.org"); n != 1 {
						t.Errorf("the help's link to RAINN is there %d times, want once", n)
					}
				}
				if f == JSON {
					return // the record itself: spent, seen and total are its fields
				}
				for _, s := range []string{"Time spent", "pages seen", "Time 1 h 3 min"} {
					shown := strings.Contains(strings.ReplaceAll(flat, "Time: ", "Time "), s) // the Time fact: "Time: 1 h 3 min", or in HTML a dt and a dd
					switch {
					case v == session.Leader && !shown:
						t.Errorf("the leader's record lacks %q", s)
					case v != session.Leader && shown:
						t.Errorf("the %s view shows the stopwatch: %q", v, s)
					}
				}
			})
		}
	}
}

func count(list []string, s string) int {
	n := 0
	for _, e := range list {
		if e == s {
			n++
		}
	}
	return n
}
