package store

import (
	"errors"
	"time"
)

// Sentinel errors. Callers match them with errors.Is.
var (
	// ErrNotFound means the session, or the request, does not exist.
	ErrNotFound = errors.New("not found")
	// ErrLocked means another process holds the database open.
	ErrLocked = errors.New("the notes database is in use by another vigil")
	// ErrNotDatabase means the file at the path is not a vigil database
	// (damaged, truncated, or some other kind of file). It is left untouched.
	ErrNotDatabase = errors.New("not a vigil notes database")
	// ErrNewerSchema means the database was written by a newer vigil.
	ErrNewerSchema = errors.New("the notes database is from a newer vigil")
	// ErrOlderSchema means OpenReadOnly met a database that must be
	// upgraded before it can be read; a command that writes upgrades it.
	ErrOlderSchema = errors.New("the notes database is from an older vigil")
	// ErrReadOnly means a write method was called on a Store opened with
	// OpenReadOnly.
	ErrReadOnly = errors.New("the notes database is open read-only")
	// ErrDamaged means a record in the database (a session's header, or
	// one of its notes, requests or commitments) cannot be read. The other
	// sessions are not affected.
	ErrDamaged = errors.New("a record in the notes database is damaged")
	// ErrNotRegular means a path is a FIFO, device, socket or folder where
	// an ordinary file is needed.
	ErrNotRegular = errors.New("not an ordinary file")
)

// Stage is the kind of screen a session's position points at.
type Stage string

// The stages of a session.
const (
	StageContentNote Stage = "content-note" // before any content
	StageSection     Stage = "section"      // a page of the guide
	StageSummary     Stage = "summary"      // the end: everything captured
)

// Position is where a session was left, so that resume returns to it.
type Position struct {
	Stage Stage `json:"stage"`
	// Page is the key of the page on screen (a section ID, a prompt key such
	// as "reflection/clarity#1", or a screen key such as "prayer#group").
	Page string `json:"page,omitempty"`
}

// Path is which way through the guide a session takes.
type Path string

// The paths through a guide.
const (
	PathFull   Path = "full"   // every part in order
	PathGentle Path = "gentle" // straight to reflection and prayer
)

// Session is one meeting (or one person's reflection) with a guide.
type Session struct {
	ID uint64 `json:"id"`
	// UID names the session everywhere: it is made once, at CreateSession,
	// and kept by export and import, so importing the same session twice
	// adds it once. ID is only this database's key.
	UID     string `json:"uid"`
	GuideID string `json:"guide_id"`
	// GuideHash is the SHA-256 (hex) of the guide file the session used,
	// so a changed guide can be told from the one the session was held with.
	GuideHash  string    `json:"guide_hash,omitempty"`
	GuideTitle string    `json:"guide_title"`
	Group      string    `json:"group,omitempty"`
	Title      string    `json:"title,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
	Path       Path      `json:"path"`
	Position   Position  `json:"position"`
	// Seen and Total count pages seen and pages in the session's path, for
	// progress in lists.
	Seen  int `json:"seen"`
	Total int `json:"total"`
	// Prayed holds the guide's own prayer requests (section IDs) marked
	// prayed in this session, with when.
	Prayed map[string]time.Time `json:"prayed,omitempty"`
	// Spent is the time spent per part kind, in seconds.
	Spent map[string]int64 `json:"spent,omitempty"`
	// Budget is the minutes planned per part kind, when the leader set a
	// time for the meeting; empty means the guide's suggested minutes.
	Budget map[string]int `json:"budget,omitempty"`
	// Attendance is who was there, as the leader typed it (names or
	// initials); optional.
	Attendance string `json:"attendance,omitempty"`
	// Alone means one person's reflection, not a group's meeting: one
	// private view, and words that speak to one person.
	Alone bool `json:"alone,omitempty"`
	// Revisited is what this meeting did with what the group's earlier
	// meetings left open: requests prayed again, answered or archived, and
	// commitments taken up again. The requests themselves keep their
	// history in the session they were made in; this is the meeting's own
	// record of it, so that its export says what it did.
	Revisited []Revisit `json:"revisited,omitempty"`
	// NextMeeting is the day the group meets next, as the leader set it on
	// the summary (midnight, in the leader's time zone); zero when not set.
	// Exports end with it.
	NextMeeting time.Time `json:"next_meeting,omitzero"`
}

// Revisit is one thing a meeting did with a request or commitment of an
// earlier meeting of its group. Text, Name and Private are copied from the
// item when it was revisited, so the meeting's record reads on its own.
type Revisit struct {
	Item       ItemKind  `json:"item"`
	SessionUID string    `json:"session_uid"` // the meeting the item was made in
	ItemID     uint64    `json:"item_id"`
	Text       string    `json:"text"`
	Name       string    `json:"name,omitempty"`
	Private    bool      `json:"private,omitempty"`
	Action     Action    `json:"action"`
	Answer     string    `json:"answer,omitempty"` // how a request was answered, optional
	At         time.Time `json:"at"`
}

// ItemKind tells a request from a commitment in a Revisit.
type ItemKind string

// The kinds of item a meeting revisits.
const (
	ItemRequest    ItemKind = "request"
	ItemCommitment ItemKind = "commitment"
)

// Action is what a meeting did with an earlier item.
type Action string

// The actions of the revisit step. Requests are prayed again, answered or
// archived; commitments are kept going, done or let go.
const (
	ActionPraying  Action = "praying"
	ActionAnswered Action = "answered"
	ActionArchived Action = "archived"
	ActionOngoing  Action = "ongoing"
	ActionDone     Action = "done"
	ActionLetGo    Action = "let-go"
)

// NoteKind tells a section note from a response to a reflection prompt.
type NoteKind string

// The kinds of note.
const (
	NoteSection  NoteKind = "note"     // the group's note for a page
	NoteResponse NoteKind = "response" // a response to a reflection prompt
	NoteLeader   NoteKind = "leader"   // leader-only: never in the shared view
)

// Note is text the leader typed for one page of a session.
type Note struct {
	Key     string    `json:"key"` // the page key (see Position.Page)
	Kind    NoteKind  `json:"kind"`
	Text    string    `json:"text"`
	Updated time.Time `json:"updated"`
	// Passed means the group chose not to answer a prompt: shown as
	// passed, never as missing.
	Passed bool `json:"passed,omitempty"`
}

// Request is one of the group's own prayer requests.
type Request struct {
	ID      uint64    `json:"id"` // unique within its session, from 1
	Text    string    `json:"text"`
	Name    string    `json:"name,omitempty"` // who asked, optional
	Private bool      `json:"private,omitempty"`
	Prayed  bool      `json:"prayed,omitempty"`
	Created time.Time `json:"created"`
	// Status is "" while the request is open, RequestAnswered or
	// RequestArchived once the group closes it.
	Status   string    `json:"status,omitempty"`
	Answer   string    `json:"answer,omitempty"` // how it was answered, optional
	ClosedAt time.Time `json:"closed_at,omitzero"`
	// PrayedIn holds the UIDs of the later sessions of the group that
	// prayed this request again (its own session counts through Prayed).
	PrayedIn []string `json:"prayed_in,omitempty"`
}

// Request statuses. An open request has none.
const (
	RequestAnswered = "answered"
	RequestArchived = "archived"
)

// TimesPrayed is how many sessions have prayed a request.
func (r Request) TimesPrayed() int {
	n := len(r.PrayedIn)
	if r.Prayed {
		n++
	}
	return n
}

// Commitment is a next step someone took on.
type Commitment struct {
	ID      uint64    `json:"id"` // unique within its session, from 1
	Text    string    `json:"text"`
	Name    string    `json:"name,omitempty"`
	Created time.Time `json:"created"`
}

// Record is a whole session with everything typed in it.
type Record struct {
	Session     Session
	Notes       map[string]Note // by Key
	Requests    []Request       // in ID order
	Commitments []Commitment    // in ID order
}

// Change is a set of upserts for one session, written in one transaction.
// Session, when not nil, replaces the stored session header.
type Change struct {
	SessionID   uint64
	Session     *Session
	Notes       []Note
	Requests    []Request
	Commitments []Commitment
	// RemoveRequests and RemoveCommitments name items to delete, by ID,
	// after the upserts.
	RemoveRequests    []uint64
	RemoveCommitments []uint64
}

// Empty reports whether the change writes nothing.
func (c Change) Empty() bool {
	return c.Session == nil && len(c.Notes) == 0 && len(c.Requests) == 0 && len(c.Commitments) == 0 &&
		len(c.RemoveRequests) == 0 && len(c.RemoveCommitments) == 0
}

// NextRequestID is the ID a new request of this session takes: one past
// the highest so far, from 1. Requests and commitments are numbered by the
// one screen that edits the session, so it hands out the IDs.
func (r Record) NextRequestID() uint64 {
	id := uint64(1)
	for _, q := range r.Requests {
		id = max(id, q.ID+1)
	}
	return id
}

// NextCommitmentID is the ID a new commitment of this session takes.
func (r Record) NextCommitmentID() uint64 {
	id := uint64(1)
	for _, c := range r.Commitments {
		id = max(id, c.ID+1)
	}
	return id
}
