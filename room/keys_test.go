package room

import (
	"slices"
	"strings"
	"testing"
)

func TestKeyDecoder(t *testing.T) {
	var d keyDecoder
	var got []keyPress
	for _, chunk := range []string{
		"a\x1b[31mb", // a colour typed in is dropped
		"\x1b[", "A", // an arrow split across reads
		"\r\n",         // one enter
		"\xc3", "\xa9", // é split across reads
		"\x1b]0;x\x07c", // an OSC string is skipped
		"\x1b[5~\x1b[6~\x7f\x03",
		"\x1b", // esc alone
	} {
		got = d.decode([]byte(chunk), got)
	}
	want := []keyPress{
		{keyRune, 'a'}, {keyRune, 'b'}, {kind: keyUp}, {kind: keyEnter}, {keyRune, 'é'}, {keyRune, 'c'},
		{kind: keyPgUp}, {kind: keyPgDown}, {kind: keyBackspace}, {kind: keyCtrlC}, {kind: keyEsc},
	}
	if !slices.Equal(got, want) {
		t.Errorf("decoded %v; want %v", got, want)
	}
}

// TestPlainLineDropsSequencesAndControls: the line-by-line room takes its
// keys from the same decoder, so an OSC string is dropped whole, and a
// bidirectional override or a C1 code is neither kept nor echoed; ctrl+d
// leaves.
func TestPlainLineDropsSequencesAndControls(t *testing.T) {
	var d keyDecoder
	var l plainLine
	var echo strings.Builder
	var lines []string
	leave := false
	for _, chunk := range []string{"ab\x1b]0;title\x07c", "\u202ed\u009be\r\n", "x\x7fy\r", "z\x04"} {
		got, left := l.feed(d.decode([]byte(chunk), nil), func(s string) { echo.WriteString(s) })
		lines, leave = append(lines, got...), left
	}
	if want := []string{"abcde", "y"}; !slices.Equal(lines, want) || !leave {
		t.Errorf("lines %q, leave %v; want %q and leave", lines, leave, want)
	}
	if got, want := echo.String(), "abcde\nx\b \by\nz"; got != want {
		t.Errorf("echoed %q, want %q", got, want)
	}
}
