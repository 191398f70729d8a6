package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// importRecord is a session with something of every kind in it.
func importRecord(uid string) Record {
	at := time.Date(2026, 11, 26, 19, 30, 0, 0, time.FixedZone("", -5*3600))
	sess := Session{
		ID: 42, UID: uid, GuideID: "cybersex-trafficking-faqs", GuideHash: "abc", GuideTitle: "Cybersex Trafficking FAQs",
		Group: "Thursday group", Title: "Week 1", Created: at, Updated: at.Add(time.Hour), Path: PathFull,
		Position: Position{Stage: StageSummary, Page: "summary"}, Seen: 20, Total: 20,
		Prayed: map[string]time.Time{"prayer/x": at.Add(30 * time.Minute)}, Spent: map[string]int64{"faq": 600},
		Budget: map[string]int{"faq": 20}, Attendance: "A, B",
	}
	return Record{
		Session: sess,
		Notes: map[string]Note{
			"faq/a":        {Key: "faq/a", Kind: NoteSection, Text: "note", Updated: at},
			"faq/a@leader": {Key: "faq/a@leader", Kind: NoteLeader, Text: "leader", Updated: at},
		},
		Requests:    []Request{{ID: 1, Text: "r", Name: "N", Private: true, Prayed: true, Created: at, Status: RequestAnswered, Answer: "yes", ClosedAt: at, PrayedIn: []string{"u2"}}},
		Commitments: []Commitment{{ID: 1, Text: "c", Name: "M", Created: at}},
	}
}

func TestImportAddsOnceBySessionUID(t *testing.T) {
	s, c := openTest(t)
	if _, err := s.CreateSession(fullSession(c)); err != nil {
		t.Fatal(err)
	}
	recs := []Record{importRecord("u1"), importRecord("u2"), importRecord("u1")}
	added, skipped, err := s.Import(recs)
	if err != nil || added != 2 || skipped != 1 {
		t.Fatalf("first import: added %d, skipped %d, %v; want 2, 1 (the repeat within the file)", added, skipped, err)
	}
	added, skipped, err = s.Import(recs)
	if err != nil || added != 0 || skipped != 3 {
		t.Fatalf("second import: added %d, skipped %d, %v; want 0, 3", added, skipped, err)
	}
	list, err := s.Sessions(0)
	if err != nil || len(list) != 3 {
		t.Fatalf("after two imports: %d sessions, %v; want 3", len(list), err)
	}
	if list[0].ID != 3 || list[1].ID != 2 {
		t.Errorf("imported sessions got IDs %d and %d, want 3 and 2 from the sequence", list[0].ID, list[1].ID)
	}
}

func TestImportKeepsEveryFieldAsGiven(t *testing.T) {
	s, _ := openTest(t)
	want := importRecord("u1")
	if _, _, err := s.Import([]Record{want}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(1)
	if err != nil {
		t.Fatal(err)
	}
	want.Session.ID = 1
	// Times come back from JSON with their offset but a new *Location.
	if !got.Session.Created.Equal(want.Session.Created) || !got.Session.Updated.Equal(want.Session.Updated) {
		t.Errorf("times changed: %v %v", got.Session.Created, got.Session.Updated)
	}
	a, b := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want)
	if a != b {
		t.Errorf("imported record differs:\n got %s\nwant %s", a, b)
	}
	if !reflect.DeepEqual(got.Session.Spent, want.Session.Spent) || !reflect.DeepEqual(got.Requests[0].PrayedIn, want.Requests[0].PrayedIn) {
		t.Error("maps or lists were not kept")
	}
}

func TestImportRefusesBadRecordsAndWritesNothing(t *testing.T) {
	bad := map[string]func(*Record){
		"no uid":          func(r *Record) { r.Session.UID = "" },
		"no guide":        func(r *Record) { r.Session.GuideID = "" },
		"no created":      func(r *Record) { r.Session.Created = time.Time{} },
		"negative pages":  func(r *Record) { r.Session.Seen = -1 },
		"empty note key":  func(r *Record) { r.Notes[""] = Note{Kind: NoteSection} },
		"misfiled note":   func(r *Record) { r.Notes["faq/b"] = Note{Key: "faq/c", Kind: NoteSection} },
		"unknown kind":    func(r *Record) { r.Notes["faq/b"] = Note{Key: "faq/b", Kind: "secret"} },
		"request no id":   func(r *Record) { r.Requests = append(r.Requests, Request{Text: "x"}) },
		"request twice":   func(r *Record) { r.Requests = append(r.Requests, r.Requests[0]) },
		"commitment zero": func(r *Record) { r.Commitments[0].ID = 0 },
	}
	for name, spoil := range bad {
		t.Run(name, func(t *testing.T) {
			path := dbPath(t)
			s := openAt(t, path, newClock().opts())
			if _, _, err := s.Import([]Record{importRecord("first")}); err != nil {
				t.Fatal(err)
			}
			before := fileSum(t, path)
			rec := importRecord("second")
			spoil(&rec)
			_, _, err := s.Import([]Record{importRecord("good"), rec})
			if !errors.Is(err, ErrInvalidRecord) {
				t.Fatalf("Import: %v, want ErrInvalidRecord", err)
			}
			if list, _ := s.Sessions(0); len(list) != 1 {
				t.Errorf("%d sessions after a refused import, want 1", len(list))
			}
			if fileSum(t, path) != before {
				t.Error("a refused import changed the database file")
			}
		})
	}
}
