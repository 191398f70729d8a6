package guides

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// hangListItems re-wraps every list item glamour wrapped so that its
// later lines hang under its text, not under its bullet: glamour v2 starts
// them at the bullet's column ("1. Text IFISTAND to 52886 and receive" /
// "to help end the trafficking"), which reads as a new paragraph on a
// projector. A line starts an item when its bullet or number carries
// itemJoiner (see markItems); the item's lines are that line and the lines
// after it with the same indent that start no item. Its text is wrapped
// again to width less the indent and the mark, and its styles, links
// included, are kept.
func hangListItems(out string, width int) string {
	if !strings.ContainsRune(out, itemJoiner) {
		return out
	}
	lines := strings.Split(out, "\n")
	res := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		indent, cells, ok := listItem(lines[i])
		if !ok {
			res = append(res, lines[i])
			i++
			continue
		}
		head, first := splitAtColumn(lines[i], cells)
		parts := []string{first}
		j := i + 1
		for ; j < len(lines); j++ {
			plain := ansi.Strip(lines[j])
			if strings.TrimSpace(plain) == "" || indentOf(plain) != indent {
				break
			}
			if _, _, item := listItem(lines[j]); item {
				break
			}
			_, rest := splitAtColumn(lines[j], indent)
			parts = append(parts, rest)
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
				l = head + l
			} else {
				l = hang + l
			}
			res = append(res, trimPadding(l))
		}
		i = j
	}
	return strings.Join(res, "\n")
}

// listItem reports whether a rendered line starts a list item, with the
// columns of its indent, and of its indent and mark ("•⁠ " or "12.⁠ ")
// together.
func listItem(line string) (indent, cells int, ok bool) {
	plain := ansi.Strip(line)
	indent = indentOf(plain)
	mark, _, found := strings.Cut(plain[indent:], string(itemJoiner)+" ")
	if !found || mark == "" || strings.Contains(mark, " ") {
		return indent, 0, false
	}
	return indent, indent + ansi.StringWidth(mark) + 1, true
}

// splitAtColumn splits a rendered line after its first n columns, escape
// sequences and all: the head keeps every sequence before the split and
// the rest every one after it, so that nothing from the rest (a link's
// start) is copied into the head.
func splitAtColumn(line string, n int) (head, rest string) {
	var state byte
	col := 0
	for i := 0; i < len(line); {
		if col >= n {
			return line[:i], line[i:]
		}
		_, width, size, next := ansi.DecodeSequence(line[i:], state, nil)
		if size <= 0 {
			break
		}
		col += width
		state = next
		i += size
	}
	return line, ""
}

// indentOf is the number of spaces s starts with.
func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
