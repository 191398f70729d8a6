package room

import "vigil/room/link"

// The room's vocabulary lives in package link, which the leader's screens
// import; these names keep room's own API whole.
type (
	Frame    = link.Frame
	Info     = link.Info
	Role     = link.Role
	Person   = link.Person
	Kind     = link.Kind
	Incoming = link.Incoming
)

// Roles and kinds, as in package link.
const (
	RoleParticipant = link.RoleParticipant
	RoleScreen      = link.RoleScreen
	Request         = link.Request
	Response        = link.Response
)

// FrameOf and ContentNoteOf build frames from a meeting's shared view.
var (
	FrameOf       = link.FrameOf
	ContentNoteOf = link.ContentNoteOf
)

var _ link.Room = (*Room)(nil)
