package guides

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// controlNames names the characters a guide may not hold that people meet
// most, for problems; the rest are "a control character".
var controlNames = map[rune]string{
	0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab",
	0x0C: "form feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete",
	0x85: "next line", 0x9B: "control sequence introducer",
	0x9C: "string terminator", 0x9D: "operating system command",
	0x90:   "device control string",
	0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
	0x202C: "pop directional formatting", 0x202D: "left-to-right override",
	0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
	0x2067: "right-to-left isolate", 0x2068: "first strong isolate",
	0x2069: "pop directional isolate",
}

// IsControl reports whether r must never reach a terminal or an export
// as it is: a C0 control (tab and line feed included: each caller decides
// what to keep of those), DEL, a C1 control, or a bidirectional embedding,
// override or isolate, which can make text read differently from what it
// holds. Any of the others can drive a terminal (ESC starts a sequence
// that can clear the screen, set the window title or write the
// clipboard). It is the one definition of such a character: guides
// refuses them, and session's sanitiser (Clean, OneLine, Strip) drops
// them.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// forbidden reports whether r may not appear in a guide: every IsControl
// character but tab (line feeds end the lines it is given; a carriage
// return only as part of a CR LF line end, which parse strips first).
func forbidden(r rune) bool { return r != '\t' && IsControl(r) }

// controlName is "U+001B (escape)".
func controlName(r rune) string {
	name, ok := controlNames[r]
	if !ok {
		name = "a control character"
	}
	return fmt.Sprintf("U+%04X (%s)", r, name)
}

// checkControls adds a problem for each forbidden character in lines (the
// file's lines, CR LF ends already stripped), one per character and line.
// It reports whether it found any.
func checkControls(lines []string, pl *problemList) bool {
	found := false
	for i, l := range lines {
		var seen []rune
		for _, r := range l {
			if !forbidden(r) || containsRune(seen, r) {
				continue
			}
			seen = append(seen, r)
			found = true
			pl.add(i+1, "%s is not allowed in a guide; remove it.", controlName(r))
		}
		// A character reference becomes its character when the Markdown
		// is read (by glamour on screen, by the exports), past the check
		// above: "&#x1b;" is an escape as surely as the byte is.
		for _, ref := range charRef.FindAllString(l, -1) {
			for _, r := range html.UnescapeString(ref) {
				if forbidden(r) {
					found = true
					pl.add(i+1, "%s stands for %s, which is not allowed in a guide; remove it.", ref, controlName(r))
					break
				}
			}
		}
	}
	return found
}

// charRef is an HTML character reference, as Markdown reads them: by
// number (&#27; &#x1b;) or by name (&NewLine;).
var charRef = regexp.MustCompile(`&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});`)

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// escapeControls writes every forbidden character of s as a Go escape
// (\x1b, \u202e), so that a file name or message holding one prints as
// text and cannot drive the terminal it is printed on.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, forbidden) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case forbidden(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case forbidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
