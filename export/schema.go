package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"time"

	"vigil/store"
)

// SchemaVersion is the version of the JSON export this vigil writes, and
// the newest it reads. SCHEMA.md describes it. A change that a reader of
// this version would misread (a field added, removed or given another
// meaning) raises it.
const SchemaVersion = 1

// These types are the JSON export, version 1. They mirror the store's
// types on purpose rather than reuse them, so that a change in the store
// cannot change the file format unnoticed; fields_test.go fails when the
// store gains a field that is not carried here.

type fileV1 struct {
	Schema   int         `json:"schema"`
	Redacted bool        `json:"redacted"`
	Sessions []sessionV1 `json:"sessions"`
}

type sessionV1 struct {
	UID         string               `json:"uid"`
	GuideID     string               `json:"guide_id"`
	GuideHash   string               `json:"guide_hash,omitempty"`
	GuideTitle  string               `json:"guide_title"`
	Group       string               `json:"group,omitempty"`
	Title       string               `json:"title,omitempty"`
	Attendance  string               `json:"attendance,omitempty"`
	Created     time.Time            `json:"created"`
	Updated     time.Time            `json:"updated"`
	Path        string               `json:"path"`
	Position    positionV1           `json:"position"`
	Seen        int                  `json:"seen"`
	Total       int                  `json:"total"`
	Prayed      map[string]time.Time `json:"prayed,omitempty"`
	Spent       map[string]int64     `json:"spent,omitempty"`
	Budget      map[string]int       `json:"budget,omitempty"`
	Notes       []noteV1             `json:"notes"`
	Requests    []requestV1          `json:"requests"`
	Commitments []commitmentV1       `json:"commitments"`
}

type positionV1 struct {
	Stage string `json:"stage"`
	Page  string `json:"page,omitempty"`
}

type noteV1 struct {
	Key     string    `json:"key"`
	Kind    string    `json:"kind"`
	Text    string    `json:"text"`
	Updated time.Time `json:"updated"`
}

type requestV1 struct {
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

type commitmentV1 struct {
	ID      uint64    `json:"id"`
	Text    string    `json:"text"`
	Name    string    `json:"name,omitempty"`
	Created time.Time `json:"created"`
}

// toV1 turns a record into its JSON form. Notes go in key order, requests
// and commitments in ID order, so the same record always gives the same
// bytes. A session stored before sessions had a UID gets one derived from
// what does not change (see SCHEMA.md).
func toV1(rec store.Record) sessionV1 {
	s := rec.Session
	uid := s.UID
	if uid == "" {
		uid = derivedUID(s)
	}
	out := sessionV1{
		UID: uid, GuideID: s.GuideID, GuideHash: s.GuideHash, GuideTitle: s.GuideTitle,
		Group: s.Group, Title: s.Title, Attendance: s.Attendance, Created: s.Created, Updated: s.Updated,
		Path: string(s.Path), Position: positionV1{Stage: string(s.Position.Stage), Page: s.Position.Page},
		Seen: s.Seen, Total: s.Total, Prayed: s.Prayed, Spent: s.Spent, Budget: s.Budget,
		Notes:       make([]noteV1, 0, len(rec.Notes)),
		Requests:    make([]requestV1, 0, len(rec.Requests)),
		Commitments: make([]commitmentV1, 0, len(rec.Commitments)),
	}
	for _, n := range rec.Notes {
		out.Notes = append(out.Notes, noteV1{Key: n.Key, Kind: string(n.Kind), Text: n.Text, Updated: n.Updated})
	}
	sort.Slice(out.Notes, func(i, j int) bool { return out.Notes[i].Key < out.Notes[j].Key })
	for _, r := range rec.Requests {
		out.Requests = append(out.Requests, requestV1{ID: r.ID, Text: r.Text, Name: r.Name, Private: r.Private,
			Prayed: r.Prayed, Created: r.Created, Status: r.Status, Answer: r.Answer, ClosedAt: r.ClosedAt, PrayedIn: r.PrayedIn})
	}
	sort.Slice(out.Requests, func(i, j int) bool { return out.Requests[i].ID < out.Requests[j].ID })
	for _, c := range rec.Commitments {
		out.Commitments = append(out.Commitments, commitmentV1{ID: c.ID, Text: c.Text, Name: c.Name, Created: c.Created})
	}
	sort.Slice(out.Commitments, func(i, j int) bool { return out.Commitments[i].ID < out.Commitments[j].ID })
	return out
}

// fromV1 turns a checked JSON session back into a record.
func fromV1(s sessionV1) store.Record {
	rec := store.Record{
		Session: store.Session{
			UID: s.UID, GuideID: s.GuideID, GuideHash: s.GuideHash, GuideTitle: s.GuideTitle,
			Group: s.Group, Title: s.Title, Attendance: s.Attendance, Created: s.Created, Updated: s.Updated,
			Path: store.Path(s.Path), Position: store.Position{Stage: store.Stage(s.Position.Stage), Page: s.Position.Page},
			Seen: s.Seen, Total: s.Total, Prayed: s.Prayed, Spent: s.Spent, Budget: s.Budget,
		},
		Notes: make(map[string]store.Note, len(s.Notes)),
	}
	for _, n := range s.Notes {
		rec.Notes[n.Key] = store.Note{Key: n.Key, Kind: store.NoteKind(n.Kind), Text: n.Text, Updated: n.Updated}
	}
	for _, r := range s.Requests {
		rec.Requests = append(rec.Requests, store.Request{ID: r.ID, Text: r.Text, Name: r.Name, Private: r.Private,
			Prayed: r.Prayed, Created: r.Created, Status: r.Status, Answer: r.Answer, ClosedAt: r.ClosedAt, PrayedIn: r.PrayedIn})
	}
	for _, c := range s.Commitments {
		rec.Commitments = append(rec.Commitments, store.Commitment{ID: c.ID, Text: c.Text, Name: c.Name, Created: c.Created})
	}
	return rec
}

// derivedUID names a session that has no UID by what never changes about
// it in its database: guide, creation time and local ID. Exporting it twice
// gives the same UID, so importing both exports adds it once.
func derivedUID(s store.Session) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%d", s.GuideID, s.Created.UTC().Format(time.RFC3339Nano), s.ID))
	return hex.EncodeToString(sum[:16])
}
