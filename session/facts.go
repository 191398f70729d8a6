package session

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"vigil/store"
)

// heading names the session: its title, else its group, else its guide,
// and the day it was held, in the time zone it was held in. A redacted
// session is named by its guide and the month it was held in alone.
func (b *builder) heading() string {
	s := b.rec.Session
	if b.view == Redacted {
		name := b.guideTitle()
		if name == "" {
			name = "Session"
		}
		return name + " — " + s.Created.Format("January 2006")
	}
	name := ""
	for _, n := range []string{s.Title, s.Group, s.GuideTitle, b.guideTitle()} {
		if name = OneLine(n); name != "" {
			break
		}
	}
	if name == "" {
		name = "Session"
	}
	return name + " — " + s.Created.Format("2 January 2006")
}

// guideTitle is the title of the session's guide: as the session has it,
// else as the library has it, else its ID.
func (b *builder) guideTitle() string {
	if t := OneLine(b.rec.Session.GuideTitle); t != "" {
		return t
	}
	if b.g != nil {
		return OneLine(b.g.Meta.Title)
	}
	return OneLine(b.rec.Session.GuideID)
}

// facts are the session's particulars, in the order every format shows
// them; empty ones are left out.
func (b *builder) facts() []Fact {
	s := b.rec.Session
	var out []Fact
	add := func(label, value string) {
		if value != "" {
			out = append(out, Fact{label, value})
		}
	}
	add("Guide", b.guideTitle())
	add("Group", OneLine(s.Group))
	if s.Title != "" && s.Group == "" {
		add("Title", OneLine(s.Title))
	}
	if b.view == Redacted {
		add("Held", s.Created.Format("January 2006")) // the day and hour could tell who was there
	} else {
		add("Held", s.Created.Format("Monday 2 January 2006, 15:04"))
	}
	add("Present", OneLine(s.Attendance))
	// The path is named in every view: a recipient of the gentler path's
	// notes should know the detailed parts were not read. How many pages
	// were seen, and the time taken, are the leader's record alone.
	path := ""
	switch s.Path {
	case store.PathFull:
		path = "the full guide"
	case store.PathGentle:
		path = "the gentler path"
	}
	if s.Total > 0 && b.view == Leader {
		pages := fmt.Sprintf("%d of %d pages seen", s.Seen, s.Total)
		if path != "" {
			path += ", " + pages
		} else {
			path = pages
		}
	}
	add("Path", path)
	var spent int64
	for _, sec := range s.Spent {
		if sec > 0 {
			spent += sec
		}
	}
	if spent > 0 && b.view == Leader { // the leader's record: a stopwatch means nothing to a recipient
		add("Time", Duration(spent))
	}
	return out
}

// Duration says a number of seconds as people do: "45 s", "18 min",
// "1 h 5 min".
func Duration(seconds int64) string {
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

// Sentence makes a message one sentence, as every front end shows errors:
// trimmed, with a capital and a full stop. A message that starts with a
// file name ("zero.db is …") keeps the name as it is spelled.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "Something went wrong."
	}
	first, _, _ := strings.Cut(s, " ")
	if !strings.ContainsAny(first, `./\`) {
		r, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}
