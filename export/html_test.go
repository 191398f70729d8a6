package export

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"vigil/guides"
	"vigil/session"
)

// guideURLs are the links the seed guide itself holds: the only external
// addresses an HTML export may name.
func guideURLs() map[string]bool {
	urls := map[string]bool{}
	for _, u := range regexp.MustCompile(`https?://[^\s)"'<>\]]+`).FindAllString(string(guides.Default().Source), -1) {
		urls[u] = true
	}
	return urls
}

var cssURL = regexp.MustCompile(`(?i)url\s*\(|@import`)

// handoutProblems parses an HTML export and lists anything that runs or
// fetches: a script, an event handler, an external src or href, a CSS
// url() or @import, an element that loads or submits. It also returns the
// page's text.
func handoutProblems(page string) (problems []string, text string) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return []string{err.Error()}, ""
	}
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	allowed := guideURLs()
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			switch n.Data {
			case "script", "iframe", "img", "link", "object", "embed", "base", "form", "video", "audio", "source", "svg":
				errorf("the page has a <%s> element", n.Data)
			case "style":
				if n.FirstChild != nil && cssURL.MatchString(n.FirstChild.Data) {
					errorf("the style sheet fetches something: %s", cssURL.FindString(n.FirstChild.Data))
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					errorf("<%s> has an event handler %s", n.Data, a.Key)
				case key == "src" || key == "href" || key == "action" || key == "srcset" || key == "poster":
					if !allowed[a.Val] {
						errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
					}
				case key == "style" && cssURL.MatchString(a.Val):
					errorf("<%s> has a style that fetches: %s", n.Data, a.Val)
				}
			}
		case html.TextNode:
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return problems, b.String()
}

func TestHTMLIsASelfContainedHandout(t *testing.T) {
	st, ids := storeWith(t, fixture(), hostileRecord())
	page := export(t, st, ids, HTML, session.Leader)
	problems, text := handoutProblems(page)
	for _, p := range problems {
		t.Error(p)
	}
	for _, want := range []string{"<script>alert('x')</script>", "[a link](http://evil.example/)", "</li><script>alert(1)</script>", "Week <2> # *"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if strings.Count(page, "<article>") != 2 {
		t.Errorf("want one <article> per session, got %d", strings.Count(page, "<article>"))
	}
	for _, want := range []string{`http-equiv="Content-Security-Policy" content="default-src 'none'`, "@page", "break-before: page", "<title>vigil notes: 2 sessions</title>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestHTMLCheckCatchesFetches makes sure handoutProblems can fail.
func TestHTMLCheckCatchesFetches(t *testing.T) {
	for _, page := range []string{
		`<p>x</p><script>alert(1)</script>`,
		`<img src="http://evil.example/x.png">`,
		`<a href="https://evil.example/">x</a>`,
		`<style>body { background: url(http://evil.example/x) }</style>`,
		`<p style="background:url(x)">x</p>`,
		`<p onclick="x()">x</p>`,
	} {
		if problems, _ := handoutProblems(page); len(problems) == 0 {
			t.Errorf("handoutProblems passed %s", page)
		}
	}
}
