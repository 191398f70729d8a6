package export

import (
	"fmt"
	"strings"
	"unicode"

	"vigil/store"
)

// doc is one session as every format writes it. Every choice of what to
// show, in which order and in which words is made here, once, by buildDoc;
// the writers only add their syntax. So the formats cannot drift apart: a
// note left out (by --redact, say) is left out of all of them.
type doc struct {
	// Rec is the session as stored, already redacted when asked: the JSON
	// writer writes it whole.
	Rec     store.Record
	Heading string
	Facts   []fact
	Parts   []part
}

// fact is one line of a session's particulars: "Group: Thursday group".
type fact struct{ Label, Value string }

// part is one part of the guide (FAQ, reflection, prayer, next steps) with
// what the session captured in it.
type part struct {
	Kind     string
	Title    string
	Time     string // "Time spent: 18 min of 20 planned", or ""
	Sections []section
	fallback bool // not in the guide: made from the notes' keys
}

// section is one heading's worth: a section of the guide with its notes, a
// checklist of prayer requests, or a list of commitments.
type section struct {
	ID      string
	Title   string
	Entries []entry
	Items   []item
	Checks  bool // Items are a checklist: prayed or not
}

// entry is one note: the group's, a response to a prompt, or the leader's.
type entry struct {
	Label  string // the prompt answered, "Leader's note", or ""
	Leader bool
	Text   string
	order  int // the prompt number (0 for the section's own note), so responses follow their prompts
}

// item is one prayer request or commitment.
type item struct {
	Done   bool // checklists only: prayed in this session
	Text   string
	Detail string // who, and what became of it: "a participant · answered"
}

// fact labels and fixed titles, in one place for every format.
const (
	titleGuideRequests = "The guide's requests"
	titleGroupRequests = "The group's requests"
	titleCommitments   = "Commitments"
	labelLeader        = "Leader's note (private)"
)

// Page keys that are not sections of the guide (see tui/pages.go).
const (
	keyContentNote   = "content-note"
	keyGroupRequests = "prayer#group"
	keyCommitments   = "next#commitments"
	leaderSuffix     = "@leader"
	idGuideRequests  = "\x00guide-requests" // never a page key
)

// paragraphs splits cleaned text into paragraphs (at blank lines) of lines,
// each line trimmed. Every writer lays text out from this.
func paragraphs(text string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// clean makes text safe to show anywhere: line ends become \n, tabs
// spaces, and every other control character (terminal escapes included)
// is dropped, with the marks that reorder text right to left behind
// the reader's back. The JSON export keeps the text exactly as stored.
func clean(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r == '\t':
			return ' '
		case unsafeRune(r):
			return -1
		}
		return r
	}, s)
}

// unsafeRune reports a control character or a bidirectional embedding,
// override or isolate.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// oneLine cleans a title or name and joins its lines.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// duration says a number of seconds as people do: "45 s", "18 min",
// "1 h 5 min".
func duration(seconds int64) string {
	if seconds < 60 {
		return fmt.Sprintf("%d s", seconds)
	}
	m := (seconds + 30) / 60
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// splitKey reads a note key: the section ID or screen key it belongs to,
// the prompt number for a response ("reflection/clarity#2"), and whether it
// is a leader's key.
func splitKey(key string) (section string, prompt int, leader bool) {
	base, leader := strings.CutSuffix(key, leaderSuffix)
	if i := strings.LastIndexByte(base, '#'); i >= 0 {
		var n int
		if _, err := fmt.Sscanf(base[i+1:], "%d", &n); err == nil && n > 0 && fmt.Sprint(n) == base[i+1:] {
			return base[:i], n, leader
		}
	}
	return base, 0, leader
}

// kindOf is the part kind a section ID or screen key belongs to: what comes
// before the first "/" or "#".
func kindOf(id string) string {
	if i := strings.IndexAny(id, "/#"); i >= 0 {
		return id[:i]
	}
	return id
}
