package session

import (
	"strings"

	"vigil/guides"
)

// The sanitiser: text from the database, a guide file, an import or a
// participant passes through one of these before it reaches a terminal or
// an export. Which characters go is guides.IsControl, the one definition
// that guide files are checked against too.

// Clean makes text safe to show anywhere: line ends become \n, tabs
// spaces, and every other control character (terminal escapes included)
// is dropped, with the marks that reorder text right to left behind
// the reader's back. The JSON export keeps the text exactly as stored.
func Clean(s string) string { return sanitise(s, ' ') }

// Strip is Clean for text that is kept rather than shown (an import, a
// guide): line ends become \n and tabs stay, and every other control
// character, C1 code and bidirectional control is dropped.
func Strip(s string) string { return sanitise(s, '\t') }

// OneLine cleans a title or name and joins its lines.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// HasControls reports whether s holds a control character (tab and
// newline included), a C1 code or a bidirectional control: what a key or
// an ID never holds.
func HasControls(s string) bool { return strings.ContainsFunc(s, guides.IsControl) }

// sanitise turns CR LF and CR into \n, a tab into tab, and drops every
// other guides.IsControl character.
func sanitise(s string, tab rune) string {
	if !HasControls(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r == '\t':
			return tab
		case guides.IsControl(r):
			return -1
		}
		return r
	}, s)
}
