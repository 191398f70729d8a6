package session

import (
	"testing"
	"time"

	"vigil/store"
)

// TestPreviousInGroup is the store's query as NewSession and LoadCarry use
// it: the newest earlier session of the group, by Created then ID.
func TestPreviousInGroup(t *testing.T) {
	st, _ := openStore(t)
	mk := func(group string, created time.Time, who string) store.Session {
		t.Helper()
		s, err := st.CreateSession(store.Session{GuideID: "g", Group: group, Created: created, Attendance: who})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	w1 := mk("Thursday group", day(5), "week 1")
	w2a := mk(" thursday GROUP ", day(12), "week 2, first made")
	mk("Youth", day(14), "another group")
	mk("", day(15), "alone")
	w2b := mk("THURSDAY group", day(12), "week 2, made second") // same time, higher ID
	w3 := mk("Thursday group", day(19), "week 3")
	w0 := mk("Thursday group", day(1), "imported, held first") // a high ID, held first

	for _, tt := range []struct {
		name   string
		group  string
		before store.Session
		want   string // attendance of the session found; "" for none
	}{
		{"a new session finds the newest", "thursday group", store.Session{Group: "thursday group", Created: day(26)}, "week 3"},
		{"a new session with no ID finds the newest, even if held later", "Thursday group", store.Session{Created: day(2)}, "week 3"},
		{"week 3 finds the later of two at the same time", "Thursday group", w3, "week 2, made second"},
		{"same time, lower ID", "Thursday group", w2b, "week 2, first made"},
		{"skips itself", "Thursday group", w2a, "week 1"},
		{"by Created, not by ID", "Thursday group", w1, "imported, held first"},
		{"the first meeting has none", "Thursday group", w0, ""},
		{"spaces and case", "  THURSDAY GROUP  ", w3, "week 2, made second"},
		{"other groups are ignored", "Youth", store.Session{Created: day(26)}, "another group"},
		{"no group, no previous", "", store.Session{Created: day(26)}, ""},
		{"an unknown group", "Friday group", store.Session{Created: day(26)}, ""},
	} {
		prev, found, err := st.PreviousInGroup(tt.group, tt.before)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if found != (tt.want != "") || prev.Session.Attendance != tt.want {
			t.Errorf("%s: found %v, %q; want %q", tt.name, found, prev.Session.Attendance, tt.want)
		}
	}
}

// TestPreviousInGroupCarriesCommitments checks that the record found comes
// with its commitments, which LoadCarry hands on.
func TestPreviousInGroupCarriesCommitments(t *testing.T) {
	st, _ := openStore(t)
	w1 := newMeeting(t, st, seed(), "Thursday group", day(5))
	_, cs := w1.AddCommitment("write to the MP", "Cy", day(5))
	applyAll(t, st, cs)
	w2 := newMeeting(t, st, seed(), "Thursday group", day(12))
	prev, found, err := st.PreviousInGroup("Thursday group", w2.Rec.Session)
	if err != nil || !found || prev.Session.ID != w1.ID() || len(prev.Commitments) != 1 || prev.Commitments[0].Text != "write to the MP" {
		t.Errorf("PreviousInGroup: %+v, %v, %v", prev, found, err)
	}
	// A new session of another guide takes the attendance but not the
	// budget, which is in that guide's parts.
	applyAll(t, st, w2.SetMeetingLength(45))
	applyAll(t, st, w2.SetAttendance("Ana"))
	g := tinyGuide()
	w3 := newMeeting(t, st, g, "Thursday group", day(19))
	if w3.Rec.Session.Attendance != "Ana" || w3.Rec.Session.Budget != nil {
		t.Errorf("another guide's meeting starts with %q, %v", w3.Rec.Session.Attendance, w3.Rec.Session.Budget)
	}
}
