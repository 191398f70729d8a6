package session

import (
	"slices"
	"strings"
	"testing"
	"time"

	"vigil/store"
)

// redactFixture is a session whose people have the names a group in Manila
// or Madrid might have, with a group named after someone.
func redactFixture() store.Record {
	at := time.Date(2026, 11, 26, 19, 30, 0, 0, time.FixedZone("PHT", 8*3600))
	rec := store.Record{
		Session: store.Session{
			UID: "0123456789abcdef0123456789abcdef", GuideID: "cybersex-trafficking-faqs", GuideTitle: "Cybersex Trafficking FAQs",
			Group: "Maria Gonzalez support group", Title: "Week 1", Created: at, Updated: at.Add(time.Hour),
			Attendance: "Ma. Cristina dela Cruz, José Ángel Núñez & Jun-Jun; Bea and Carla\nBen",
			Prayed:     map[string]time.Time{"prayer/x": at},
		},
		Notes: map[string]store.Note{
			"faq/what-is-cybersex-trafficking": {Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection, Text: "Carla found it hard to hear.", Updated: at},
		},
		Requests: []store.Request{
			{ID: 1, Text: "For Dolores's work", Name: "Dolores", Created: at, ClosedAt: at, Status: store.RequestAnswered, Answer: "Dolores found a job on 3 December"},
			{ID: 2, Text: "Told in confidence", Name: "Teodoro Reyes", Private: true, Created: at},
		},
		Commitments: []store.Commitment{{ID: 1, Text: "Call Bea", Name: "Rosario", Created: at}},
	}
	rec.Session.Revisited = []store.Revisit{{Item: store.ItemRequest, SessionUID: "week1", ItemID: 1, Text: "For Lito's hearing", Name: "Lito", Action: store.ActionAnswered, Answer: "Lito won", At: at}}
	return rec
}

// TestRedactText: what the redactor does to one piece of free text, with
// the seed guide (whose own links and numbers stay).
func TestRedactText(t *testing.T) {
	r := newRedactor(redactFixture(), seed())
	for _, c := range []struct{ in, want string }{
		// Names the session knows, as whole words, in any case, with
		// possessives, and each word of a full name.
		{"Carla found it hard to hear.", "A participant found it hard to hear."},
		{"Ben asked how common this is. Carla said nothing.", "A participant asked how common this is. A participant said nothing."},
		{"Pray for Carla's mother and Bea’s son.", "Pray for a participant's mother and a participant’s son."},
		{"CARLA and carla", "A participant and a participant"},
		{"Ma. Cristina dela Cruz shared first.", "A participant shared first."},
		{"Thanks to Cristina and Cruz.", "Thanks to a participant and a participant."},
		{"José Ángel Núñez prayed; jose and NUNEZ too.", "A participant prayed; a participant and a participant too."},
		{"Jun-Jun's dad came.", "A participant's dad came."},
		{"We met Dolores, Teodoro and Rosario, then Lito.", "We met a participant, a participant and a participant, then a participant."},
		{"Benjamin and Carlos are not Ben or Carla.", "Benjamin and Carlos are not a participant or a participant."},
		{"The la and de in a name are not names.", "The la and de in a name are not names."},
		// The group (and a name in it) and the title.
		{"The Maria Gonzalez support group met.", "The the group met."},
		{"Maria called.", "A participant called."},
		{"Week 1 went well.", "The session went well."},
		// Phone numbers.
		{"Call +63 2 8123 4567 tonight", "Call [phone] tonight"},
		{"(555) 123-4567, 555-123-4567 or 0917 123 4567", "[phone], [phone] or [phone]"},
		{"text 5551234567 or +1 555.123.4567.", "text [phone] or [phone]."},
		{"Room 1343, 12 of us, 2026 was hard, 10,000 children", "Room 1343, 12 of us, 2026 was hard, 10,000 children"},
		// E-mail and web addresses.
		{"Write to maria.g@example.com.", "Write to [e-mail]."},
		{"See facebook.com/maria.g and https://instagram.com/x!", "See [web address] and [web address]!"},
		{"https://example.org/?id=5 or www.example.com/u/jun", "[web address] or [web address]"},
		{"Give at ijm.org, www.IJM.org or https://www.ijm.org/", "Give at ijm.org, www.IJM.org or https://www.ijm.org/"},
		{"The guide's www.IJM.org/IFLOCAL stays.", "The guide's www.IJM.org/IFLOCAL stays."},
		{"Text @junjun_bea, not junjun_bea.", "Text [handle], not junjun_bea."},
		// Street addresses.
		{"She lives at 12 Rizal St, Quezon City.", "She lives at [address]."},
		{"123 Main Street and 45 Avenida Juárez", "[address] and [address]"},
		{"Purok 3, Barangay San Roque; Calle Sol 12", "[address]; [address]"},
		{"Blk 5 Lot 12 Phase 2", "[address]"},
		{"2 sisters at St. Luke's; 3 hours on the road", "2 sisters at St. Luke's; 3 hours on the road"},
		// Dates, kept to the month.
		{"on 2026-11-26, 26/11/2026 and 11/26/2026", "on November 2026, November 2026 and November 2026"},
		{"26 November 2026; November 26, 2026; Nov 26", "November 2026; November 2026; November"},
		{"Thursday 26 November at 7", "November at 7"},
		{"el 26 de noviembre de 2026", "el November 2026"},
		{"03/04/2026", "[a date in 2026]"},
		{"26.11.2026 and 2026/11/26", "November 2026 and November 2026"},
		{"Jose\u0301 and Cristína came", "A participant and a participant came"},
		{"24/7, at 19:30, may 5 of us come", "24/7, at 19:30, may 5 of us come"},
	} {
		if got := r.text(c.in); got != c.want {
			t.Errorf("redact %q\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestRedactTextWithoutGuide: with no guide to say which links are its
// own, only bare domains stay.
func TestRedactTextWithoutGuide(t *testing.T) {
	r := newRedactor(redactFixture(), nil)
	if got := r.text("www.IJM.org/IFLOCAL and ijm.org"); got != "[web address] and ijm.org" {
		t.Errorf("got %q", got)
	}
}

func TestSplitAttendance(t *testing.T) {
	got := splitAttendance("Ma. Cristina dela Cruz, José & Jun-Jun; Bea and Carla\nBen y Ana / Lito + Dee")
	want := []string{"Ma. Cristina dela Cruz", "José", "Jun-Jun", "Bea", "Carla", "Ben", "Ana", "Lito", "Dee"}
	if !slices.Equal(got, want) {
		t.Errorf("splitAttendance = %q, want %q", got, want)
	}
}

// TestFilterRedactedText: the redacted view redacts every piece of free
// text, leaves out the group, title and who was there, and keeps every
// time to its month.
func TestFilterRedactedText(t *testing.T) {
	rec := redactFixture()
	before := cloneRecord(rec)
	got := filterOf(t, rec, Redacted)
	s := got.Session
	if s.Group != "" || s.Title != "" || s.Attendance != "" {
		t.Errorf("group %q, title %q, attendance %q survived", s.Group, s.Title, s.Attendance)
	}
	month := time.Date(2026, 11, 1, 0, 0, 0, 0, rec.Session.Created.Location())
	times := []time.Time{s.Created, s.Updated, s.Prayed["prayer/x"], got.Notes["faq/what-is-cybersex-trafficking"].Updated,
		got.Requests[0].Created, got.Requests[0].ClosedAt, got.Commitments[0].Created, s.Revisited[0].At}
	for i, tm := range times {
		if !tm.Equal(month) {
			t.Errorf("time %d is %v, want the first of its month", i, tm)
		}
	}
	texts := []string{got.Notes["faq/what-is-cybersex-trafficking"].Text, got.Requests[0].Text, got.Requests[0].Answer,
		got.Commitments[0].Text, s.Revisited[0].Text, s.Revisited[0].Answer}
	want := []string{"A participant found it hard to hear.", "For a participant's work", "A participant found a job on December",
		"Call a participant", "For a participant's hearing", "A participant won"}
	if !slices.Equal(texts, want) {
		t.Errorf("redacted texts\n got %q\nwant %q", texts, want)
	}
	if len(got.Requests) != 1 {
		t.Errorf("the private request was kept: %+v", got.Requests)
	}
	if !got.Requests[0].ClosedAt.IsZero() && rec.Requests[0].ClosedAt.IsZero() {
		t.Error("a zero time became a month")
	}
	if shared := Filter(rec, Shared); shared.Session.Group != rec.Session.Group || shared.Notes["faq/what-is-cybersex-trafficking"].Text != "Carla found it hard to hear." {
		t.Error("the shared view was redacted")
	}
	if again := Filter(rec, Redacted); !sameStrings(again, got) {
		t.Error("redacting twice gave different text")
	}
	if !slices.Equal(Filter(before, Redacted).Requests[0].PrayedIn, got.Requests[0].PrayedIn) || rec.Session.Group != before.Session.Group ||
		rec.Notes["faq/what-is-cybersex-trafficking"].Text != before.Notes["faq/what-is-cybersex-trafficking"].Text || !rec.Session.Prayed["prayer/x"].Equal(before.Session.Prayed["prayer/x"]) {
		t.Error("Filter changed its input")
	}
}

func sameStrings(a, b store.Record) bool {
	return a.Notes["faq/what-is-cybersex-trafficking"].Text == b.Notes["faq/what-is-cybersex-trafficking"].Text &&
		a.Requests[0].Answer == b.Requests[0].Answer && a.Session.UID == b.Session.UID
}

// TestCaptureRedactedHeadingAndFacts: the heading of a redacted session
// names the guide and the month; its facts name no group, title or
// people, and the month alone.
func TestCaptureRedactedHeadingAndFacts(t *testing.T) {
	c := Capture(redactFixture(), seed(), Redacted)
	if c.Heading != "Cybersex Trafficking FAQs — November 2026" {
		t.Errorf("heading %q", c.Heading)
	}
	for _, f := range c.Facts {
		switch f.Label {
		case "Group", "Title", "Present":
			t.Errorf("fact %s: %q", f.Label, f.Value)
		case "Held":
			if f.Value != "November 2026" {
				t.Errorf("held %q, want the month", f.Value)
			}
		}
		for _, leak := range []string{"Maria", "Week 1", "26 ", "19:30", "Thursday"} {
			if strings.Contains(f.Value, leak) {
				t.Errorf("fact %s: %q shows %q", f.Label, f.Value, leak)
			}
		}
	}
	leader := Capture(redactFixture(), seed(), Leader)
	if !strings.HasPrefix(leader.Heading, "Week 1 — 26 November 2026") {
		t.Errorf("the leader's heading changed: %q", leader.Heading)
	}
}
