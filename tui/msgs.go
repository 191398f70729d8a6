package tui

import "vigil/store"

// sessionsMsg carries the recent sessions for the home screen.
type sessionsMsg struct {
	sessions []store.Session
	groups   []store.GroupSummary
	err      error
}

// openedMsg carries a session created or loaded off the UI goroutine.
type openedMsg struct {
	opened *Opened
	err    error
}
