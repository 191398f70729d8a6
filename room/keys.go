package room

import "unicode/utf8"

// keyKind is what a key press is, as far as the room cares.
type keyKind int

const (
	keyRune keyKind = iota + 1
	keyEnter
	keyBackspace
	keyEsc
	keyCtrlC
	keyCtrlD
	keyUp
	keyDown
	keyPgUp
	keyPgDown
	keyHome
	keyEnd
)

// keyPress is one key: a kind, and the rune for keyRune.
type keyPress struct {
	kind keyKind
	r    rune
}

// maxPendingKey is the most bytes of an unfinished escape sequence or rune
// kept for the next read; a longer one is dropped.
const maxPendingKey = 256

// keyDecoder turns what a participant's terminal sends into key presses:
// printable runes, enter, backspace, esc, ctrl+c, ctrl+d, the arrows, page
// up and down, home and end. Every other escape sequence (colours typed in,
// terminal replies, function keys) and control character is dropped, so
// nothing typed can act as a sequence on anyone's screen. It keeps an
// unfinished sequence or rune for the next read; an escape alone at the
// end of a read is the esc key.
type keyDecoder struct {
	pend  []byte
	cr    bool // the last byte was \r: a \n after it is the same enter
	inStr bool // inside an OSC, DCS, APC, PM or SOS string, until BEL or ST
}

func (d *keyDecoder) decode(chunk []byte, out []keyPress) []keyPress {
	b := chunk
	if len(d.pend) > 0 {
		b = append(d.pend, chunk...)
		d.pend = d.pend[:0]
	}
	for i := 0; i < len(b); {
		if d.inStr {
			switch {
			case b[i] == 0x07:
				d.inStr = false
				i++
			case b[i] == 0x1b && i+1 < len(b) && b[i+1] == '\\':
				d.inStr = false
				i += 2
			case b[i] == 0x1b && i+1 == len(b):
				d.keep(b[i:])
				return out
			default:
				i++
			}
			continue
		}
		c := b[i]
		afterCR := d.cr
		d.cr = c == '\r'
		switch {
		case c == 0x1b:
			n, k, done := escape(b[i:])
			if !done {
				d.keep(b[i:])
				return out
			}
			if n < 0 { // the start of a string: skip until its end
				d.inStr = true
				i += -n
				continue
			}
			if k != 0 {
				out = append(out, keyPress{kind: k})
			}
			i += n
		case c == '\r':
			out = append(out, keyPress{kind: keyEnter})
			i++
		case c == '\n':
			if !afterCR {
				out = append(out, keyPress{kind: keyEnter})
			}
			i++
		case c == 0x7f || c == 0x08:
			out = append(out, keyPress{kind: keyBackspace})
			i++
		case c == 0x03:
			out = append(out, keyPress{kind: keyCtrlC})
			i++
		case c == 0x04:
			out = append(out, keyPress{kind: keyCtrlD})
			i++
		case c < 0x20:
			i++
		case c < utf8.RuneSelf:
			out = append(out, keyPress{kind: keyRune, r: rune(c)})
			i++
		default:
			if !utf8.FullRune(b[i:]) {
				d.keep(b[i:])
				return out
			}
			r, n := utf8.DecodeRune(b[i:])
			if r != utf8.RuneError {
				out = append(out, keyPress{kind: keyRune, r: r})
			}
			i += n
		}
	}
	return out
}

func (d *keyDecoder) keep(b []byte) {
	if len(b) > maxPendingKey {
		d.pend = d.pend[:0]
		return
	}
	d.pend = append(d.pend[:0], b...)
}

// escape reads the escape sequence at the start of b (b[0] is ESC): how
// many bytes it takes and the key it is (0 for none). done is false when
// the sequence may go on in the next read. A negative n starts a string
// (OSC, DCS, APC, PM, SOS) of -n bytes so far, to be skipped to its end.
func escape(b []byte) (n int, k keyKind, done bool) {
	if len(b) == 1 {
		return 1, keyEsc, true // esc pressed alone
	}
	switch b[1] {
	case 0x1b:
		return 1, keyEsc, true
	case '[':
		// CSI: parameter bytes, intermediate bytes, a final byte.
		j := 2
		for j < len(b) && b[j] >= 0x20 && b[j] <= 0x3f {
			j++
		}
		if j == len(b) {
			return 0, 0, false
		}
		if b[j] < 0x40 || b[j] > 0x7e {
			return j, 0, true // broken: drop what came so far
		}
		return j + 1, csiKey(b[2:j], b[j]), true
	case 'O':
		if len(b) < 3 {
			return 0, 0, false
		}
		return 3, letterKey(b[2]), true
	case ']', 'P', '_', '^', 'X':
		return -2, 0, true
	}
	// alt and a key: nothing the room uses.
	_, size := utf8.DecodeRune(b[1:])
	if !utf8.FullRune(b[1:]) {
		return 0, 0, false
	}
	return 1 + size, 0, true
}

// csiKey is the key of a CSI sequence: "ESC [ 5 ~" is page up, and a
// letter is read as in an SS3 sequence ("ESC [ A", like "ESC O A", is up).
func csiKey(params []byte, final byte) keyKind {
	if final != '~' {
		return letterKey(final)
	}
	switch string(params) {
	case "5":
		return keyPgUp
	case "6":
		return keyPgDown
	case "1", "7":
		return keyHome
	case "4", "8":
		return keyEnd
	}
	return 0
}

// letterKey is the key a sequence's final letter names.
func letterKey(c byte) keyKind {
	switch c {
	case 'A':
		return keyUp
	case 'B':
		return keyDown
	case 'H':
		return keyHome
	case 'F':
		return keyEnd
	}
	return 0
}
