package plain

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/internal/storetest"
	"vigil/session"
	"vigil/store"
)

func TestPlainWalksTinyGuide(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg,
		"f\n", // faq/one
		"A note on one.\n", "And a second line.\n",
		"n\n", "n\n", // reflection/clarity#1
		"Response one.\n",
		"n\n", // reflection/clarity#2
		"pass\n",
		"n\n", // prayer/a
		"m\n",
		"n\n", // prayer#group
		"a\n", "For Ana's mother\n", "Ana\n", "y\n",
		"a\n", "For rain\n", "\n", "\n",
		"m 2\n",
		"n\n", "n\n", // next#commitments
		"a\n", "Call the helpline\n", "Ben\n",
		"n\n",    // closing
		"Amen\n", // the closing takes no note
		"n\n",    // check-in
		"Tired but ok.\n",
		"n\n", // debrief, the leader's
		"Check on Ana.\n",
		"n\n", // summary: plain mode stops here
		"q\n",
	)
	if n := rec0(t, st, cfg); n.Notes["closing"].Text != "" || n.Notes["check-in"].Text != "Tired but ok." ||
		n.Notes["debrief@leader"].Text != "Check on Ana." || n.Notes["debrief@leader"].Kind != store.NoteLeader {
		t.Errorf("close notes: %+v", n.Notes)
	}
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	if n := rec.Notes["faq/one"]; n.Text != "A note on one.\nAnd a second line." || n.Kind != store.NoteSection {
		t.Errorf("note on faq/one = %+v", n)
	}
	if n := rec.Notes["reflection/clarity#1"]; n.Text != "Response one." || n.Kind != store.NoteResponse {
		t.Errorf("response = %+v", n)
	}
	if n := rec.Notes["reflection/clarity#2"]; !n.Passed || n.Text != "" {
		t.Errorf("the second prompt is not passed: %+v", n)
	}
	if _, ok := rec.Session.Prayed["prayer/a"]; !ok {
		t.Errorf("the guide's request is not marked prayed: %v", rec.Session.Prayed)
	}
	if len(rec.Requests) != 2 {
		t.Fatalf("requests = %+v", rec.Requests)
	}
	if r := rec.Requests[0]; r.Text != "For Ana's mother" || r.Name != "Ana" || !r.Private || r.Prayed {
		t.Errorf("first request = %+v", r)
	}
	if r := rec.Requests[1]; r.Text != "For rain" || r.Name != "" || r.Private || !r.Prayed {
		t.Errorf("second request = %+v", r)
	}
	if len(rec.Commitments) != 1 || rec.Commitments[0].Text != "Call the helpline" || rec.Commitments[0].Name != "Ben" {
		t.Errorf("commitments = %+v", rec.Commitments)
	}
	pages := session.BuildPages(tinyGuide(), store.PathFull)
	s := rec.Session
	if s.Position != (store.Position{Stage: store.StageSummary, Page: session.KeySummary}) || s.Seen != len(pages) || s.Total != len(pages) {
		t.Errorf("position %+v, seen %d of %d; want the summary, %d of %d", s.Position, s.Seen, s.Total, len(pages), len(pages))
	}
	mustContain(t, out,
		"Part 1 of 4, question 1 of 2: FAQ", "One\n", "The first answer.", "saved.",
		"Part 2 of 4, step 1 of 1: Reflection", "Prompt 1 of 2: P1?", "For the leader:", "Listen; do not probe.",
		"Passed: the group passes this prompt.",
		"Marked prayed.", "Added request 1: For Ana's mother (Ana) [private]", "Request 2 marked prayed.",
		"What the group captured", "- A note on one.\n  And a second line.", "- P1? — Response one.", "- P2? — Passed.",
		"- Pray for A [prayed]", "- For Ana's mother (Ana · private) [not yet prayed]", "- For rain [prayed]",
		"- Call the helpline (Ben)", "That is the end of the guide.",
		"Closing: Tiny", session.VigilClosing, session.VigilClosingCredit, "Nothing needs to be written here",
		"Check-in: Tiny", "How are you leaving tonight?", session.EmergencyLine, session.CheckInNote,
		"Debrief, for the leader only: Tiny", session.DebriefCare,
		"Check-in\nHow people were leaving:\n- Tired but ok.", "Who may need a follow-up:\n- Leader's note (private) — Check on Ana.")
}

func rec0(t *testing.T, st *store.Store, cfg Config) store.Record {
	t.Helper()
	return loadRecord(t, st, cfg.Start.Record.Session.ID)
}

func TestPlainWalksSeedGuide(t *testing.T) {
	g := guides.Default()
	cfg, st := plainSession(t, g)
	pages := session.BuildPages(g, store.PathFull)
	firstRequest := ""
	for _, p := range pages {
		if p.Kind == session.PageSection && g.Parts[p.Part].Kind == guides.KindPrayer && firstRequest == "" {
			firstRequest = p.Key
		}
	}
	var script []string
	script = append(script, "f\n", "We sat with this in silence first.\n", "h\n")
	for i := 1; i < len(pages)-1; i++ {
		switch pages[i].Key {
		case "reflection/clarity#1":
			script = append(script, "God sees.\n")
		case firstRequest:
			script = append(script, "m\n")
		case session.KeyRequests:
			script = append(script, "a\n", "For Ana's mother\n", "Ana\n", "n\n")
		}
		script = append(script, "n\n")
	}
	out := runScript(t, cfg, script...)
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	if rec.Notes["faq/what-is-cybersex-trafficking"].Text != "We sat with this in silence first." {
		t.Errorf("notes = %+v", rec.Notes)
	}
	if rec.Notes["reflection/clarity#1"].Kind != store.NoteResponse {
		t.Errorf("response = %+v", rec.Notes["reflection/clarity#1"])
	}
	if len(rec.Session.Prayed) != 1 || len(rec.Requests) != 1 || rec.Requests[0].Private {
		t.Errorf("prayed %v, requests %+v", rec.Session.Prayed, rec.Requests)
	}
	if rec.Session.Position.Page != session.KeySummary || rec.Session.Seen != len(pages) {
		t.Errorf("position %+v, seen %d", rec.Session.Position, rec.Session.Seen)
	}
	mustContain(t, out,
		"Content note: Cybersex Trafficking FAQs", "Anyone may step out at any time",
		"Part 1 of 4, question 1 of 5: Cybersex Trafficking FAQs\nWhat is cybersex trafficking?",
		"Part 2 of 4, step 1 of 4: How do I process",
		"Prompt 1 of 2: What does it mean to you that God sees and hears the cries of the vulnerable?",
		"predators who would not have otherwise been able to direct",
		"Rescue: We support", "1. Visit www.IJM.org/IFLOCAL (http://www.IJM.org/IFLOCAL) for more resources",
		"3. Text IFISTAND to 52886 and receive", "What the group captured", "We sat with this in silence first.",
		session.EmergencyLine, session.PainfulLine)
	mustNotContain(t, out, "**", "*who", "<!--", "## ")
	help := helpText(session.HelpOf(g))
	mustContain(t, out, help)
	for _, grp := range g.Meta.Resources {
		mustContain(t, out, session.OneLine(grp.Need))
		for _, r := range grp.Items {
			mustContain(t, out, session.OneLine(r.Name), "For: "+session.OneLine(r.For))
		}
	}
}

// TestPlainHelpFieldsInOneOrder: the help screen lists each resource's
// ways in as session.HelpOf orders them: phone, text, TTY, web.
func TestPlainHelpFieldsInOneOrder(t *testing.T) {
	g := tinyGuide()
	g.Meta.Resources = []guides.ResourceGroup{{Need: "Talk to someone", Items: []guides.Resource{
		{Name: "Line", By: "Org", Web: "https://line.example", TTY: "711", Phone: "555 0100", Text: "HELLO to 555", For: "anyone"},
	}}}
	g.Meta.ResourcesChecked = "2026-01-01"
	got := helpText(session.HelpOf(g))
	want := "\nHelp and report\n" + session.EmergencyLine + "\n" + session.PainfulLine + "\n" +
		"\nTalk to someone\n- Line (Org)\n  Phone: 555 0100\n  Text: HELLO to 555\n  TTY: 711\n  Web: https://line.example\n  For: anyone\n" +
		"\nNumbers and addresses checked on 2026-01-01. They can change.\n"
	if got != want {
		t.Errorf("help:\n got %q\nwant %q", got, want)
	}
	if got := helpText(session.HelpOf(nil)); !strings.Contains(got, "This guide lists no other resources.") {
		t.Errorf("help without resources: %q", got)
	}
}

func TestPlainQuitMidwayThenResume(t *testing.T) {
	g := tinyGuide()
	cfg, st := plainSession(t, g)
	id := cfg.Start.Record.Session.ID
	out := runScript(t, cfg, "f\n", "n\n", "Kept for later.\n", "n\n", "b\n", "q\n", "n\n")
	mustContain(t, out, "Everything is saved in "+st.Path(), "vigil resume 1")
	rec := loadRecord(t, st, id)
	s := rec.Session
	if s.Position != (store.Position{Stage: store.StageSection, Page: "faq/two"}) || s.Seen != 4 || s.Total != 13 {
		t.Errorf("position %+v, seen %d of %d; want faq/two, 4 of 13", s.Position, s.Seen, s.Total)
	}

	// The meeting every front end opens resumes where plain mode left it.
	o, err := session.Resume(st, cfg.Library, id)
	if err != nil {
		t.Fatal(err)
	}
	if m := session.Open(o, fixedClock()); m.Page().Key != "faq/two" {
		t.Errorf("the session resumes at %q, want faq/two", m.Page().Key)
	}

	// And so does plain mode, with the note.
	cfg.Start = o
	out = runScript(t, cfg, "q\n")
	mustContain(t, out, "question 2 of 2", "The second answer.", "The group's note so far:\nKept for later.")
}

func TestPlainGentlerPath(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg, "g\n", "q\n")
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	gentle := session.BuildPages(tinyGuide(), store.PathGentle)
	s := rec.Session
	if s.Path != store.PathGentle || s.Position.Page != "reflection/clarity#1" || s.Total != len(gentle) || s.Seen != 2 {
		t.Errorf("session %+v; want the gentle path at the first prompt, 2 of %d", s, len(gentle))
	}
	mustContain(t, out, "Prompt 1 of 2: P1?")
	mustNotContain(t, out, "The first answer.")
}

func TestPlainEndOfInput(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		cfg, st := plainSession(t, tinyGuide())
		out := runScript(t, cfg)
		mustContain(t, out, "Before we begin", "A short guide.", "Everything is saved in")
		if s := loadRecord(t, st, cfg.Start.Record.Session.ID).Session; s.Position.Page != session.KeyContentNote {
			t.Errorf("position %+v", s.Position)
		}
	})
	t.Run("last line without a newline", func(t *testing.T) {
		cfg, st := plainSession(t, tinyGuide())
		runScript(t, cfg, "f\n", "last words")
		if n := loadRecord(t, st, cfg.Start.Record.Session.ID).Notes["faq/one"]; n.Text != "last words" {
			t.Errorf("note = %+v", n)
		}
	})
	t.Run("in the middle of a request", func(t *testing.T) {
		cfg, st := plainSession(t, tinyGuide())
		runScript(t, cfg, "f\n", repeat("n", 5), "a\n", "Told in confidence\n")
		rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
		if len(rec.Requests) != 1 || !rec.Requests[0].Private {
			t.Errorf("an unanswered request must be kept private: %+v", rec.Requests)
		}
	})
}

func TestPlainPauseShowsNothingOfTheGuide(t *testing.T) {
	cfg, _ := plainSession(t, tinyGuide())
	out := runScript(t, cfg, "f\n", "Something said in the room.\n", "p\n", "\n", "q\n")
	start := strings.Index(out, "Paused.")
	end := strings.Index(out, "Back at")
	if start < 0 || end < start {
		t.Fatalf("no pause in:\n%s", out)
	}
	pause := out[start:end]
	mustContain(t, pause, "Take a moment.", "Press enter to go on.")
	mustNotContain(t, pause, "One", "The first answer", "Something said", "FAQ", "Tiny")
}

func TestPlainCommandsAreNeverNotes(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg, "nonsense\n", "f\n", "a\n", "g\n", "pass\n", "k 2\n", "\n", "?\n", "q\n")
	mustContain(t, out, "Type f for the full guide", "not used on this page", "Commands: type one and press enter.",
		"pass records that the group passes it", "k 3 kept going, d 3 done, l 3 let go")
	if notes := loadRecord(t, st, cfg.Start.Record.Session.ID).Notes; len(notes) != 0 {
		t.Errorf("notes = %+v, want none", notes)
	}
	if c := strings.Count(out, "not used on this page"); c != 4 {
		t.Errorf("a, g, pass and k 2 off their pages: %d refusals, want 4:\n%s", c, out)
	}
}

func TestPlainStripsEscapeSequences(t *testing.T) {
	g := tinyGuide()
	g.Parts[0].Sections[0].Body = "Red \x1b[31malert\x1b[0m and a \x1b]0;title\x07 bell."
	cfg, st := plainSession(t, g)
	out := runScript(t, cfg, "f\n", "left\x1b[D arrow\x07\n", "q\n")
	mustContain(t, out, "Red alert and a  bell.")
	if n := loadRecord(t, st, cfg.Start.Record.Session.ID).Notes["faq/one"]; n.Text != "left arrow" {
		t.Errorf("note = %q", n.Text)
	}
}

func TestPlainAsksToStartOrResume(t *testing.T) {
	st := storetest.Open(t, fixedClock)
	lib := guides.Library{Guides: []*guides.Guide{tinyGuide()}}
	cfg := Config{Store: st, Library: lib}

	out := runScript(t, cfg)
	mustContain(t, out, "n start a new session of Tiny")
	if _, err := st.Latest(); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("nothing typed, yet a session was made: %v", err)
	}

	out = runScript(t, cfg, "r\n", "n\n", "f\n", "Hello.\n", "q\n")
	mustContain(t, out, "no session to resume yet", "Before we begin", "saved.")
	latest, err := st.Latest()
	if err != nil {
		t.Fatal(err)
	}

	out = runScript(t, cfg, "r\n", "q\n")
	mustContain(t, out, "r resume the latest session (Tiny", "The group's note so far:\nHello.")
	if later, _ := st.Sessions(0); len(later) != 1 || later[0].ID != latest.ID {
		t.Errorf("resume made another session: %+v", later)
	}
}

// lineClock hands out input one line per Read and moves an injected clock
// a minute with each line, so a script is also a timeline.
type lineClock struct {
	lines []string
	t     time.Time
}

func (l *lineClock) Read(b []byte) (int, error) {
	if len(l.lines) == 0 {
		return 0, io.EOF
	}
	l.t = l.t.Add(time.Minute)
	n := copy(b, l.lines[0])
	l.lines = l.lines[1:]
	return n, nil
}

func (l *lineClock) now() time.Time { return l.t }

// TestPlainCountsTimePerPart: plain mode counts time per part like the
// screens, and not while paused.
func TestPlainCountsTimePerPart(t *testing.T) {
	st := storetest.Open(t, fixedClock)
	g := tinyGuide()
	in := &lineClock{lines: []string{"n\n", "n\n", "p\n", "\n", "n\n", "q\n"}, t: fixedClock()}
	o, err := session.NewSession(st, g, session.Start{Now: in.now()})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := Run(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: o, Now: in.now}, in, &out); err != nil {
		t.Fatal(err)
	}
	// content note, then faq/one 1 min, faq/two 1 min, pause (not counted),
	// 1 more min of faq/two, then a minute of reflection before q.
	spent := loadRecord(t, st, o.Record.Session.ID).Session.Spent
	if spent["faq"] != 180 || spent["reflection"] != 60 {
		t.Errorf("stored time spent %v, want faq 180 s and reflection 60 s", spent)
	}
}

// secondMeeting makes a group's first meeting, with two requests and a
// commitment, and starts its second.
func secondMeeting(t *testing.T) (cfg Config, st *store.Store, w1, w2 *session.Opened) {
	t.Helper()
	st = storetest.Open(t, fixedClock)
	g := tinyGuide()
	w1 = newSession(t, st, g, "Thursday group")
	if err := st.Apply(store.Change{SessionID: w1.Record.Session.ID,
		Requests:    []store.Request{{ID: 1, Text: "for Ana's mother"}, {ID: 2, Text: "for rain", Private: true}},
		Commitments: []store.Commitment{{ID: 1, Text: "Call the helpline", Name: "Ben"}}}); err != nil {
		t.Fatal(err)
	}
	w2 = newSession(t, st, g, "Thursday group")
	cfg = Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: w2, Now: fixedClock}
	return cfg, st, w1, w2
}

// TestPlainRevisitsEarlierMeeting: a group's second meeting in plain mode
// opens with the first one's open requests and its commitment, numbered
// in one list; what it does with them is in its own record, and the
// requests keep their history in the first.
func TestPlainRevisitsEarlierMeeting(t *testing.T) {
	cfg, st, w1, w2 := secondMeeting(t)
	out := runScript(t, cfg, "f\n", "s 1\n", "Y 2 She is well now\n", "k 3\n", "x 9\n", "s 3\n", "k 1\n", "d 3 soon\n", "q\n")
	mustContain(t, out, "Before the guide: what the group's earlier meetings left open",
		"Requests from earlier meetings", "1. for Ana's mother (open,", "2. for rain [private] (open,",
		"Commitments from last time", "3. Call the helpline (Ben) (not yet revisited)",
		"k N kept going, d N done, l N let go",
		"Request 1 marked prayed again. saved.", "Request 2 marked answered: She is well now. saved.", "Commitment 3 marked still going on. saved.",
		"There is no item 9; the list has 3.", "3 is a commitment: k 3", "1 is a request: s 1",
		"Only y takes words after the number")

	// This meeting's own record says what it did.
	rec2 := loadRecord(t, st, w2.Record.Session.ID)
	got := map[string]store.Revisit{}
	for _, rv := range rec2.Session.Revisited {
		got[string(rv.Item)+":"+rv.Text] = rv
	}
	if len(rec2.Session.Revisited) != 3 ||
		got["request:for Ana's mother"].Action != store.ActionPraying ||
		got["request:for rain"].Action != store.ActionAnswered || got["request:for rain"].Answer != "She is well now" || !got["request:for rain"].Private ||
		got["commitment:Call the helpline"].Action != store.ActionOngoing || got["commitment:Call the helpline"].Name != "Ben" {
		t.Errorf("week 2 revisited %+v", rec2.Session.Revisited)
	}
	// And the requests keep their history where they were made.
	rec1 := loadRecord(t, st, w1.Record.Session.ID)
	if r := rec1.Requests[0]; !slices.Contains(r.PrayedIn, w2.Record.Session.UID) || r.Status != "" {
		t.Errorf("first request after plain revisit: %+v", r)
	}
	if r := rec1.Requests[1]; r.Status != store.RequestAnswered || r.Answer != "She is well now" {
		t.Errorf("second request after plain revisit: %+v", r)
	}
	if len(rec1.Session.Revisited) != 0 {
		t.Errorf("week 1 records week 2's revisits: %+v", rec1.Session.Revisited)
	}

	// Week 2's summary says what week 2 did.
	sum := capturedText(session.Capture(rec2, tinyGuide(), session.Leader))
	mustContain(t, sum, "for rain (private · answered: She is well now)", "Call the helpline (Ben · still going on)")

	// Resumed, the step shows what was done, and the same command again
	// takes it back.
	o, err := session.Resume(st, cfg.Library, w2.Record.Session.ID)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Start = o
	out = runScript(t, cfg, "k 3\n", "q\n")
	mustContain(t, out, "3. Call the helpline (Ben) (marked still going on tonight)", "Commitment 3: taken back, nothing marked tonight. saved.")
	rec2 = loadRecord(t, st, w2.Record.Session.ID)
	if len(rec2.Session.Revisited) != 2 {
		t.Errorf("after k 3 again, week 2 revisited %+v", rec2.Session.Revisited)
	}
}

// TestPlainSummaryIsTheCapturedModel: plain mode's summary lists exactly
// what session.Capture holds for the leader's view, every line, in order,
// and no item more.
func TestPlainSummaryIsTheCapturedModel(t *testing.T) {
	st := storetest.Open(t, fixedClock)
	g := tinyGuide()
	o := newSession(t, st, g, "Thursday group")
	id := o.Record.Session.ID
	at := fixedClock()
	s := o.Record.Session
	s.Position = store.Position{Stage: store.StageSummary, Page: session.KeySummary}
	s.Prayed = map[string]time.Time{"prayer/a": at}
	s.Spent = map[string]int64{"faq": 300, "reflection": 600}
	s.Attendance = "Ana, Ben"
	if err := st.Apply(store.Change{SessionID: id, Session: &s,
		Notes: []store.Note{
			{Key: "faq/one", Kind: store.NoteSection, Text: "We began\nin silence.", Updated: at},
			{Key: "faq/one@leader", Kind: store.NoteLeader, Text: "Ana was quiet.", Updated: at},
			{Key: "reflection/clarity#1", Kind: store.NoteResponse, Text: "God sees.", Updated: at},
			{Key: "reflection/clarity#2", Kind: store.NoteResponse, Passed: true, Updated: at},
			{Key: "reflection/clarity#2@leader", Kind: store.NoteLeader, Text: "Come back to this.", Updated: at},
			{Key: session.KeyRequests, Kind: store.NoteSection, Text: "We prayed in pairs.", Updated: at},
			{Key: session.KeyCommitments, Kind: store.NoteSection, Text: "Check in on Monday.", Updated: at},
		},
		Requests: []store.Request{
			{ID: 1, Text: "For Ana's mother", Name: "Ana", Private: true, Created: at},
			{ID: 2, Text: "For rain", Prayed: true, Created: at},
		},
		Commitments: []store.Commitment{{ID: 1, Text: "Call the helpline", Name: "Ben", Created: at}},
	}); err != nil {
		t.Fatal(err)
	}
	lib := guides.Library{Guides: []*guides.Guide{g}}
	opened, err := session.Resume(st, lib, id)
	if err != nil {
		t.Fatal(err)
	}
	out := runScript(t, Config{Store: st, Library: lib, Start: opened}, "q\n")
	start := strings.Index(out, "What the group captured")
	end := strings.Index(out, "That is the end of the guide.")
	if start < 0 || end < start {
		t.Fatalf("no summary in:\n%s", out)
	}
	summary := out[start:end]

	c := session.Capture(loadRecord(t, st, id), g, session.Leader)
	// Each line of the model, as its section's title and its text.
	type line struct{ title, text string }
	var want []line
	var joined []string
	for _, p := range c.Parts {
		for _, sec := range p.Sections {
			for _, e := range sec.Entries {
				want = append(want, line{sec.Title, e.Text})
			}
			for _, it := range sec.Items {
				want = append(want, line{sec.Title, it.Text})
			}
		}
	}
	for _, l := range want {
		joined = append(joined, l.title+": "+l.text)
	}
	if !slices.Equal(joined, c.Lines()) {
		t.Fatalf("the test reads the model wrongly:\n%q\n%q", joined, c.Lines())
	}
	if len(want) < 10 {
		t.Fatalf("the fixture captures too little to tell anything: %q", c.Lines())
	}
	pos, title := 0, ""
	for _, l := range want {
		if l.title != title {
			i := strings.Index(summary[pos:], "\n"+l.title+":\n")
			if i < 0 {
				t.Fatalf("no section %q after %d in:\n%s", l.title, pos, summary)
			}
			pos, title = pos+i+len(l.title)+2, l.title
		}
		text := strings.ReplaceAll(l.text, "\n", "\n  ")
		i := strings.Index(summary[pos:], text)
		if i < 0 {
			t.Fatalf("no %q in section %q, in order, in:\n%s", l.text, l.title, summary)
		}
		pos += i + len(text)
	}
	if n := strings.Count(summary, "\n- "); n != len(want) {
		t.Errorf("the summary lists %d items, the model %d:\n%s", n, len(want), summary)
	}
	for _, f := range c.Facts {
		mustContain(t, summary, f.Label+": "+f.Value)
	}
	mustContain(t, summary, c.Heading, "Ana was quiet.", "Present: Ana, Ben")
}
