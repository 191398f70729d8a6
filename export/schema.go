package export

import (
	"sort"
	"time"

	"vigil/session"
	"vigil/store"
)

// SchemaVersion is the version of the JSON export this vigil writes, and
// the newest it reads. SCHEMA.md describes it. A change that a reader of
// this version would misread (a field added, removed or given another
// meaning) raises it. Version 2 added what a meeting did with earlier
// meetings' items (revisited) and prompts passed (a note's passed);
// version 3 the day of the next meeting (next_meeting) and, for a reader,
// the guide's own words that every export carries (content_note,
// next_steps, help), which import leaves aside. An older file reads as a
// version 3 file without them.
const SchemaVersion = 3

// These types are the JSON export, version 3. They mirror the store's
// types on purpose rather than reuse them, so that a change in the store
// cannot change the file format unnoticed; fields_test.go fails when the
// store gains a field that is not carried here.

type fileJSON struct {
	Schema   int           `json:"schema"`
	Redacted bool          `json:"redacted"`
	Notice   string        `json:"notice,omitempty"` // a redacted export's session.RedactionNotice
	Sessions []sessionJSON `json:"sessions"`
}

type sessionJSON struct {
	UID         string               `json:"uid"`
	GuideID     string               `json:"guide_id"`
	GuideHash   string               `json:"guide_hash,omitempty"`
	GuideTitle  string               `json:"guide_title"`
	ContentNote string               `json:"content_note,omitempty"`
	Group       string               `json:"group,omitempty"`
	Title       string               `json:"title,omitempty"`
	Attendance  string               `json:"attendance,omitempty"`
	Alone       bool                 `json:"alone,omitempty"`
	Created     time.Time            `json:"created"`
	Updated     time.Time            `json:"updated"`
	Path        string               `json:"path"`
	Position    positionJSON         `json:"position"`
	Seen        int                  `json:"seen"`
	Total       int                  `json:"total"`
	Prayed      map[string]time.Time `json:"prayed,omitempty"`
	Spent       map[string]int64     `json:"spent,omitempty"`
	Budget      map[string]int       `json:"budget,omitempty"`
	Notes       []noteJSON           `json:"notes"`
	Requests    []requestJSON        `json:"requests"`
	Commitments []commitmentJSON     `json:"commitments"`
	Revisited   []revisitJSON        `json:"revisited,omitempty"`
	// The guide's words, for a reader of the file: written by every
	// export, left aside by import (they are the guide's, not the
	// session's). ContentNote is near the top, so that a reader meets it
	// before the notes.
	NextSteps []nextStepJSON `json:"next_steps,omitempty"`
	Help      *helpJSON      `json:"help,omitempty"`
	// NextMeeting is last, as every format ends with it.
	NextMeeting time.Time `json:"next_meeting,omitzero"`
}

type nextStepJSON struct {
	Title string `json:"title,omitempty"`
	Body  string `json:"body"` // Markdown, links kept
}

type helpJSON struct {
	Lines   []string        `json:"lines"`
	Groups  []helpGroupJSON `json:"groups,omitempty"`
	Checked string          `json:"checked,omitempty"`
}

type helpGroupJSON struct {
	Need  string         `json:"need"`
	Items []helpItemJSON `json:"items"`
}

type helpItemJSON struct {
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"`
	Text  string `json:"text,omitempty"`
	TTY   string `json:"tty,omitempty"`
	Web   string `json:"web,omitempty"`
	For   string `json:"for,omitempty"`
}

// guideWords adds the guide's words of c to its JSON form.
func guideWords(out *sessionJSON, c *session.Captured) {
	out.ContentNote = c.ContentNote
	for _, st := range c.NextSteps {
		out.NextSteps = append(out.NextSteps, nextStepJSON{Title: st.Title, Body: st.Body})
	}
	h := &helpJSON{Lines: c.Help.Lines, Checked: c.Help.Checked}
	for _, g := range c.Help.Groups {
		hg := helpGroupJSON{Need: g.Need}
		for _, it := range g.Items {
			hi := helpItemJSON{Name: it.Name, For: it.For}
			for _, f := range it.Fields {
				switch f.Label {
				case "Phone":
					hi.Phone = f.Value
				case "Text":
					hi.Text = f.Value
				case "TTY":
					hi.TTY = f.Value
				case "Web":
					hi.Web = f.Value
				}
			}
			hg.Items = append(hg.Items, hi)
		}
		h.Groups = append(h.Groups, hg)
	}
	out.Help = h
}

type positionJSON struct {
	Stage string `json:"stage"`
	Page  string `json:"page,omitempty"`
}

type noteJSON struct {
	Key     string    `json:"key"`
	Kind    string    `json:"kind"`
	Text    string    `json:"text"`
	Updated time.Time `json:"updated"`
	Passed  bool      `json:"passed,omitempty"`
}

type requestJSON struct {
	ID       uint64    `json:"id"`
	Text     string    `json:"text"`
	Name     string    `json:"name,omitempty"`
	Private  bool      `json:"private"`
	Prayed   bool      `json:"prayed"`
	Created  time.Time `json:"created"`
	Status   string    `json:"status,omitempty"`
	Answer   string    `json:"answer,omitempty"`
	ClosedAt time.Time `json:"closed_at,omitzero"`
	PrayedIn []string  `json:"prayed_in,omitempty"`
}

type commitmentJSON struct {
	ID      uint64    `json:"id"`
	Text    string    `json:"text"`
	Name    string    `json:"name,omitempty"`
	Created time.Time `json:"created"`
}

type revisitJSON struct {
	Item       string    `json:"item"`
	SessionUID string    `json:"session_uid"`
	ItemID     uint64    `json:"item_id"`
	Text       string    `json:"text"`
	Name       string    `json:"name,omitempty"`
	Private    bool      `json:"private"`
	Action     string    `json:"action"`
	Answer     string    `json:"answer,omitempty"`
	At         time.Time `json:"at"`
}

// toJSON turns a record into its JSON form. Notes go in key order, requests
// and commitments in ID order, so the same record always gives the same
// bytes; revisits stay in the order the meeting made them. A session stored before sessions had a UID gets one derived from
// what does not change (see SCHEMA.md).
func toJSON(rec store.Record) sessionJSON {
	s := rec.Session
	uid := s.UID
	if uid == "" {
		uid = session.DerivedUID(s)
	}
	out := sessionJSON{
		UID: uid, GuideID: s.GuideID, GuideHash: s.GuideHash, GuideTitle: s.GuideTitle,
		Group: s.Group, Title: s.Title, Attendance: s.Attendance, Alone: s.Alone, Created: s.Created, Updated: s.Updated,
		Path: string(s.Path), Position: positionJSON{Stage: string(s.Position.Stage), Page: s.Position.Page},
		Seen: s.Seen, Total: s.Total, Prayed: s.Prayed, Spent: s.Spent, Budget: s.Budget, NextMeeting: s.NextMeeting,
		Notes:       make([]noteJSON, 0, len(rec.Notes)),
		Requests:    make([]requestJSON, 0, len(rec.Requests)),
		Commitments: make([]commitmentJSON, 0, len(rec.Commitments)),
	}
	for _, n := range rec.Notes {
		out.Notes = append(out.Notes, noteJSON{Key: n.Key, Kind: string(n.Kind), Text: n.Text, Updated: n.Updated, Passed: n.Passed})
	}
	sort.Slice(out.Notes, func(i, j int) bool { return out.Notes[i].Key < out.Notes[j].Key })
	for _, r := range rec.Requests {
		out.Requests = append(out.Requests, requestJSON{ID: r.ID, Text: r.Text, Name: r.Name, Private: r.Private,
			Prayed: r.Prayed, Created: r.Created, Status: r.Status, Answer: r.Answer, ClosedAt: r.ClosedAt, PrayedIn: r.PrayedIn})
	}
	sort.Slice(out.Requests, func(i, j int) bool { return out.Requests[i].ID < out.Requests[j].ID })
	for _, c := range rec.Commitments {
		out.Commitments = append(out.Commitments, commitmentJSON{ID: c.ID, Text: c.Text, Name: c.Name, Created: c.Created})
	}
	sort.Slice(out.Commitments, func(i, j int) bool { return out.Commitments[i].ID < out.Commitments[j].ID })
	for _, rv := range s.Revisited {
		out.Revisited = append(out.Revisited, revisitJSON{Item: string(rv.Item), SessionUID: rv.SessionUID, ItemID: rv.ItemID,
			Text: rv.Text, Name: rv.Name, Private: rv.Private, Action: string(rv.Action), Answer: rv.Answer, At: rv.At})
	}
	return out
}

// fromJSON turns a checked JSON session back into a record.
func fromJSON(s sessionJSON) store.Record {
	rec := store.Record{
		Session: store.Session{
			UID: s.UID, GuideID: s.GuideID, GuideHash: s.GuideHash, GuideTitle: s.GuideTitle,
			Group: s.Group, Title: s.Title, Attendance: s.Attendance, Alone: s.Alone, Created: s.Created, Updated: s.Updated,
			Path: store.Path(s.Path), Position: store.Position{Stage: store.Stage(s.Position.Stage), Page: s.Position.Page},
			Seen: s.Seen, Total: s.Total, Prayed: s.Prayed, Spent: s.Spent, Budget: s.Budget, NextMeeting: s.NextMeeting,
		},
		Notes: make(map[string]store.Note, len(s.Notes)),
	}
	for _, n := range s.Notes {
		rec.Notes[n.Key] = store.Note{Key: n.Key, Kind: store.NoteKind(n.Kind), Text: n.Text, Updated: n.Updated, Passed: n.Passed}
	}
	for _, r := range s.Requests {
		rec.Requests = append(rec.Requests, store.Request{ID: r.ID, Text: r.Text, Name: r.Name, Private: r.Private,
			Prayed: r.Prayed, Created: r.Created, Status: r.Status, Answer: r.Answer, ClosedAt: r.ClosedAt, PrayedIn: r.PrayedIn})
	}
	for _, c := range s.Commitments {
		rec.Commitments = append(rec.Commitments, store.Commitment{ID: c.ID, Text: c.Text, Name: c.Name, Created: c.Created})
	}
	for _, rv := range s.Revisited {
		rec.Session.Revisited = append(rec.Session.Revisited, store.Revisit{Item: store.ItemKind(rv.Item), SessionUID: rv.SessionUID,
			ItemID: rv.ItemID, Text: rv.Text, Name: rv.Name, Private: rv.Private, Action: store.Action(rv.Action), Answer: rv.Answer, At: rv.At})
	}
	return rec
}
