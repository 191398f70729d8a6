package export

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// at is a fixed time on the evening of the fixture session, in the time
// zone it was held in.
func at(hour, min int) time.Time {
	return time.Date(2026, 11, 26, hour, min, 0, 0, time.FixedZone("", -5*3600))
}

const fixtureUID = "0123456789abcdef0123456789abcdef"

// fixture is one finished meeting with something in every place an export
// shows: notes, responses, leader's notes, the guide's requests prayed and
// not, the group's requests (one private, one answered), commitments, time
// spent and planned.
func fixture() store.Record {
	note := func(key string, kind store.NoteKind, text string) store.Note {
		return store.Note{Key: key, Kind: kind, Text: text, Updated: at(19, 45)}
	}
	notes := []store.Note{
		note("faq/what-is-cybersex-trafficking", store.NoteSection, "None of us had known how young the children are.\nSomeone asked how to report it."),
		note("faq/what-is-cybersex-trafficking@leader", store.NoteLeader, "Check in with Ben after: his niece is in the Philippines."),
		note("reflection/clarity#1", store.NoteResponse, "It is abuse, whatever the screen makes it look like."),
		note("reflection/clarity#2", store.NoteResponse, "Angry.\n\nThen quiet for a long time."),
		note("reflection/honesty#1", store.NoteResponse, "That we look away because it is far from us."),
		note("reflection/honesty#1@leader", store.NoteLeader, "Leave more silence here next time."),
		note("prayer/pray-for-young-boys-and-girls-who-are-suffering-in-secret", store.NoteSection, "We prayed in silence for a minute, then aloud."),
		note("prayer#group", store.NoteSection, "Requests were shared in pairs first."),
		note("next/next-steps", store.NoteSection, "Watch the IJM video together next week."),
		note("next#commitments", store.NoteSection, "Everyone wrote one step on a card."),
	}
	rec := store.Record{
		Session: store.Session{
			UID: fixtureUID, GuideID: guides.DefaultID, GuideHash: "5f2b", GuideTitle: "Cybersex Trafficking FAQs",
			Group: "Thursday group", Title: "Week 1", Attendance: "Ana, Ben, Chris and Dee",
			Created: at(19, 30), Updated: at(20, 50), Path: store.PathFull,
			Position: store.Position{Stage: store.StageSummary, Page: "summary"}, Seen: 22, Total: 22,
			Prayed: map[string]time.Time{
				"prayer/pray-for-young-boys-and-girls-who-are-suffering-in-secret": at(20, 20),
				"prayer/pray-for-favor-and-good-collaboration-between-ijm-and":     at(20, 24),
			},
			Spent:       map[string]int64{"faq": 1140, "reflection": 1530, "prayer": 790, "next": 295},
			Budget:      map[string]int{"reflection": 25},
			NextMeeting: time.Date(2026, 12, 3, 0, 0, 0, 0, time.FixedZone("", -5*3600)),
		},
		Notes: map[string]store.Note{},
		Requests: []store.Request{
			{ID: 1, Text: "For the children we read about, and for those who search for them.", Name: "Ana", Prayed: true, Created: at(20, 10)},
			{ID: 2, Text: "For my cousin, who is in hospital.", Name: "Ben", Private: true, Created: at(20, 12)},
			{ID: 3, Text: "For the aftercare workers in Manila.", Prayed: true, Created: at(20, 14),
				Status: store.RequestAnswered, Answer: "A new shelter opened in March.", ClosedAt: at(21, 0), PrayedIn: []string{"fedcba9876543210fedcba9876543210"}},
		},
		Commitments: []store.Commitment{
			{ID: 1, Text: "Give to IJM's work in the Philippines.", Name: "Chris", Created: at(20, 40)},
			{ID: 2, Text: "Learn how to report online abuse of a child.", Created: at(20, 42)},
		},
	}
	for _, n := range notes {
		rec.Notes[n.Key] = n
	}
	return rec
}

// openStore opens, or makes, the database at path as every test here
// does: no daily backup, and the clock at the end of the fixture's evening.
func openStore(path string) (*store.Store, error) {
	return store.Open(path, store.Options{NoAutoBackup: true, Now: func() time.Time { return at(22, 0) }})
}

// newStore opens an empty database in a temporary folder.
func newStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := openStore(filepath.Join(t.TempDir(), "vigil.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Check(); err != nil {
			t.Error(err)
		}
		st.Close()
	})
	return st
}

// storeWith opens a database holding recs and returns it with their IDs.
func storeWith(t testing.TB, recs ...store.Record) (*store.Store, []uint64) {
	t.Helper()
	st := newStore(t)
	if _, _, err := st.Import(recs); err != nil {
		t.Fatal(err)
	}
	ids, err := st.AllIDs()
	if err != nil {
		t.Fatal(err)
	}
	return st, ids
}

// library is the embedded guides, as vigil has them with no user guides.
func library() guides.Library { return guides.Library{Guides: guides.Embedded()} }

// export writes ids in format f for view v and returns the output.
func export(t testing.TB, st *store.Store, ids []uint64, f Format, v session.View) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, st, ids, f, Options{Library: library(), View: v}); err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return buf.String()
}

// leader is the options of a full export: the embedded guides, and the
// leader's view (what vigil export writes without --redact).
func leader() Options { return Options{Library: library(), View: session.Leader} }

// viewOf is the view vigil export writes with --redact or without it.
func viewOf(redact bool) session.View {
	if redact {
		return session.Redacted
	}
	return session.Leader
}
