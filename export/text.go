package export

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"vigil/session"
)

// textWidth is the widest line of the plain-text export: what an email
// reader shows without wrapping it again.
const textWidth = 72

// textEncoder writes plain text for an email, every line at most 72
// columns wide and no Markdown syntax: the session's heading underlined
// with a double rule, each part's with a single one, sections as a title
// with their text indented below it.
type textEncoder struct{ n int }

// begin opens a redacted export with session.RedactionNotice.
func (e *textEncoder) begin(o *out, _ *session.Captured, _ int, v session.View) {
	if v == session.Redacted {
		textWrap(o, session.RedactionNotice, "", "")
		o.line()
	}
}

func (e *textEncoder) session(o *out, d *session.Captured) {
	if e.n > 0 {
		o.line()
		o.line()
	}
	e.n++
	textTitle(o, d.Heading, "═")
	o.line()
	width := 0
	for _, f := range d.Facts {
		width = max(width, ansi.StringWidth(f.Label)+2)
	}
	for _, f := range d.Facts {
		label := f.Label + ":" + strings.Repeat(" ", width-ansi.StringWidth(f.Label)-1)
		textWrap(o, f.Value, label, strings.Repeat(" ", width))
	}
	for _, p := range d.Parts {
		o.line()
		textTitle(o, p.Title, "─")
		if p.Time != "" {
			textWrap(o, p.Time, "", "")
		}
		for _, s := range p.Sections {
			o.line()
			textWrap(o, s.Title, "", "")
			for i, en := range s.Entries {
				if i > 0 {
					o.line()
				}
				if en.Label != "" {
					textWrap(o, en.Label, "  ", "  ")
				}
				textWrap(o, en.Text, "    ", "    ")
			}
			if len(s.Entries) > 0 && len(s.Items) > 0 {
				o.line()
			}
			for _, it := range s.Items {
				mark := "  • "
				if s.Checks {
					mark = "  [ ] "
					if it.Done {
						mark = "  [x] "
					}
				}
				text := it.Text
				if it.Detail != "" {
					text += " — " + it.Detail
				}
				textWrap(o, text, mark, strings.Repeat(" ", len(mark)))
			}
		}
	}
}

func (e *textEncoder) end(*out) {}

// textTitle writes a title, wrapped, underlined with rule as wide as its
// widest line.
func textTitle(o *out, title, rule string) {
	lines := wrapLines(title, textWidth)
	width := 0
	for _, l := range lines {
		o.line(l)
		width = max(width, ansi.StringWidth(l))
	}
	o.line(strings.Repeat(rule, width))
}

// textWrap writes text wrapped to textWidth: the first line after first,
// every other after rest. Paragraphs stay apart by a blank line.
func textWrap(o *out, text, first, rest string) {
	prefix := first
	for pi, para := range paragraphs(text) {
		if pi > 0 {
			o.line()
		}
		for _, l := range para {
			for _, w := range wrapLines(l, textWidth-ansi.StringWidth(prefix)) {
				o.line(prefix, w)
				prefix = rest
			}
		}
	}
}

// wrapLines breaks one line of text into lines at most width columns wide,
// at spaces; a word wider than that is cut.
func wrapLines(s string, width int) []string {
	width = max(width, 10)
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, word := range strings.Fields(s) {
		w := ansi.StringWidth(word)
		if curW > 0 && curW+1+w <= width {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += 1 + w
			continue
		}
		if curW > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if w > width {
			pieces := strings.Split(ansi.Hardwrap(word, width, false), "\n")
			lines = append(lines, pieces[:len(pieces)-1]...)
			word = pieces[len(pieces)-1]
			w = ansi.StringWidth(word)
		}
		cur.WriteString(word)
		curW = w
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
