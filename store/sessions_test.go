package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func fullSession(c *clock) Session {
	return Session{
		GuideID:    "cybersex-trafficking-faqs",
		GuideTitle: "Cybersex Trafficking FAQs",
		Group:      "Tuesday group",
		Title:      "Week one",
		Path:       PathGentle,
		Position:   Position{Stage: StageSection, Page: "reflection/clarity#1"},
		Seen:       4,
		Total:      12,
		Prayed:     map[string]time.Time{"prayer-for-survivors": c.Now().Add(-time.Minute)},
		Spent:      map[string]int64{"faq": 300, "reflection": 900},
	}
}

func TestRoundTripEveryType(t *testing.T) {
	path := dbPath(t)
	c := newClock()
	s := openAt(t, path, c.opts())

	sess, err := s.CreateSession(fullSession(c))
	if err != nil {
		t.Fatal(err)
	}
	if sess.ID != 1 || !sess.Created.Equal(c.Now()) || !sess.Updated.Equal(c.Now()) {
		t.Fatalf("created %+v: want ID 1 and times from the clock", sess)
	}
	c.Add(time.Minute)
	notes := []Note{
		{Key: "faq/what-is-it", Kind: NoteSection, Text: "We talked about\nhow it starts.", Updated: c.Now()},
		{Key: "reflection/clarity#1", Kind: NoteResponse, Text: "Clarity: naming it."},
		{Key: "leader#private", Kind: NoteLeader, Text: "Check in with J. after — ünïcode ✝"},
	}
	requests := []Request{
		{ID: 2, Text: "For my sister", Name: "A.", Private: true, Created: c.Now()},
		{ID: 1, Text: "For the children in the news", Prayed: true},
	}
	commitments := []Commitment{{ID: 1, Text: "Read the report", Name: "B."}}
	if err := s.Apply(Change{SessionID: sess.ID, Notes: notes, Requests: requests, Commitments: commitments}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, c.opts()) // read back from disk, not from memory
	got, err := s.Load(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantSess := sess
	wantSess.Updated = c.Now()
	if !reflect.DeepEqual(got.Session, wantSess) {
		t.Errorf("session:\n got %+v\nwant %+v", got.Session, wantSess)
	}
	wantNotes := map[string]Note{}
	for _, n := range notes {
		if n.Updated.IsZero() {
			n.Updated = c.Now()
		}
		wantNotes[n.Key] = n
	}
	if !reflect.DeepEqual(got.Notes, wantNotes) {
		t.Errorf("notes:\n got %+v\nwant %+v", got.Notes, wantNotes)
	}
	wantReq := []Request{requests[1], requests[0]} // in ID order
	wantReq[0].Created = c.Now()
	if !reflect.DeepEqual(got.Requests, wantReq) {
		t.Errorf("requests:\n got %+v\nwant %+v", got.Requests, wantReq)
	}
	wantCom := []Commitment{commitments[0]}
	wantCom[0].Created = c.Now()
	if !reflect.DeepEqual(got.Commitments, wantCom) {
		t.Errorf("commitments:\n got %+v\nwant %+v", got.Commitments, wantCom)
	}
}

func TestApplyUpsertsAndSetsUpdated(t *testing.T) {
	s, c := openTest(t)
	sess, err := s.CreateSession(fullSession(c))
	if err != nil {
		t.Fatal(err)
	}
	created := sess.Created
	c.Add(time.Hour)
	if err := s.Apply(Change{SessionID: sess.ID, Notes: []Note{{Key: "k", Kind: NoteSection, Text: "first"}}}); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	header := sess
	header.Created = time.Time{} // zero: the stored one is kept
	header.Position = Position{Stage: StageSummary}
	err = s.Apply(Change{
		SessionID: sess.ID,
		Session:   &header,
		Notes:     []Note{{Key: "k", Kind: NoteSection, Text: "second"}},
		Requests:  []Request{{ID: 1, Text: "r"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Load(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Notes) != 1 || rec.Notes["k"].Text != "second" || !rec.Notes["k"].Updated.Equal(c.Now()) {
		t.Errorf("notes = %+v, want the second text only, updated now", rec.Notes)
	}
	if !rec.Session.Updated.Equal(c.Now()) || !rec.Session.Created.Equal(created) || rec.Session.Position.Stage != StageSummary {
		t.Errorf("session = %+v", rec.Session)
	}
	// A change with nothing in it still marks the session as touched.
	c.Add(time.Minute)
	if err := s.Apply(Change{SessionID: sess.ID}); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.Latest(); !l.Updated.Equal(c.Now()) {
		t.Errorf("Updated = %v, want %v", l.Updated, c.Now())
	}
}

func TestApplyRejectsWhatCannotBeStored(t *testing.T) {
	s, c := openTest(t)
	sess, _ := s.CreateSession(fullSession(c))
	bad := []Change{
		{SessionID: sess.ID, Notes: []Note{{Key: "ok", Text: "kept back"}, {Key: "", Text: "secret"}}},
		{SessionID: sess.ID, Requests: []Request{{Text: "secret"}}},
		{SessionID: sess.ID, Commitments: []Commitment{{Text: "secret"}}},
	}
	for i, ch := range bad {
		err := s.Apply(ch)
		if err == nil {
			t.Fatalf("change %d: no error", i)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("change %d: error shows the text: %v", i, err)
		}
	}
	rec, _ := s.Load(sess.ID)
	if len(rec.Notes) != 0 {
		t.Errorf("a rejected change wrote %v", rec.Notes)
	}
}

func TestSessionsNewestFirstWithLimit(t *testing.T) {
	s, c := openTest(t)
	for i := 0; i < 5; i++ {
		if _, err := s.CreateSession(Session{Title: string(rune('a' + i))}); err != nil {
			t.Fatal(err)
		}
		c.Add(time.Minute)
	}
	ids := func(list []Session) (out []uint64) {
		for _, x := range list {
			out = append(out, x.ID)
		}
		return out
	}
	for _, tc := range []struct {
		limit int
		want  []uint64
	}{
		{3, []uint64{5, 4, 3}},
		{1, []uint64{5}},
		{5, []uint64{5, 4, 3, 2, 1}},
		{50, []uint64{5, 4, 3, 2, 1}},
		{0, []uint64{5, 4, 3, 2, 1}},
	} {
		list, err := s.Sessions(tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(list); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sessions(%d) = %v, want %v", tc.limit, got, tc.want)
		}
	}
	latest, err := s.Latest()
	if err != nil || latest.ID != 5 || latest.Title != "e" {
		t.Errorf("Latest = %+v, %v; want session 5", latest, err)
	}
}

func TestNotFound(t *testing.T) {
	s, c := openTest(t)
	if _, err := s.Latest(); !errors.Is(err, ErrNotFound) {
		t.Errorf("Latest on an empty database: %v, want ErrNotFound", err)
	}
	if list, err := s.Sessions(10); err != nil || len(list) != 0 {
		t.Errorf("Sessions on an empty database = %v, %v", list, err)
	}
	if _, err := s.Load(7); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load(7): %v, want ErrNotFound", err)
	}
	for _, id := range []uint64{0, 7} {
		if err := s.Apply(Change{SessionID: id, Notes: []Note{{Key: "k"}}}); !errors.Is(err, ErrNotFound) {
			t.Errorf("Apply on session %d: %v, want ErrNotFound", id, err)
		}
	}
	if err := s.DeleteSession(7); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteSession(7): %v, want ErrNotFound", err)
	}
	s.CreateSession(fullSession(c))
	if _, err := s.Load(2); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load(2): %v, want ErrNotFound", err)
	}
}

func TestNextIDsArePastTheHighest(t *testing.T) {
	var r Record
	if r.NextRequestID() != 1 || r.NextCommitmentID() != 1 {
		t.Fatal("an empty session does not start at 1")
	}
	r.Requests = []Request{{ID: 3}, {ID: 1}}
	r.Commitments = []Commitment{{ID: 7}}
	if r.NextRequestID() != 4 || r.NextCommitmentID() != 8 {
		t.Errorf("next IDs %d, %d; want 4, 8", r.NextRequestID(), r.NextCommitmentID())
	}
}
