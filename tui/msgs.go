package tui

import (
	"vigil/session"
	"vigil/store"
)

// Messages that come back from commands. Each names its owner (a session
// ID where several could be meant), and the root routes it there.

// sessionsMsg carries the recent sessions for the home screen.
type sessionsMsg struct {
	sessions []store.Session
	groups   []store.GroupSummary
	err      error
}

// openedMsg carries a session created or loaded off the UI goroutine.
type openedMsg struct {
	opened *session.Opened
	err    error
}

// openPrayerListMsg asks the root for the prayer list screen.
type openPrayerListMsg struct{}

// carryMsg brings what a group's earlier meetings left open.
type carryMsg struct {
	sessionID uint64
	carry     session.Carry
	err       error
}

// saveTickMsg says that edits have gathered long enough to be written.
type saveTickMsg struct{ sessionID uint64 }

// savedMsg reports a save's end; err is nil when it was written.
type savedMsg struct {
	sessionID uint64
	err       error
}

// exportedMsg reports an export's end.
type exportedMsg struct {
	path string
	err  error
}

// openResourcesMsg asks the root to open the help and report screen on top
// of the dialog that asked (the pause).
type openResourcesMsg struct{}
