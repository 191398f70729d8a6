package session

import (
	"fmt"
	"strings"
	"time"

	"vigil/store"
)

// SetNextMeeting records the day the group meets next; the zero time
// clears it. Only the day is kept: midnight, in t's time zone.
func (m *Meeting) SetNextMeeting(t time.Time) []store.Change {
	if !t.IsZero() {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	}
	if t.Equal(m.Rec.Session.NextMeeting) {
		return nil
	}
	m.Rec.Session.NextMeeting = t
	return []store.Change{m.header()}
}

// meetingLayouts are the ways of writing a day that ParseMeetingDate
// reads, with a year; each is also tried without its year.
var meetingLayouts = []string{"2 January 2006", "2 Jan 2006", "January 2 2006", "Jan 2 2006"}

// ParseMeetingDate reads the day of the next meeting as a leader types it:
// "2026-12-03", "3 December 2026", "3 December", "December 3, 2026",
// "Dec 3". A day without a year is the next one from today (now's day)
// on. The day is returned at midnight in now's time zone. A day before
// today is refused: it cannot be the next meeting.
func ParseMeetingDate(s string, now time.Time) (time.Time, error) {
	loc := now.Location()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	typed := strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	if typed == "" {
		return time.Time{}, fmt.Errorf("type the day of the next meeting, for example %s", today.AddDate(0, 0, 7).Format("2006-01-02"))
	}
	day, ok := time.Time{}, false
	if t, err := time.ParseInLocation("2006-01-02", typed, loc); err == nil {
		day, ok = t, true
	}
	for _, layout := range meetingLayouts {
		if ok {
			break
		}
		if t, err := time.ParseInLocation(layout, typed, loc); err == nil {
			day, ok = t, true
			break
		}
		noYear := strings.TrimSuffix(layout, " 2006")
		if t, err := time.ParseInLocation(noYear, typed, loc); err == nil {
			day, ok = time.Date(today.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc), true
			if day.Before(today) {
				day = day.AddDate(1, 0, 0)
			}
		}
	}
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a day vigil can read; write it as %s or %s", OneLine(s),
			today.AddDate(0, 0, 7).Format("2006-01-02"), today.AddDate(0, 0, 7).Format("2 January 2006"))
	}
	if day.Before(today) {
		return time.Time{}, fmt.Errorf("%s has passed; give the day of the next meeting, from today on", day.Format("2 January 2006"))
	}
	return day, nil
}

// MeetingDate says the day of a next meeting for view v: "Thursday 3
// December 2026", or in a redacted view the month alone ("December
// 2026"), as every date there is kept. "" when there is none.
func MeetingDate(t time.Time, v View) string {
	switch {
	case t.IsZero():
		return ""
	case v == Redacted:
		return t.Format("January 2006")
	}
	return t.Format("Monday 2 January 2006")
}
