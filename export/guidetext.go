package export

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vigil/session"
)

// The guide's own words in an export (its content note and next steps)
// are Markdown. Each format writes them from these blocks, never by
// copying the Markdown through, so that a guide's raw HTML, images or odd
// link schemes reach no export, and every link is written once: its text,
// then its address only where the address is not the text already.

// guideMD parses a guide's Markdown as CommonMark, with strikethrough and
// bare web addresses.
var guideMD = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify))

// gBlock is one paragraph or list item of a guide's Markdown.
type gBlock struct {
	// Mark is "" for a paragraph, "- " or "1. " for a list item, and
	// markCont for a further paragraph of the item before it.
	Mark  string
	Depth int // how deep in lists the item is, from 0
	Spans []gSpan
}

// gSpan is a run of text: plain, strong or emphasised, or a link; or a
// hard line break.
type gSpan struct {
	Text   string
	URL    string // a link's address, made absolute ("www.x.org" gains http://); "" if not a safe link
	Strong bool
	Em     bool
	Break  bool
}

// guideBlocks parses a guide's Markdown into blocks.
func guideBlocks(src string) []gBlock {
	source := []byte(src)
	w := &gWriter{src: source}
	w.blocks(guideMD.Parser().Parse(text.NewReader(source)), 0)
	return w.out
}

type gWriter struct {
	src []byte
	out []gBlock
}

func (w *gWriter) blocks(n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, depth, "")
	}
}

// block adds n's blocks; mark is the list mark of the item n opens, if
// any.
func (w *gWriter) block(n ast.Node, depth int, mark string) {
	switch n := n.(type) {
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// Comments such as <!-- part: next --> are for the parser.
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		var spans []gSpan
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			spans = w.inline(spans, c, gSpan{Strong: n.Kind() == ast.KindHeading})
		}
		w.out = append(w.out, gBlock{Mark: mark, Depth: depth, Spans: spans})
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var spans []gSpan
		seg := n.Lines()
		for i := 0; i < seg.Len(); i++ {
			at := seg.At(i)
			if i > 0 {
				spans = append(spans, gSpan{Break: true})
			}
			spans = append(spans, gSpan{Text: strings.TrimRight(string(at.Value(w.src)), " \t\r\n")})
		}
		w.out = append(w.out, gBlock{Mark: mark, Depth: depth, Spans: spans})
	case *ast.List:
		num := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			m := "- "
			if n.IsOrdered() {
				m = strconv.Itoa(num) + ". "
				num++
			}
			first := true
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				switch {
				case isListNode(c):
					w.block(c, depth+1, "")
				case first:
					w.block(c, depth, m)
				default:
					w.block(c, depth, markCont)
				}
				first = false
			}
			if first {
				w.out = append(w.out, gBlock{Mark: m, Depth: depth})
			}
		}
	default:
		w.blocks(n, depth) // a quote: its text
	}
}

// markCont marks a further paragraph of a list item.
const markCont = "  "

func isItem(b gBlock) bool { return b.Mark != "" && b.Mark != markCont }

// eachGuideBlock lays out the blocks of a guide's Markdown for the formats
// that indent with spaces (md, txt): a blank line between blocks, but not
// between the items of a list; write gets each block with the prefix of
// its first line and of the others (an item's mark, nested items three
// spaces further in). first, when set, starts the first block.
func eachGuideBlock(o *out, src, first string, write func(b gBlock, lead, rest string)) {
	blocks := guideBlocks(src)
	for i, b := range blocks {
		if i > 0 && !(isItem(b) && isItem(blocks[i-1])) {
			o.line()
		}
		indent := strings.Repeat("   ", b.Depth)
		lead, rest := indent, indent
		switch {
		case i == 0 && first != "":
			lead = first
		case b.Mark == markCont:
			lead, rest = indent+"   ", indent+"   "
		case b.Mark != "":
			lead, rest = indent+b.Mark, indent+strings.Repeat(" ", len(b.Mark))
		}
		write(b, lead, rest)
	}
}

func isListNode(n ast.Node) bool { _, ok := n.(*ast.List); return ok }

// inline adds the spans of n, styled as style.
func (w *gWriter) inline(spans []gSpan, n ast.Node, style gSpan) []gSpan {
	add := func(s string) {
		sp := style
		sp.Text = spanText(s)
		spans = append(spans, sp)
	}
	switch n := n.(type) {
	case *ast.Text:
		add(string(gUnescape(n.Segment.Value(w.src))))
		switch {
		case n.HardLineBreak():
			spans = append(spans, gSpan{Break: true})
		case n.SoftLineBreak():
			add(" ")
		}
	case *ast.String:
		add(string(n.Value))
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				add(string(t.Segment.Value(w.src)))
			}
		}
	case *ast.AutoLink:
		sp := style
		sp.Text = spanText(string(n.Label(w.src)))
		sp.URL = safeURL(string(n.URL(w.src)))
		spans = append(spans, sp)
	case *ast.Link, *ast.Image:
		dest := ""
		if l, ok := n.(*ast.Link); ok {
			dest = string(l.Destination)
		} else {
			dest = string(n.(*ast.Image).Destination)
		}
		var inner []gSpan
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			inner = w.inline(inner, c, style)
		}
		var label strings.Builder
		for _, sp := range inner {
			label.WriteString(sp.Text)
		}
		sp := style
		sp.Text, sp.URL = label.String(), safeURL(dest)
		if sp.Text == "" {
			sp.Text = spanText(dest)
		}
		spans = append(spans, sp)
	case *ast.RawHTML:
		// Inline HTML is markup, not text.
	case *ast.Emphasis:
		st := style
		if n.Level >= 2 {
			st.Strong = true
		} else {
			st.Em = true
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			spans = w.inline(spans, c, st)
		}
	case *extast.Strikethrough:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			spans = w.inline(spans, c, style)
		}
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			spans = w.inline(spans, c, style)
		}
	}
	return spans
}

// spanText is text of a guide as a span holds it. session.Clean saw the
// guide's source, but character references resolve only in the parse, and
// can spell what Clean took out ("&#x1b;", "&#x202e;") or a line break
// ("&#10;", which would start a line of Markdown): so those go here too.
func spanText(s string) string {
	return strings.ReplaceAll(session.Clean(s), "\n", " ")
}

// gUnescape resolves backslash escapes and character references.
func gUnescape(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// safeURL is a link's address as an export may write it: web and mail
// addresses only ("www.…" gains http://); anything else is "", and the
// link is written as its text alone.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	lower := strings.ToLower(u)
	switch {
	case strings.ContainsAny(u, " <>\"'`") || session.HasControls(u):
		return ""
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "mailto:"):
		return u
	case strings.HasPrefix(lower, "www."):
		return "http://" + u
	}
	return ""
}

// sameAddress reports whether a link's text is its address already, give
// or take the scheme, a trailing slash and case ("www.IJM.org/IFLOCAL"
// and "http://www.IJM.org/IFLOCAL"), so that it need not be written
// twice.
func sameAddress(text, url string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"https://", "http://", "mailto:"} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(text) == norm(url)
}

// plainText is a block as plain text: links as "text (address)" where the
// address is not the text; line breaks as \n.
func (b gBlock) plainText() string {
	var s strings.Builder
	for _, sp := range b.Spans {
		switch {
		case sp.Break:
			s.WriteString("\n")
		case sp.URL != "" && !sameAddress(sp.Text, sp.URL):
			s.WriteString(sp.Text + " (" + sp.URL + ")")
		default:
			s.WriteString(sp.Text)
		}
	}
	return strings.TrimSpace(s.String())
}

// spanMarks is how a format writes the spans of a block: its line break,
// its escaping of text, its links, and the marks around strong and
// emphasised text.
type spanMarks struct {
	brk        string
	text       func(string) string
	link       func(text, url string) string
	strong, em [2]string
}

// render writes a block's spans with m. Marks go around a span's text
// without the spaces at its ends, which Markdown needs: "** x**" is not
// strong.
func (b gBlock) render(m spanMarks) string {
	var s strings.Builder
	for _, sp := range b.Spans {
		if sp.Break {
			s.WriteString(m.brk)
			continue
		}
		core := strings.TrimSpace(sp.Text)
		if core == "" {
			s.WriteString(sp.Text)
			continue
		}
		lead := sp.Text[:strings.Index(sp.Text, core)]
		trail := sp.Text[len(lead)+len(core):]
		core = m.text(core)
		if sp.URL != "" {
			core = m.link(core, sp.URL)
		}
		switch {
		case sp.Strong:
			core = m.strong[0] + core + m.strong[1]
		case sp.Em:
			core = m.em[0] + core + m.em[1]
		}
		s.WriteString(lead + core + trail)
	}
	return strings.TrimSpace(s.String())
}

// markdown is a block's text as Markdown: the text escaped, emphasis and
// links written by vigil.
func (b gBlock) markdown() string {
	return mdStart(b.render(spanMarks{
		brk:    "  \n",
		text:   mdInline,
		link:   func(t, u string) string { return "[" + t + "](" + mdURL(u) + ")" },
		strong: [2]string{"**", "**"}, em: [2]string{"*", "*"},
	}))
}

// mdURL writes an address for a Markdown link: brackets keep spaces and
// parentheses from ending it.
func mdURL(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

// html is a block's text as HTML, escaped, with links as <a>.
func (b gBlock) html() string {
	return b.render(spanMarks{
		brk:    "<br>\n",
		text:   html.EscapeString,
		link:   func(t, u string) string { return `<a href="` + html.EscapeString(u) + `">` + t + `</a>` },
		strong: [2]string{"<strong>", "</strong>"}, em: [2]string{"<em>", "</em>"},
	})
}

// guideHTML writes a guide's Markdown as HTML: paragraphs, and lists
// nested as the guide has them.
func guideHTML(src string) string {
	var s strings.Builder
	type open struct {
		tag   string
		depth int
	}
	var stack []open
	closeTo := func(depth int) {
		for len(stack) > 0 && stack[len(stack)-1].depth >= depth {
			s.WriteString("</li>\n</" + stack[len(stack)-1].tag + ">\n")
			stack = stack[:len(stack)-1]
		}
	}
	for _, b := range guideBlocks(src) {
		switch {
		case b.Mark == "":
			closeTo(0)
			s.WriteString("<p>" + b.html() + "</p>\n")
		case b.Mark == markCont:
			closeTo(b.Depth + 1)
			s.WriteString("\n<p>" + b.html() + "</p>\n") // a further paragraph of the item
		default:
			tag := "ul"
			if b.Mark != "- " {
				tag = "ol"
			}
			closeTo(b.Depth + 1)
			if n := len(stack); n > 0 && stack[n-1].depth == b.Depth {
				if stack[n-1].tag == tag {
					s.WriteString("</li>\n")
				} else {
					closeTo(b.Depth)
				}
			}
			if n := len(stack); n == 0 || stack[n-1].depth < b.Depth {
				if tag == "ol" && b.Mark != "1. " {
					s.WriteString(`<ol start="` + strings.TrimSuffix(b.Mark, ". ") + `">` + "\n")
				} else {
					s.WriteString("<" + tag + ">\n")
				}
				stack = append(stack, open{tag, b.Depth})
			}
			s.WriteString("<li>" + b.html())
		}
	}
	closeTo(0)
	return s.String()
}

// addressPart is a piece of a help resource's field: text, or a web
// address written out.
type addressPart struct{ text, url string }

// addressParts finds the web addresses written out in s
// ("https://www.ijm.org (Philippines: https://ijm.org.ph)"), so that
// formats with links can make them links.
func addressParts(s string) []addressPart {
	var out []addressPart
	for s != "" {
		i := strings.Index(strings.ToLower(s), "http")
		if i < 0 {
			break
		}
		end := strings.IndexAny(s[i:], " \t\n")
		if end < 0 {
			end = len(s) - i
		}
		u := strings.TrimRight(s[i:i+end], ".,;:!?)]")
		if safeURL(u) == "" || !strings.Contains(strings.ToLower(u), "://") {
			out = append(out, addressPart{text: s[:i+4]})
			s = s[i+4:]
			continue
		}
		if i > 0 {
			out = append(out, addressPart{text: s[:i]})
		}
		out = append(out, addressPart{text: u, url: u})
		s = s[i+len(u):]
	}
	if s != "" {
		out = append(out, addressPart{text: s})
	}
	return out
}
