package session

import "strings"

// Strip is Clean for text that is kept rather than shown (an import, a
// guide): line ends become \n and tabs stay, and every other control
// character, C1 code and bidirectional control is dropped.
func Strip(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n', r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unsafeRune(r):
			return -1
		}
		return r
	}, s)
}

// HasControls reports whether s holds a control character (tab and
// newline included), a C1 code or a bidirectional control: what a key or
// an ID never holds.
func HasControls(s string) bool { return strings.ContainsFunc(s, unsafeRune) }
