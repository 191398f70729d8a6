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
	if d.ContentNote != "" {
		o.line("Content note")
		textGuide(o, d.ContentNote)
		o.line()
	}
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
				textWrap(o, itemText(it), mark, strings.Repeat(" ", len(mark)))
			}
		}
	}
	if len(d.NextSteps) > 0 {
		o.line()
		textTitle(o, session.TitleGuideNext, "─")
		for _, st := range d.NextSteps {
			o.line()
			if st.Title != "" {
				textWrap(o, st.Title, "", "")
				o.line()
			}
			textGuide(o, st.Body)
		}
	}
	o.line()
	textTitle(o, session.TitleHelp, "─")
	textHelp(o, d.Help)
	if d.NextMeeting != "" {
		o.line()
		textTitle(o, session.TitleNextMeeting, "─")
		textWrap(o, d.NextMeeting, "", "")
	}
}

// textGuide writes the guide's Markdown as plain text: paragraphs apart,
// list items under each other, each link as "text (address)" where the
// address is not the text already.
func textGuide(o *out, src string) {
	eachGuideBlock(o, src, "", func(b gBlock, lead, rest string) {
		textWrap(o, b.plainText(), lead, rest)
	})
}

// textHelp writes the help resources as session.HelpOf lays them out.
func textHelp(o *out, h session.Help) {
	for _, l := range h.Lines {
		textWrap(o, l, "", "")
	}
	if h.None != "" {
		textWrap(o, h.None, "", "")
	}
	for _, g := range h.Groups {
		o.line()
		textWrap(o, g.Need, "", "")
		for _, it := range g.Items {
			textWrap(o, it.Name, "  • ", "    ")
			for _, f := range it.Fields {
				textWrap(o, f.Value, "    "+f.Label+": ", "      ")
			}
			if it.For != "" {
				textWrap(o, "For "+it.For, "    ", "    ")
			}
		}
	}
	if h.Checked != "" {
		o.line()
		textWrap(o, h.Checked, "", "")
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
