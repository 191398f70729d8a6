package guides

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a guide file, at a line of that file.
type Problem struct {
	File string
	Line int // 1-based; 0 when the problem is about the whole file
	Msg  string
}

// Error returns the problem as "file:line: msg", or "file: msg" when it
// concerns the whole file, the form editors and compilers use. Control
// characters in the file name (or the message) are written as escapes
// (\x1b), so that printing a problem never drives the terminal.
func (p Problem) Error() string {
	file, msg := escapeControls(p.File), escapeControls(p.Msg)
	if p.Line <= 0 {
		return file + ": " + msg
	}
	return fmt.Sprintf("%s:%d: %s", file, p.Line, msg)
}

// Problems is every problem found in a guide file, sorted by line. It is the
// error Parse returns for an invalid guide.
type Problems []Problem

// Error returns one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// maxProblems is the most problems listed for one file. A file with more is
// not a guide with slips in it, and listing them all would only take time.
const maxProblems = 500

// problemList collects problems for one file while it is read.
type problemList struct {
	file    string
	list    Problems
	dropped int // problems found beyond maxProblems
}

func (pl *problemList) add(line int, format string, args ...any) {
	if pl.full() {
		pl.dropped++
		return
	}
	pl.list = append(pl.list, Problem{File: pl.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// full reports whether no more problems will be listed, so that costly
// hints need not be worked out.
func (pl *problemList) full() bool { return len(pl.list) >= maxProblems }

// sorted returns the problems in line order, keeping the order they were
// found in for problems on the same line; nil when there are none.
func (pl *problemList) sorted() Problems {
	if len(pl.list) == 0 {
		return nil
	}
	if pl.dropped > 0 {
		pl.list = append(pl.list, Problem{File: pl.file, Msg: fmt.Sprintf(
			"%d more problems are not listed; fix the ones below and check again.", pl.dropped)})
	}
	sort.SliceStable(pl.list, func(i, j int) bool { return pl.list[i].Line < pl.list[j].Line })
	return pl.list
}
