package room

import (
	"slices"
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
