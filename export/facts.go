package export

import (
	"fmt"

	"vigil/store"
)

// heading names the session: its title, else its group, else its guide,
// and the day it was held, in the time zone it was held in.
func (b *builder) heading() string {
	s := b.rec.Session
	name := ""
	for _, n := range []string{s.Title, s.Group, s.GuideTitle, b.guideTitle()} {
		if name = oneLine(n); name != "" {
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
	if t := oneLine(b.rec.Session.GuideTitle); t != "" {
		return t
	}
	if b.g != nil {
		return oneLine(b.g.Meta.Title)
	}
	return oneLine(b.rec.Session.GuideID)
}

// facts are the session's particulars, in the order every format shows
// them; empty ones are left out.
func (b *builder) facts() []fact {
	s := b.rec.Session
	var out []fact
	add := func(label, value string) {
		if value != "" {
			out = append(out, fact{label, value})
		}
	}
	add("Guide", b.guideTitle())
	add("Group", oneLine(s.Group))
	if s.Title != "" && s.Group == "" {
		add("Title", oneLine(s.Title))
	}
	add("Held", s.Created.Format("Monday 2 January 2006, 15:04"))
	add("Present", oneLine(s.Attendance))
	path := ""
	switch s.Path {
	case store.PathFull:
		path = "the full guide"
	case store.PathGentle:
		path = "the gentler path"
	}
	if s.Total > 0 {
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
	if spent > 0 {
		add("Time", duration(spent))
	}
	return out
}
