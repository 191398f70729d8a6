package export

import (
	"strings"
	"unicode"

	"vigil/session"
)

// mdEncoder writes Markdown that reads as plain text too: a level-1
// heading per session, level 2 per part, level 3 per section; the
// session's particulars as a list; prompts, leader's notes and prompts
// the group passed in italics;
// prayer requests as task lists. Text people typed is escaped, so that it
// is shown as typed and never makes a heading, a link or HTML.
type mdEncoder struct{ n int }

// begin opens a redacted export with session.RedactionNotice, as a quote.
func (e *mdEncoder) begin(o *out, _ *session.Captured, _ int, v session.View) {
	if v == session.Redacted {
		o.line("> ", mdInline(session.RedactionNotice))
		o.line()
	}
}

func (e *mdEncoder) session(o *out, d *session.Captured) {
	if e.n > 0 {
		o.line()
	}
	e.n++
	o.line("# ", mdHeading(d.Heading))
	o.line()
	if d.ContentNote != "" {
		mdGuide(o, d.ContentNote, "**Content note:** ")
		o.line()
	}
	for _, f := range d.Facts {
		o.line("- **", f.Label, ":** ", mdInline(f.Value))
	}
	for _, p := range d.Parts {
		o.line()
		o.line("## ", mdHeading(p.Title))
		if p.Time != "" {
			o.line()
			o.line("*", mdInline(p.Time), "*")
		}
		for _, s := range p.Sections {
			o.line()
			o.line("### ", mdHeading(s.Title))
			for _, en := range s.Entries {
				o.line()
				if en.Label != "" {
					o.line("*", mdInline(en.Label), "*")
					o.line()
				}
				if en.Passed {
					// Said by vigil, not typed: in italics like the labels.
					o.line("*", mdInline(en.Text), "*")
					continue
				}
				mdParagraphs(o, en.Text, "")
			}
			if len(s.Items) > 0 {
				o.line()
			}
			for _, it := range s.Items {
				mark := "- "
				if s.Checks {
					mark = "- [ ] "
					if it.Done {
						mark = "- [x] "
					}
				}
				o.str(mark)
				mdParagraphs(o, itemText(it), "  ")
			}
		}
	}
	if len(d.NextSteps) > 0 {
		o.line()
		o.line("## ", mdHeading(session.TitleGuideNext))
		for _, st := range d.NextSteps {
			o.line()
			if st.Title != "" {
				o.line("### ", mdHeading(st.Title))
				o.line()
			}
			mdGuide(o, st.Body, "")
		}
	}
	o.line()
	o.line("## ", mdHeading(session.TitleHelp))
	o.line()
	mdHelp(o, d.Help)
	if d.NextMeeting != "" {
		o.line()
		o.line("## ", mdHeading(session.TitleNextMeeting))
		o.line()
		o.line(mdLine(d.NextMeeting))
	}
}

// mdGuide writes the guide's Markdown again, as vigil writes Markdown:
// its text escaped, its emphasis, lists and links rebuilt, so that
// nothing else of the file (raw HTML, images) passes through. first
// starts the first paragraph.
func mdGuide(o *out, src, first string) {
	eachGuideBlock(o, src, first, func(b gBlock, lead, rest string) {
		for j, l := range strings.Split(b.markdown(), "\n") {
			if j == 0 {
				o.line(lead, l)
			} else {
				o.line(rest, l)
			}
		}
	})
}

// mdHelp writes the help resources as session.HelpOf lays them out, web
// addresses as links.
func mdHelp(o *out, h session.Help) {
	for i, l := range h.Lines {
		if i > 0 {
			o.str("  \n")
		}
		o.str(mdLine(l))
	}
	o.line()
	if h.None != "" {
		o.line()
		o.line(mdLine(h.None))
	}
	for _, g := range h.Groups {
		o.line()
		o.line("### ", mdHeading(g.Need))
		o.line()
		for _, it := range g.Items {
			lines := []string{"**" + mdInline(it.Name) + "**"}
			for _, f := range it.Fields {
				lines = append(lines, mdInline(f.Label)+": "+mdAddresses(f.Value))
			}
			if it.For != "" {
				lines = append(lines, "For "+mdInline(it.For))
			}
			o.line("- ", strings.Join(lines, "  \n  "))
		}
	}
	if h.Checked != "" {
		o.line()
		o.line("*", mdInline(h.Checked), "*")
	}
}

// mdAddresses escapes text, with each web address in it as a link.
func mdAddresses(s string) string {
	var b strings.Builder
	for _, p := range addressParts(s) {
		if p.url != "" {
			b.WriteString("<" + p.url + ">")
		} else {
			b.WriteString(mdInline(p.text))
		}
	}
	return b.String()
}

func (e *mdEncoder) end(*out) {}

// mdParagraphs writes text as paragraphs; the lines of a paragraph end in a
// hard break (two spaces), so they stay lines. Every line but the first
// gets indent (to stay inside a list item).
func mdParagraphs(o *out, text, indent string) {
	for pi, para := range paragraphs(text) {
		if pi > 0 {
			o.line()
			o.str(indent)
		}
		for li, l := range para {
			if li > 0 {
				o.str("  \n", indent)
			}
			o.str(mdLine(l))
		}
		o.line()
	}
}

// mdHeading escapes a heading: like any line, and "#" anywhere, so that
// none can close the heading early.
func mdHeading(s string) string {
	return strings.ReplaceAll(mdLine(s), "#", `\#`)
}

// mdLine escapes one line that starts a block: what mdInline escapes, and
// whatever at the start would make a heading, quote, list or rule.
func mdLine(s string) string { return mdStart(mdInline(s)) }

// mdStart escapes what at the start of a line, already escaped inline,
// would make a heading, quote, list or rule.
func mdStart(s string) string {
	switch {
	case s == "":
		return s
	case strings.ContainsRune("#>-+=", rune(s[0])):
		return `\` + s
	}
	// "1. " or "1) " would start an ordered list.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// mdInline backslash-escapes the characters that start emphasis, code,
// links, HTML, entities, tables and strike-through. An underscore inside a
// word (snake_case) cannot start emphasis and is left as it is.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<>|~&") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '_':
			if i == 0 || i == len(rs)-1 || !isWordRune(rs[i-1]) || !isWordRune(rs[i+1]) {
				b.WriteByte('\\')
			}
		case '&':
			if i+1 < len(rs) && (rs[i+1] == '#' || unicode.IsLetter(rs[i+1])) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
