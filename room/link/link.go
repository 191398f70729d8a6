// Package link is the contract between the leader's screens and the
// room: what the room shows (Frame, built from the session's shared view
// only), what participants send (Incoming), who is in it (Person), what
// the leader reads out (Info), and the Room the screens drive. It holds no
// server: package room implements Room, and cmd/vigil hands the screens a
// way to open one, so that no front end imports another.
package link

import (
	"time"

	"vigil/session"
)

// Room is an open room as the leader's screens drive it. Show never
// blocks; Inbox is closed by Close.
type Room interface {
	Info() Info
	Show(Frame)
	Inbox() <-chan Incoming
	People() []Person
	Remove(id uint64) bool
	Close() error
}

// Opener opens a room for a meeting: what H shows participants, and the
// content note a late arrival reads first.
type Opener func(help session.Help, contentNote Frame) (Room, error)

// Frame is what participants and screens show: the leader's page as the
// shared view shows it, or the pause. Frames are values built from the
// meeting by FrameOf, so nothing but the shared view can reach the room.
type Frame struct {
	Key      string // the page key
	Where    string // "Part 2 of 4 · question 1 of 5"
	Title    string
	Markdown string // the page's shared text
	Prompt   bool   // the page is a reflection prompt: participants may write a response
	Paused   bool
	// Seq is set by Room.Show: which frame this is, for the render
	// cache. Callers leave it zero.
	Seq uint64
}

// FrameOf is the meeting's page on screen for the room: built from the
// session's Shared view only (see session.Meeting.SharedPage), never from
// the leader's.
func FrameOf(m *session.Meeting, paused bool) Frame {
	p := m.SharedPage()
	return Frame{
		Key:      p.Key,
		Where:    p.Where,
		Title:    p.Title,
		Markdown: p.Markdown,
		Prompt:   p.Kind == session.PagePrompt,
		Paused:   paused,
	}
}

// ContentNoteOf is the guide's content note as a frame, whatever page the
// meeting is on: for Config.ContentNote, so that someone who arrives late
// reads it before the page the group is on.
func ContentNoteOf(m *session.Meeting) Frame {
	p := m.SharedContentNote()
	return Frame{Key: p.Key, Where: p.Where, Title: p.Title, Markdown: p.Markdown}
}

// Info is what the leader reads out: where to connect, the two join
// codes, and the host key's fingerprint.
type Info struct {
	Addr            string // host:port actually listened on
	Host            string
	Port            int
	ParticipantCode string
	ScreenCode      string
	// Fingerprint is the host key's SHA256 fingerprint as OpenSSH prints
	// it: "SHA256:…".
	Fingerprint string
	// Exposure says who can reach the room: a sentence for the leader.
	Exposure string
	// Command is what a participant types: "ssh -p 2323 127.0.0.1".
	Command string
}

// Role is what someone in the room is.
type Role int

// The roles. The zero value is no role.
const (
	RoleParticipant Role = iota + 1
	RoleScreen
)

// String names a role as people say it.
func (r Role) String() string {
	switch r {
	case RoleParticipant:
		return "participant"
	case RoleScreen:
		return "screen"
	}
	return "nobody"
}

// Person is someone in the room.
type Person struct {
	ID    uint64
	Name  string // the name they chose, or "guest 3"; "screen 1" for a screen
	Role  Role
	Since time.Time
}

// Kind is what a participant sent.
type Kind int

// The kinds of what participants send.
const (
	Request  Kind = iota + 1 // a prayer request
	Response                 // a written response to the prompt on screen
)

// String names a kind.
func (k Kind) String() string {
	switch k {
	case Request:
		return "request"
	case Response:
		return "response"
	}
	return "nothing"
}

// Incoming is one thing a participant sent, for the leader to accept (or
// not). Text is cleaned with session.Clean and capped at room.MaxSent runes.
type Incoming struct {
	From Person
	Kind Kind
	Text string
	// Private is true when the request is for the leader only.
	Private bool
	// Named is true when the participant asked for their name to go with
	// it; From.Name is the name.
	Named   bool
	PageKey string // the page on screen when it was sent
	At      time.Time
}
