package session

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"vigil/store"
)

func TestShowsIsThePrivacyRule(t *testing.T) {
	want := map[View]map[Privacy]bool{
		Shared:   {Public: true, Private: false, LeaderOnly: false, Personal: true},
		Leader:   {Public: true, Private: true, LeaderOnly: true, Personal: true},
		Redacted: {Public: true, Private: false, LeaderOnly: false, Personal: false},
		View(0):  {Public: false, Private: false, LeaderOnly: false, Personal: false},
		View(99): {Public: false, Private: false, LeaderOnly: false, Personal: false},
	}
	for v, row := range want {
		// The zero Privacy and anything unknown are never shown either.
		row[Privacy(0)] = false
		row[Privacy(42)] = false
		for p, w := range row {
			if got := v.Shows(p); got != w {
				t.Errorf("%v (%d).Shows(%d) = %v, want %v", v, int(v), int(p), got, w)
			}
		}
	}
	if View(0).String() != "no view" || Shared.String() != "shared view" {
		t.Errorf("view names: %q, %q", View(0), Shared)
	}
}

func TestNotePrivacy(t *testing.T) {
	for _, tt := range []struct {
		key  string
		note store.Note
		want Privacy
	}{
		{"faq/one", store.Note{Key: "faq/one", Kind: store.NoteSection}, Public},
		{"reflection/clarity#1", store.Note{Key: "reflection/clarity#1", Kind: store.NoteResponse}, Public},
		{"faq/one@leader", store.Note{Key: "faq/one@leader", Kind: store.NoteLeader}, LeaderOnly},
		// Kind alone, or key alone, is enough.
		{"faq/one", store.Note{Key: "faq/one", Kind: store.NoteLeader}, LeaderOnly},
		{"faq/one@leader", store.Note{Key: "faq/one@leader", Kind: store.NoteSection}, LeaderOnly},
		{"faq/one", store.Note{Key: "prayer#group@leader", Kind: store.NoteResponse}, LeaderOnly},
		{"x@leaderish", store.Note{Key: "x@leaderish"}, Public},
		// The debrief's note (who may need a follow-up) is the leader's.
		{"debrief@leader", store.Note{Key: "debrief@leader", Kind: store.NoteLeader}, LeaderOnly},
		{"check-in", store.Note{Key: "check-in", Kind: store.NoteSection}, Public},
	} {
		if got := NotePrivacy(tt.key, tt.note); got != tt.want {
			t.Errorf("NotePrivacy(%q, %+v) = %d, want %d", tt.key, tt.note, got, tt.want)
		}
	}
}

// privacyFixture is a session with something of every kind of privacy.
func privacyFixture() store.Record {
	at := day(12)
	return store.Record{
		Session: store.Session{
			ID: 7, UID: "0123456789abcdef0123456789abcdef", GuideID: "cybersex-trafficking-faqs",
			Group: "Thursday group", Created: at, Attendance: "Ana, Ben",
			Revisited: []store.Revisit{
				{Item: store.ItemRequest, SessionUID: "week1", ItemID: 1, Text: "for Ana's job", Name: "Ana", Action: store.ActionPraying, At: at},
				{Item: store.ItemRequest, SessionUID: "week1", ItemID: 2, Text: "for my sister", Name: "Ben", Private: true, Action: store.ActionAnswered, Answer: "she found work", At: at},
				{Item: store.ItemCommitment, SessionUID: "week1", ItemID: 1, Text: "write to the MP", Name: "Cy", Action: store.ActionDone, At: at},
			},
		},
		Notes: map[string]store.Note{
			"faq/what-is-cybersex-trafficking":        {Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection, Text: "We were quiet."},
			"faq/what-is-cybersex-trafficking@leader": {Key: "faq/what-is-cybersex-trafficking@leader", Kind: store.NoteLeader, Text: "Ben left the room."},
			"reflection/clarity#1":                    {Key: "reflection/clarity#1", Kind: store.NoteResponse, Text: "God sees them."},
			"prayer#group@leader":                     {Key: "prayer#group@leader", Kind: store.NoteSection, Text: "Check on Ana."},
			"next#commitments":                        {Key: "next#commitments", Kind: store.NoteLeader, Text: "Only the leader's, by kind."},
			"debrief@leader":                          {Key: "debrief@leader", Kind: store.NoteLeader, Text: "Follow up with Ben."},
		},
		Requests: []store.Request{
			{ID: 1, Text: "for the children", Name: "Ana", Created: at, PrayedIn: []string{"week3"}},
			{ID: 2, Text: "for my brother", Name: "Ben", Private: true, Created: at},
		},
		Commitments: []store.Commitment{
			{ID: 1, Text: "give to IJM", Name: "Cy", Created: at},
		},
	}
}

func cloneRecord(rec store.Record) store.Record {
	out := rec
	out.Session = copySession(rec.Session)
	out.Notes = map[string]store.Note{}
	for k, n := range rec.Notes {
		out.Notes[k] = n
	}
	out.Requests = nil
	for _, r := range rec.Requests {
		r.PrayedIn = slices.Clone(r.PrayedIn)
		out.Requests = append(out.Requests, r)
	}
	out.Commitments = slices.Clone(rec.Commitments)
	return out
}

func noteKeys(rec store.Record) []string { return sortedKeys(rec.Notes) }

// filterOf is Filter(rec, v), failing the test when Filter changed rec.
func filterOf(t *testing.T, rec store.Record, v View) store.Record {
	t.Helper()
	before := cloneRecord(rec)
	got := Filter(rec, v)
	if !reflect.DeepEqual(rec, before) {
		t.Errorf("Filter(%v) changed its input:\n got %+v\nwant %+v", v, rec, before)
	}
	return got
}

func TestFilterLeaderIsEverything(t *testing.T) {
	rec := privacyFixture()
	if got := Filter(rec, Leader); !reflect.DeepEqual(got, privacyFixture()) {
		t.Errorf("the leader's view is not the record:\n%+v", got)
	}
}

func TestFilterShared(t *testing.T) {
	rec := privacyFixture()
	got := filterOf(t, rec, Shared)

	if want := []string{"faq/what-is-cybersex-trafficking", "reflection/clarity#1"}; !reflect.DeepEqual(noteKeys(got), want) {
		t.Errorf("shared notes %v, want %v", noteKeys(got), want)
	}
	if len(got.Requests) != 1 || got.Requests[0].Text != "for the children" || got.Requests[0].Name != "Ana" {
		t.Errorf("shared requests %+v", got.Requests)
	}
	if len(got.Session.Revisited) != 2 || got.Session.Revisited[0].ItemID != 1 || got.Session.Revisited[1].Item != store.ItemCommitment {
		t.Errorf("shared revisits %+v", got.Session.Revisited)
	}
	for _, rv := range got.Session.Revisited {
		if rv.Private || strings.Contains(rv.Answer, "work") {
			t.Errorf("a revisit of a private request is shown: %+v", rv)
		}
	}
	// Names stay: the room knows who asked.
	if got.Session.Attendance != "Ana, Ben" || got.Commitments[0].Name != "Cy" || got.Session.Revisited[0].Name != "Ana" {
		t.Errorf("the shared view lost names: %q, %+v", got.Session.Attendance, got.Commitments)
	}
	// A shared copy leaves things out, so it is another session: UIDs of
	// its own, never the original's nor the redacted copy's.
	red := Filter(rec, Redacted)
	if got.Session.UID == rec.Session.UID || got.Session.UID == red.Session.UID || got.Session.UID != Filter(rec, Shared).Session.UID {
		t.Errorf("the shared copy's UID %q: original %q, redacted %q", got.Session.UID, rec.Session.UID, red.Session.UID)
	}
	if got.Requests[0].PrayedIn[0] == "week3" || got.Requests[0].PrayedIn[0] != Shared.copyUID("week3") {
		t.Errorf("the shared copy kept the original session UIDs in PrayedIn: %v", got.Requests[0].PrayedIn)
	}
}

func TestFilterRedacted(t *testing.T) {
	rec := privacyFixture()
	got := filterOf(t, rec, Redacted)

	if want := []string{"faq/what-is-cybersex-trafficking", "reflection/clarity#1"}; !reflect.DeepEqual(noteKeys(got), want) {
		t.Errorf("redacted notes %v, want %v", noteKeys(got), want)
	}
	if len(got.Requests) != 1 || got.Requests[0].Name != Participant {
		t.Errorf("redacted requests %+v", got.Requests)
	}
	if len(got.Commitments) != 1 || got.Commitments[0].Name != Participant {
		t.Errorf("redacted commitments %+v", got.Commitments)
	}
	if len(got.Session.Revisited) != 2 {
		t.Fatalf("redacted revisits %+v", got.Session.Revisited)
	}
	for _, rv := range got.Session.Revisited {
		if rv.Name != Participant || rv.Private || rv.SessionUID == "week1" {
			t.Errorf("redacted revisit %+v", rv)
		}
	}
	if got.Session.Attendance != "" {
		t.Errorf("attendance %q survived", got.Session.Attendance)
	}
	uid := got.Session.UID
	if uid == "" || uid == rec.Session.UID {
		t.Errorf("redacted UID %q, the original was %q", uid, rec.Session.UID)
	}
	if again := Filter(rec, Redacted); again.Session.UID != uid || again.Requests[0].PrayedIn[0] != got.Requests[0].PrayedIn[0] {
		t.Errorf("redacting twice gave UIDs %q and %q", uid, again.Session.UID)
	}
	if got.Requests[0].PrayedIn[0] == "week3" {
		t.Errorf("PrayedIn kept the full session's UID")
	}
	// A different session gets a different redacted UID.
	other := privacyFixture()
	other.Session.UID = "fedcba9876543210fedcba9876543210"
	if Filter(other, Redacted).Session.UID == uid {
		t.Errorf("two sessions share a redacted UID")
	}
	// No name the session knows is left in what the view holds.
	for _, name := range []string{"Ana", "Ben", "Cy"} {
		for _, s := range redactedStrings(got) {
			if strings.Contains(s, name) {
				t.Errorf("%q survives redaction in %q", name, s)
			}
		}
	}
}

// redactedStrings are the names and attendance a record holds.
func redactedStrings(rec store.Record) []string {
	return append([]string{rec.Session.Attendance}, namesIn(rec)...)
}

func TestFilterRedactedWithoutUIDDerivesOne(t *testing.T) {
	rec := privacyFixture()
	rec.Session.UID = ""
	a, b := Filter(rec, Redacted).Session.UID, Filter(rec, Redacted).Session.UID
	if a == "" || a != b {
		t.Errorf("redacted UIDs of a session without one: %q, %q", a, b)
	}
	rec.Session.Created = rec.Session.Created.Add(time.Second)
	if Filter(rec, Redacted).Session.UID == a {
		t.Errorf("a different session got the same derived UID")
	}
}

func TestFilterZeroViewShowsNothing(t *testing.T) {
	got := Filter(privacyFixture(), View(0))
	if len(got.Notes) != 0 || len(got.Requests) != 0 || len(got.Commitments) != 0 || len(got.Session.Revisited) != 0 || got.Session.Attendance != "" {
		t.Errorf("the zero view shows %+v", got)
	}
}
