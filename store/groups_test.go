package store

import (
	"testing"
	"time"
)

func TestGroupsAndTheirRequests(t *testing.T) {
	s, _ := openTest(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 19, 0, 0, 0, time.UTC) }
	mk := func(group string, d int, reqs ...Request) Session {
		sess, err := s.CreateSession(Session{GuideID: "g", Group: group, Created: day(d),
			Prayed: map[string]time.Time{"prayer/a": day(d)}})
		if err != nil {
			t.Fatal(err)
		}
		if len(reqs) > 0 {
			if err := s.Apply(Change{SessionID: sess.ID, Requests: reqs}); err != nil {
				t.Fatal(err)
			}
		}
		return sess
	}
	w1 := mk("Thursday group", 5, Request{ID: 1, Text: "for Ana"}, Request{ID: 2, Text: "for Ben", Status: RequestAnswered})
	mk(" thursday GROUP ", 12, Request{ID: 1, Text: "for Cy"})
	mk("Youth", 10, Request{ID: 1, Text: "for Dee"})
	mk("", 11, Request{ID: 1, Text: "alone"})

	groups, err := s.Groups()
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 {
		t.Fatalf("groups %+v", groups)
	}
	g := groups[0]
	if g.Name != "thursday GROUP" || g.Sessions != 2 || g.Open != 2 || !g.Last.Equal(day(12)) {
		t.Errorf("first group %+v", g)
	}
	if groups[1].Name != "Youth" || groups[1].Open != 1 {
		t.Errorf("second group %+v", groups[1])
	}

	reqs, err := s.GroupRequests("Thursday Group")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range reqs {
		texts = append(texts, r.Request.Text)
	}
	if len(reqs) != 3 || texts[0] != "for Ana" || texts[2] != "for Cy" || reqs[0].SessionUID != w1.UID {
		t.Errorf("group requests %v", texts)
	}
	all, _ := s.GroupRequests("")
	if len(all) != 4 {
		t.Errorf("every group's requests: %d", len(all))
	}
	prayed, err := s.GroupPrayed("thursday group")
	if err != nil {
		t.Fatal(err)
	}
	if prayed["prayer/a"] != 2 {
		t.Errorf("prayed %v", prayed)
	}
}

// TestGroupsCountPrivateOpenRequests: the home screen says how many of a
// group's open requests are private, from the same read as the others.
func TestGroupsCountPrivateOpenRequests(t *testing.T) {
	s, _ := openTest(t)
	sess, err := s.CreateSession(Session{GuideID: "g", Group: "Thursday group"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Change{SessionID: sess.ID, Requests: []Request{
		{ID: 1, Text: "for Cy"},
		{ID: 2, Text: "told in confidence", Private: true},
		{ID: 3, Text: "private, answered", Private: true, Status: RequestAnswered},
	}}); err != nil {
		t.Fatal(err)
	}
	groups, err := s.Groups()
	if err != nil || len(groups) != 1 {
		t.Fatalf("groups %+v, %v", groups, err)
	}
	if g := groups[0]; g.Open != 2 || g.Private != 1 {
		t.Errorf("open %d, private %d; want 2 open, 1 of them private", g.Open, g.Private)
	}
	if !SameGroup(" thursday GROUP ", "Thursday group") || SameGroup("Thursday", "Thursday group") {
		t.Error("SameGroup does not match names as people type them")
	}
}
