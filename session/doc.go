// Package session is the meeting, with no user interface in it: the pages
// of a guide along a path, the page keys that notes are stored under, the
// moves, the clock and pacing, opening and resuming, carrying a group's
// open requests and commitments into its next meeting, every change the
// meeting can make (each one function that returns the store changes to
// save), the saver, and one model of what a session captured with its
// Shared, Leader and Redacted views.
//
// Every front end (the screens, plain mode, the room) and every export
// format asks this package: none of them holds a rule of the meeting of
// its own. In particular the privacy rule, what each view may show, is
// written once, in privacy.go.
package session
