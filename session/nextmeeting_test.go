package session

import (
	"strings"
	"testing"
	"time"

	"vigil/store"
)

func TestParseMeetingDate(t *testing.T) {
	zone := time.FixedZone("", -5*3600)
	now := time.Date(2026, 11, 26, 21, 0, 0, 0, zone)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, zone) }
	for _, tc := range []struct {
		in   string
		want time.Time
		err  string
	}{
		{"2026-12-03", day(2026, 12, 3), ""},
		{"3 December 2026", day(2026, 12, 3), ""},
		{"3 December", day(2026, 12, 3), ""},
		{"3 dec", day(2026, 12, 3), ""},
		{"December 3, 2026", day(2026, 12, 3), ""},
		{" Dec  3 ", day(2026, 12, 3), ""},
		{"26 November", day(2026, 11, 26), ""}, // today is not past
		{"5 January", day(2027, 1, 5), ""},     // no year: the next one
		{"2026-11-25", time.Time{}, "has passed"},
		{"next Thursday", time.Time{}, "is not a day vigil can read"},
		{"", time.Time{}, "type the day"},
		{"2026-02-30", time.Time{}, "is not a day"},
	} {
		got, err := ParseMeetingDate(tc.in, now)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one saying %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || !got.Equal(tc.want) || got.Location() != zone):
			t.Errorf("%q: %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestSetNextMeeting(t *testing.T) {
	m := &Meeting{Rec: store.Record{Session: store.Session{ID: 4}}}
	day := time.Date(2026, 12, 3, 19, 30, 0, 0, time.UTC)
	cs := m.SetNextMeeting(day)
	if len(cs) != 1 || !cs[0].Session.NextMeeting.Equal(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("changes %+v: want the header with the day alone", cs)
	}
	if cs := m.SetNextMeeting(day); cs != nil {
		t.Errorf("setting the same day again made changes: %+v", cs)
	}
	if cs := m.SetNextMeeting(time.Time{}); len(cs) != 1 || !cs[0].Session.NextMeeting.IsZero() {
		t.Errorf("the zero time does not clear it: %+v", cs)
	}
	for v, want := range map[View]string{Leader: "Thursday 3 December 2026", Shared: "Thursday 3 December 2026", Redacted: "December 2026"} {
		if got := MeetingDate(day, v); got != want {
			t.Errorf("MeetingDate(%s) = %q, want %q", v, got, want)
		}
	}
}
