package guides

import (
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// itemMark is the start of a list item as glamour draws it, after the
// item's indent: a bullet, or a number and a dot.
var itemMark = regexp.MustCompile(`^(• |\d+\. )`)

// hangListItems re-wraps every list item glamour wrapped so that its
// later lines hang under its text, not under its bullet: glamour v2 starts
// them at the bullet's column ("1. Text IFISTAND to 52886 and receive" /
// "to help end the trafficking"), which reads as a new paragraph on a
// projector. An item's lines are the item line and the lines after it with
// the same indent that start no item; the item's text is wrapped again to
// width with the bullet's width more indent, and its styles are kept.
func hangListItems(out string, width int) string {
	lines := strings.Split(out, "\n")
	res := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		indent, mark, ok := listItem(lines[i])
		if !ok {
			res = append(res, lines[i])
			i++
			continue
		}
		cells := len(indent) + ansi.StringWidth(mark) // "•" is three bytes, one cell
		parts := []string{ansi.TruncateLeft(lines[i], cells, "")}
		j := i + 1
		for ; j < len(lines); j++ {
			plain := ansi.Strip(lines[j])
			if strings.TrimSpace(plain) == "" || indentOf(plain) != len(indent) {
				break
			}
			if _, _, item := listItem(lines[j]); item {
				break
			}
			parts = append(parts, ansi.TruncateLeft(lines[j], len(indent), ""))
		}
		if j == i+1 { // one line: nothing to hang
			res = append(res, lines[i])
			i++
			continue
		}
		text := lipgloss.Wrap(strings.Join(parts, " "), max(10, width-cells), "")
		hang := strings.Repeat(" ", cells)
		for k, l := range strings.Split(text, "\n") {
			if k == 0 {
				res = append(res, ansi.Truncate(lines[i], cells, "")+l)
			} else {
				res = append(res, hang+l)
			}
		}
		i = j
	}
	return strings.Join(res, "\n")
}

// listItem reports whether a rendered line starts a list item, with its
// indent and mark ("• " or "12. ").
func listItem(line string) (indent, mark string, ok bool) {
	plain := ansi.Strip(line)
	n := indentOf(plain)
	m := itemMark.FindString(plain[n:])
	return plain[:n], m, m != ""
}

// indentOf is the number of spaces s starts with.
func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
