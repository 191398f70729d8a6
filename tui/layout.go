package tui

// Minimum terminal size. Below it vigil says so instead of drawing a broken
// screen.
const (
	minWidth  = 60
	minHeight = 20
)

// layout is the geometry of the session screen for one window size. It is
// pure arithmetic, so it is tested with a table.
type layout struct {
	width, height int
	text          int // width guide text is rendered at
	body          int // lines of the scrolling body
	noteLines     int // lines of text inside the note box
	noteWidth     int // width of text inside the note box
}

const (
	headerLines = 3 // title, progress, blank
	footerLines = 2 // status, help
	noteChrome  = 3 // label and the box's two borders
)

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// tooSmall reports whether a window cannot hold vigil's screens.
func tooSmall(w, h int) bool { return w < minWidth || h < minHeight }

func computeLayout(w, h int) layout {
	l := layout{width: w, height: h, text: textWidth(w)}
	l.noteLines = clamp((h-5)/4, 3, 8)
	l.noteWidth = w - 2 - 4 // app padding, box border and padding
	l.body = h - headerLines - footerLines - noteChrome - l.noteLines
	if l.body < 1 {
		l.body = 1
	}
	return l
}
