package plain

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"vigil/session"
)

// md parses a guide's Markdown as CommonMark, with strikethrough and bare
// web addresses (so that the marks inside an address are not read as
// emphasis).
var md = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify))

// markdown turns a guide's Markdown into plain text for plain mode:
// headings as their text, emphasis without its marks, a bullet as "- ", a
// numbered item keeps its number, a link as "text (address)" when the
// address is not the text already. The lines of a paragraph or a list item
// are joined into one, as a screen reader reads best; nothing is wrapped.
// Blocks are separated by an empty line; the items of a list are not.
func markdown(src string) string {
	source := []byte(src)
	w := &mdWriter{src: source}
	w.blocks(md.Parser().Parse(text.NewReader(source)), "")
	return strings.TrimRight(strings.Join(w.lines, "\n"), "\n")
}

// inline is one line of Markdown (a prompt) as plain text on one line.
func inline(src string) string {
	return session.OneLine(markdown(src))
}

// mdWriter collects the plain lines of a Markdown document.
type mdWriter struct {
	src   []byte
	lines []string
}

// blocks writes the block children of n, each line after the first of a
// block indented by indent, with an empty line between blocks, but none
// between two lists in a row or between the items of a list.
func (w *mdWriter) blocks(n ast.Node, indent string) {
	var prev ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.HTMLBlock); ok {
			continue // comments such as <!-- part: faq --> are for the parser
		}
		if prev != nil && !(isList(prev) && isList(c)) {
			w.gap()
		}
		w.block(c, indent)
		prev = c
	}
}

func isList(n ast.Node) bool { _, ok := n.(*ast.List); return ok }

// gap ends a block with one empty line.
func (w *mdWriter) gap() {
	if len(w.lines) > 0 && w.lines[len(w.lines)-1] != "" {
		w.lines = append(w.lines, "")
	}
}

func (w *mdWriter) block(n ast.Node, indent string) {
	switch n := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		for _, l := range strings.Split(w.inlines(n), "\n") {
			w.lines = append(w.lines, indent+strings.TrimSpace(l))
		}
	case *ast.ThematicBreak:
		// An empty line is break enough.
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		seg := n.Lines()
		for i := 0; i < seg.Len(); i++ {
			at := seg.At(i)
			w.lines = append(w.lines, indent+strings.TrimRight(string(at.Value(w.src)), " \t\r\n"))
		}
	case *ast.List:
		num := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			mark := "- "
			if n.IsOrdered() {
				mark = strconv.Itoa(num) + string(n.Marker) + " "
				num++
			}
			at := len(w.lines)
			sub := indent + strings.Repeat(" ", len(mark))
			first := true
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if !first && !isList(c) {
					w.gap()
				}
				if isList(c) {
					w.block(c, indent+"  ")
				} else {
					w.block(c, sub)
				}
				first = false
			}
			if at == len(w.lines) {
				w.lines = append(w.lines, sub) // an empty item
			}
			w.lines[at] = indent + mark + strings.TrimLeft(w.lines[at], " ")
		}
	default:
		// A block quote, or anything else that holds blocks: its text.
		w.blocks(n, indent)
	}
}

// inlines is the text of a block's inline children: soft line breaks
// become spaces, hard ones new lines.
func (w *mdWriter) inlines(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(&b, c)
	}
	return b.String()
}

func (w *mdWriter) inline(b *strings.Builder, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(unescape(n.Segment.Value(w.src)))
		switch {
		case n.HardLineBreak():
			b.WriteString("\n")
		case n.SoftLineBreak():
			b.WriteString(" ")
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.CodeSpan:
		// Code is shown as it is written: no escapes, no marks.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(w.src))
			}
		}
	case *ast.AutoLink:
		b.Write(n.Label(w.src))
	case *ast.Link:
		w.link(b, n, string(n.Destination))
	case *ast.Image:
		w.link(b, n, string(n.Destination))
	case *ast.RawHTML:
		// Inline HTML is markup, not text.
	case *ast.Emphasis, *extast.Strikethrough:
		w.children(b, n)
	default:
		w.children(b, n)
	}
}

func (w *mdWriter) children(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(b, c)
	}
}

// link writes a link's text, and its address in brackets when that is not
// the text already.
func (w *mdWriter) link(b *strings.Builder, n ast.Node, dest string) {
	var t strings.Builder
	w.children(&t, n)
	label := t.String()
	b.WriteString(label)
	if dest != "" && dest != label {
		b.WriteString(" (" + dest + ")")
	}
}

// unescape resolves backslash escapes and character references, as a
// renderer of the text would.
func unescape(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// clean takes escape sequences (parsed as a terminal would, with x/ansi)
// and every other control character out of s, as session.Clean does for
// every sink: whatever a guide file or a note holds, plain mode prints no
// colour codes and no cursor moves. Line ends are kept when newlines is
// true, and dropped when not (a line typed).
func clean(s string, newlines bool) string {
	s = strings.ToValidUTF8(session.Clean(ansi.Strip(s)), "\uFFFD")
	if !newlines {
		s = strings.ReplaceAll(s, "\n", "")
	}
	return s
}
