package tui

import (
	"strings"
	"testing"

	"vigil/session"
)

// TestSummaryShowsNotesOnListPages: the group's notes on the requests and
// commitments pages are part of what the session captured, so the summary
// shows them in the shared view, as plain mode and the exports do; a
// leader's note there shows only in the leader's view.
func TestSummaryShowsNotesOnListPages(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("NOTE-ON-REQUESTS")...)
	a = drive(t, a, keyMsg("esc"))
	a = drive(t, a, keyMsg("tab"), keyMsg("enter"))
	a = drive(t, a, typeText("LEADER-ON-REQUESTS")...)
	a = drive(t, a, keys("esc", "tab")...)
	a = goTo(t, a, session.KeyCommitments)
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("NOTE-ON-COMMITMENTS")...)
	a = drive(t, a, keyMsg("esc"))
	a = goTo(t, a, session.KeySummary)

	v := viewText(a)
	mustContain(t, v, "SHARED VIEW", "The group's requests", "NOTE-ON-REQUESTS", "NOTE-ON-COMMITMENTS")
	mustNotContain(t, v, "LEADER-ON-REQUESTS")
	// The summary is the captured model's items for the view, every one.
	for _, line := range session.Capture(a.session.meet.Rec, a.session.meet.Guide, session.Shared).Lines() {
		_, text, _ := strings.Cut(line, ": ")
		mustContain(t, v, text)
	}
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), "LEADER VIEW", "LEADER-ON-REQUESTS", session.LabelLeader)
}
