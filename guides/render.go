package guides

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// Styles are the glamour styles Render accepts: "dark" and "light" for a
// terminal of that background, "notty" for plain text without colour.
var Styles = []string{"dark", "light", "notty"}

// styleConfigs holds the glamour style for each name in Styles, built once:
// glamour's standard dark, light and notty styles with the Markdown marks
// ("# ", "## " …) taken off the headings, which read better without them.
// notty also loses the marks of bold and italic ("**For the leader**"):
// it is what a person reads on a screen without colour (NO_COLOR, a
// participant's plain terminal), not Markdown source.
//
// Every style also marks where a list item starts (see markItems), for
// hangListItems.
var styleConfigs = map[string]gansi.StyleConfig{
	"dark":  markItems(withoutHeadingMarks(styles.DarkStyleConfig)),
	"light": markItems(withoutHeadingMarks(styles.LightStyleConfig)),
	"notty": markItems(withoutEmphasisMarks(withoutHeadingMarks(styles.NoTTYStyleConfig))),
}

// itemJoiner (U+2060 WORD JOINER, zero columns wide) follows the bullet or
// the number's dot of every list item while glamour renders, so that
// hangListItems knows a line that starts an item from a wrapped line that
// happens to start with "2019. ". Render takes it out again.
const itemJoiner = '\u2060'

// markItems returns c with itemJoiner put before the space that ends the
// bullet ("•⁠ ") and the number's dot ("10.⁠ ").
func markItems(c gansi.StyleConfig) gansi.StyleConfig {
	for _, p := range []*string{&c.Item.BlockPrefix, &c.Enumeration.BlockPrefix} {
		if mark, ok := strings.CutSuffix(*p, " "); ok {
			*p = mark + string(itemJoiner) + " "
		}
	}
	return c
}

// withoutEmphasisMarks returns c with the text written before and after
// bold, italic and struck-through words taken away.
func withoutEmphasisMarks(c gansi.StyleConfig) gansi.StyleConfig {
	for _, p := range []*gansi.StylePrimitive{&c.Strong, &c.Emph, &c.Strikethrough} {
		p.BlockPrefix, p.BlockSuffix = "", ""
	}
	return c
}

// withoutHeadingMarks returns c with every heading prefix made only of "#"
// and spaces removed. Other prefixes (the dark style pads its top heading
// with a space on each side of its background) stay.
func withoutHeadingMarks(c gansi.StyleConfig) gansi.StyleConfig {
	for _, h := range []*gansi.StyleBlock{&c.H1, &c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		if strings.Contains(h.Prefix, "#") && strings.Trim(h.Prefix, "# ") == "" {
			h.Prefix = ""
		}
	}
	return c
}

// Renderer renders Markdown for the terminal at one width and style. It
// keeps its glamour renderer, so rendering many sections costs one setup. It
// is safe for use by several goroutines.
type Renderer struct {
	mu    sync.Mutex
	tr    *glamour.TermRenderer
	width int
}

// NewRenderer returns a Renderer for lines of at most width columns in the
// given style (see Styles). The style is chosen by the caller once, never
// by asking the terminal.
func NewRenderer(width int, style string) (*Renderer, error) {
	if !slices.Contains(Styles, style) {
		return nil, fmt.Errorf("unknown style %q; use dark, light or notty", style)
	}
	if width < 1 {
		return nil, fmt.Errorf("the width must be at least 1 column, not %d", width)
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(styleConfigs[style]),
		glamour.WithWordWrap(width),
	)
	if err != nil {
		return nil, fmt.Errorf("make the %s renderer: %w", style, err)
	}
	return &Renderer{tr: tr, width: width}, nil
}

// Render renders md. Lines carry no trailing padding, there are no blank
// lines before or after the text, and the lines of a list item hang under
// its text.
func (r *Renderer) Render(md string) (string, error) {
	// An author's own word joiner would read as the mark of a list item;
	// it is invisible, so it goes.
	md = strings.ReplaceAll(md, string(itemJoiner), "")
	md, protected := protectHyphens(md)
	r.mu.Lock()
	out, err := r.tr.Render(md)
	r.mu.Unlock()
	if err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	// List items are wrapped again while the hyphens are still protected,
	// so that the second wrap does not split words at them either.
	out = hangListItems(tidy(out), r.width)
	if protected {
		out = strings.ReplaceAll(out, string(nbHyphen), "-")
	}
	return strings.ReplaceAll(out, string(itemJoiner), ""), nil
}

// Render renders md once at the given width and style. To render many texts
// at one width, make a Renderer.
func Render(md string, width int, style string) (string, error) {
	r, err := NewRenderer(width, style)
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// tidy strips the spaces glamour pads every line with, and the blank lines
// at either end.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = trimPadding(l)
	}
	return joinTrimmed(lines)
}

// trimPadding removes the spaces at the end of a line. glamour pads with
// coloured spaces (ESC[38;5;252m ESC[0m, over and over), so the escape
// sequences among the trailing spaces go too; one reset takes the place of
// any colour sequence dropped. A hyperlink's sequences (OSC 8) among them
// stay: dropping the one that ends a link would leave the link open over
// the lines after it. A line with nothing visible becomes "". x/ansi's
// decoder tells escape sequences from what is drawn.
func trimPadding(l string) string {
	if !strings.Contains(l, "\x1b") {
		return strings.TrimRight(l, " ")
	}
	end := 0        // the index just past the last drawn character that is not a space
	var links []int // the start and end of each hyperlink sequence
	var state byte
	for i := 0; i < len(l); {
		seq, width, n, next := ansi.DecodeSequence(l[i:], state, nil)
		if n <= 0 {
			break
		}
		switch {
		case width > 0 && seq != " ":
			end = i + n
		case strings.HasPrefix(seq, "\x1b]8;"):
			links = append(links, i, i+n)
		}
		state = next
		i += n
	}
	if end == 0 {
		return ""
	}
	if !strings.Contains(l[end:], "\x1b") {
		return l[:end]
	}
	out, dropped := l[:end], l[end:]
	for k := 0; k < len(links); k += 2 {
		if links[k] >= end {
			seq := l[links[k]:links[k+1]]
			out += seq
			dropped = strings.Replace(dropped, seq, "", 1)
		}
	}
	if strings.Contains(dropped, "\x1b") {
		out += "\x1b[0m"
	}
	return out
}

// nbHyphen stands in for "-" inside words while glamour wraps the text.
//
// glamour wraps a paragraph with muesli/reflow, which may break a line after
// a hyphen but does not count the hyphen in the line's length. A line with
// hyphens in it can so come out a column or two too long, and glamour's
// second wrap of the whole document then moves the line's last word onto a
// line of its own ("abuse" then "of" alone at width 100 in the seed guide).
// The non-breaking hyphen is not a break point, so every line is counted
// right; it is turned back into "-" after rendering. Words are then never
// split at a hyphen, which reads better anyway.
const nbHyphen = '\u2011'

// protectHyphens replaces each run of "-" that touches a letter or digit
// with non-breaking hyphens, outside fenced code blocks (whose highlighting
// must see the real text). It reports whether it changed anything; a text
// that already holds a non-breaking hyphen is left alone, so that turning
// them back cannot change the author's text.
func protectHyphens(md string) (string, bool) {
	if !strings.Contains(md, "-") || strings.ContainsRune(md, nbHyphen) {
		return md, false
	}
	var b strings.Builder
	b.Grow(len(md) + len(md)/8)
	changed := false
	var open fence
	for i, line := range strings.SplitAfter(md, "\n") {
		switch {
		case open.char != 0:
			if open.closes(strings.TrimRight(line, "\r\n")) {
				open = fence{}
			}
		default:
			if f, ok := openFence(strings.TrimRight(line, "\r\n"), i); ok {
				open = f
			} else if strings.Contains(line, "-") {
				var c bool
				line, c = protectLine(line)
				changed = changed || c
			}
		}
		b.WriteString(line)
	}
	return b.String(), changed
}

// protectLine replaces the word-joining hyphens of one line.
func protectLine(line string) (string, bool) {
	rs := []rune(line)
	changed := false
	for i := 0; i < len(rs); {
		if rs[i] != '-' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == '-' {
			j++
		}
		if i > 0 && isWordRune(rs[i-1]) || j < len(rs) && isWordRune(rs[j]) {
			for k := i; k < j; k++ {
				rs[k] = nbHyphen
			}
			changed = true
		}
		i = j
	}
	if !changed {
		return line, false
	}
	return string(rs), true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
