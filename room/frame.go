package room

import "vigil/session"

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
	seq      uint64 // set by Show: which frame this is, for the render cache
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

// PauseText is what participants and screens see while the leader pauses.
const PauseText = "We are taking a pause. Breathe; take your time. The meeting will go on when the leader is ready."

// Sentences the room says to participants.
const (
	EndedText   = "The meeting has ended."
	RemovedText = "The leader has removed you from the room."
	FullText    = "The room is full."
	NoPtyText   = "The room needs a terminal: connect with ssh -t, from a terminal window."
	WaitingText = "Waiting for the leader to open the first page."
	LeftText    = "You have left the room."
)
