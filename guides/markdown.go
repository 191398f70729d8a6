package guides

import "strings"

// The line-level Markdown that the guide format needs: ATX headings, code
// fences, the part comment and bullet items. Each looks at one line and does
// no backtracking, so reading a guide is linear in its size.

// leadingSpaces returns the number of spaces a line starts with, up to 4.
// Markdown treats 4 or more as an indented code block.
func leadingSpaces(line string) int {
	i := 0
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	return i
}

// heading reads an ATX heading ("## Title ##") and returns its level and
// text.
func heading(line string) (level int, text string, ok bool) {
	i := leadingSpaces(line)
	if i > 3 {
		return 0, "", false
	}
	j := i
	for j < len(line) && line[j] == '#' {
		j++
	}
	level = j - i
	if level == 0 || level > 6 || j < len(line) && line[j] != ' ' && line[j] != '\t' {
		return 0, "", false
	}
	text = strings.TrimSpace(line[j:])
	// An optional closing run of #, after a space, is not part of the text.
	if t := strings.TrimRight(text, "#"); len(t) < len(text) && (t == "" || t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		text = strings.TrimSpace(t)
	}
	return level, text, true
}

// fence is an open fenced code block: its character and length.
type fence struct {
	char byte // 0 when no block is open
	n    int
	line int // where it opened
}

// openFence reads a line that opens a fenced code block (``` or ~~~).
func openFence(line string, ln int) (fence, bool) {
	i := leadingSpaces(line)
	if i > 3 || i >= len(line) || line[i] != '`' && line[i] != '~' {
		return fence{}, false
	}
	c := line[i]
	j := i
	for j < len(line) && line[j] == c {
		j++
	}
	if j-i < 3 || c == '`' && strings.IndexByte(line[j:], '`') >= 0 {
		return fence{}, false
	}
	return fence{char: c, n: j - i, line: ln}, true
}

// closes reports whether a line closes the open block f.
func (f fence) closes(line string) bool {
	i := leadingSpaces(line)
	if i > 3 {
		return false
	}
	j := i
	for j < len(line) && line[j] == f.char {
		j++
	}
	return j-i >= f.n && strings.TrimSpace(line[j:]) == ""
}

// comment returns the text inside a one-line HTML comment.
func comment(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if len(t) < 7 || !strings.HasPrefix(t, "<!--") || !strings.HasSuffix(t, "-->") {
		return "", false
	}
	return strings.TrimSpace(t[4 : len(t)-3]), true
}

// partComment reads the "<!-- part: faq -->" line that gives a part its
// kind.
func partComment(line string) (string, bool) {
	c, ok := comment(line)
	if !ok {
		return "", false
	}
	kind, ok := strings.CutPrefix(c, "part:")
	if !ok {
		return "", false
	}
	return strings.ToLower(strings.TrimSpace(kind)), true
}

// bullet reads a bullet list item ("- text" or "* text").
func bullet(line string) (string, bool) {
	i := leadingSpaces(line)
	if i > 3 || i >= len(line) || line[i] != '-' && line[i] != '*' {
		return "", false
	}
	rest := line[i+1:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// isFrontMatterFence reports whether a line is the --- that opens or closes
// the front matter.
func isFrontMatterFence(line string) bool { return strings.TrimRight(line, " \t") == "---" }

// isBlank reports whether a line holds only white space.
func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// joinTrimmed joins lines into Markdown without the blank lines at either
// end and without trailing white space.
func joinTrimmed(lines []string) string {
	start, end := 0, len(lines)
	for start < end && isBlank(lines[start]) {
		start++
	}
	for end > start && isBlank(lines[end-1]) {
		end--
	}
	return strings.TrimRight(strings.Join(lines[start:end], "\n"), " \t")
}
