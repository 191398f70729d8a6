package plain

import (
	"testing"
	"time"
)

// TestPlainSetsTheNextMeetingOnTheSummary: on the summary, next and a day
// sets the day of the next meeting, a day vigil cannot read is refused in
// one sentence, and next none clears it.
func TestPlainSetsTheNextMeetingOnTheSummary(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg, repeat("n", 40), "next someday\n", "next 3 December\n", "?\n")
	mustContain(t, out, "That is the end of the guide.", "next DATE sets the next meeting",
		`"someday" is not a day vigil can read`, "Next meeting: Thursday 3 December 2026. The exports end with it.",
		"On the summary: next and a day")
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	if got, want := rec.Session.NextMeeting, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("next meeting %v, want %v", got, want)
	}
}
