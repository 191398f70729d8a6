package plain

import (
	"strings"
	"testing"

	"vigil/guides"
	"vigil/internal/storetest"
	"vigil/session"
	"vigil/store"
)

// TestPlainGentlerPathHeadlines walks the seed guide's gentler path to its
// first prayer request, whose text describes abuse: plain mode shows its
// headline only, and its text after r.
func TestPlainGentlerPathHeadlines(t *testing.T) {
	g := guides.Default()
	cfg, st := plainSession(t, g)
	resume := func() {
		o, err := session.Resume(st, cfg.Library, cfg.Start.Record.Session.ID)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Start = o
	}
	const text = "often being abused by relatives or neighbors"
	out := runScript(t, cfg, "g\n", repeat("n", 8), "q\n")
	mustContain(t, out, "Pray for young boys and girls who are suffering in secret right now in the Philippines.",
		"The details of this request describe abuse; type r to read them.")
	mustNotContain(t, out, text)

	resume()
	out = runScript(t, cfg, "r\n", "q\n")
	mustContain(t, out, text)

	// The next request, which does not describe abuse, shows its text; the
	// one after it shows its headline again.
	resume()
	out = runScript(t, cfg, "n\n", "n\n", "q\n")
	mustContain(t, out, "Pray for clear communications between all the relevant agencies")
	_, third, _ := strings.Cut(out, "request 3 of 5")
	if !strings.Contains(third, "The details of this request describe abuse") {
		t.Errorf("the third request is not headline-only:\n%s", out)
	}
	mustNotContain(t, out, "customers located anywhere in the world to watch")
}

// TestPlainAlone walks a session of one person: the words speak to them,
// there is no debrief and no leader's notes.
func TestPlainAlone(t *testing.T) {
	st := storetest.Open(t, fixedClock)
	g := tinyGuide()
	o, err := session.NewSession(st, g, session.Start{Alone: true, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: o}
	out := runScript(t, cfg,
		"g\n", "It helps.\n", "n\n", "pass\n", "n\n", "n\n", // prayer#group
		"a\n", "For my sister\n", "\n", "\n",
		"n\n", "n\n", "n\n", // closing
		"n\n", "Quiet.\n", "n\n", // check-in, then the summary
	)
	mustContain(t, out, "Passed: you pass this prompt.", "Your own requests",
		"How are you leaving this?", "What you wrote", "How you were leaving:\n- Quiet.", "Some prompts were written for a group")
	mustNotContain(t, out, "For the leader", "Listen; do not probe.", "Debrief", "The group's", "What the group captured")
	rec := loadRecord(t, st, o.Record.Session.ID)
	if n := rec.Notes["reflection/clarity#1"]; n.Text != "It helps." || n.Kind != store.NoteResponse {
		t.Errorf("the response alone is %+v", n)
	}
	if rec.Session.Position.Page != session.KeySummary {
		t.Errorf("ended at %q", rec.Session.Position.Page)
	}
}

// TestPlainFollowUpAndLeaderNote: the content note shows the guide's note
// for the leader, and the last meeting's debrief note comes first at the
// group's next meeting.
func TestPlainFollowUpAndLeaderNote(t *testing.T) {
	g := tinyGuide()
	g.Meta.LeaderNote = "Say what stays in the room."
	cfg, st := plainSession(t, g)
	out := runScript(t, cfg, "f\n", repeat("n", 10), "Ring Ben on Saturday.\n", "q\n")
	mustContain(t, out, "For the leader:\nSay what stays in the room.")

	next := newSession(t, st, g, "Thursday group")
	cfg.Start = next
	out = runScript(t, cfg, "q\n")
	mustContain(t, out, session.FollowUpLabel+":\nRing Ben on Saturday.")
	if strings.Index(out, "Ring Ben") > strings.Index(out, "Before we begin") {
		t.Errorf("the follow-up does not come first:\n%s", out)
	}
	other := newSession(t, st, g, "Sunday group")
	cfg.Start = other
	mustNotContain(t, runScript(t, cfg, "q\n"), "Ring Ben")
}

func TestPlainRevisitCountsSessions(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	runScript(t, cfg, "f\n", repeat("n", 5), "a\n", "For rain\n", "\n", "n\n", "q\n")
	cfg.Start = newSession(t, st, tinyGuide(), "Thursday group")
	out := runScript(t, cfg, "f\n", "q\n")
	mustContain(t, out, "prayed in 0 sessions")
	mustNotContain(t, out, "(s)")
}
