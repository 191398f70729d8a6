package tui

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/store"
)

// runScript runs plain mode over lines of input and returns its output. No
// output of plain mode may hold an escape character.
func runScript(t *testing.T, cfg PlainConfig, lines ...string) string {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = fixedClock
	}
	var out bytes.Buffer
	if err := RunPlain(cfg, strings.NewReader(strings.Join(lines, "")), &out); err != nil {
		t.Fatalf("RunPlain: %v\n%s", err, out.String())
	}
	if i := strings.IndexByte(out.String(), 0x1b); i >= 0 {
		t.Errorf("an escape character in the output at %d:\n%q", i, out.String())
	}
	return out.String()
}

// plainSession starts a session of g in a fresh store.
func plainSession(t *testing.T, g *guides.Guide) (PlainConfig, *store.Store) {
	t.Helper()
	st := openTestStore(t)
	o, err := NewSession(st, g, "Thursday group", "", fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	return PlainConfig{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: o}, st
}

func loadRecord(t *testing.T, st *store.Store, id uint64) store.Record {
	t.Helper()
	rec, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func repeat(line string, n int) string { return strings.Repeat(line+"\n", n) }

func TestPlainWalksTinyGuide(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg,
		"f\n", // faq/one
		"A note on one.\n", "And a second line.\n",
		"n\n", "n\n", // reflection/clarity#1
		"Response one.\n",
		"n\n", "n\n", // prayer/a
		"m\n",
		"n\n", // prayer#group
		"a\n", "For Ana's mother\n", "Ana\n", "y\n",
		"a\n", "For rain\n", "\n", "\n",
		"m 2\n",
		"n\n", "n\n", // next#commitments
		"a\n", "Call the helpline\n", "Ben\n",
		"n\n", // summary: plain mode stops here
		"q\n",
	)
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	if n := rec.Notes["faq/one"]; n.Text != "A note on one.\nAnd a second line." || n.Kind != store.NoteSection {
		t.Errorf("note on faq/one = %+v", n)
	}
	if n := rec.Notes["reflection/clarity#1"]; n.Text != "Response one." || n.Kind != store.NoteResponse {
		t.Errorf("response = %+v", n)
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
	pages := buildPages(tinyGuide(), store.PathFull)
	s := rec.Session
	if s.Position != (store.Position{Stage: store.StageSummary, Page: keySummary}) || s.Seen != len(pages) || s.Total != len(pages) {
		t.Errorf("position %+v, seen %d of %d; want the summary, %d of %d", s.Position, s.Seen, s.Total, len(pages), len(pages))
	}
	mustContain(t, out,
		"Part 1 of 4, question 1 of 2: FAQ", "One\n", "The first answer.", "saved.",
		"Part 2 of 4, step 1 of 1: Reflection", "Prompt 1 of 2: P1?", "For the leader:", "Listen; do not probe.",
		"Marked prayed.", "Added request 1: For Ana's mother (Ana) [private]", "Request 2 marked prayed.",
		"What the group captured", "A note on one.\n  And a second line.", "Clarity, prompt 1: P1?",
		"Prayed: Pray for A", "For rain [prayed]", "Call the helpline (Ben)", "That is the end of the guide.")
}

func TestPlainWalksSeedGuide(t *testing.T) {
	g := guides.Default()
	cfg, st := plainSession(t, g)
	pages := buildPages(g, store.PathFull)
	firstRequest := ""
	for _, p := range pages {
		if p.Kind == pageSection && g.Parts[p.Part].Kind == guides.KindPrayer && firstRequest == "" {
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
		case keyRequests:
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
	if rec.Session.Position.Page != keySummary || rec.Session.Seen != len(pages) {
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
		emergencyLine, painfulLine)
	mustNotContain(t, out, "**", "*who", "<!--", "## ")
	for _, grp := range g.Meta.Resources {
		mustContain(t, out, grp.Need)
		for _, r := range grp.Items {
			mustContain(t, out, r.Name, "For: "+r.For)
		}
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
	if s.Position != (store.Position{Stage: store.StageSection, Page: "faq/two"}) || s.Seen != 4 || s.Total != 10 {
		t.Errorf("position %+v, seen %d of %d; want faq/two, 4 of 10", s.Position, s.Seen, s.Total)
	}

	// The TUI opens the session where plain mode left it.
	o, err := Resume(st, cfg.Library, id)
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: cfg.Library, GlamourStyle: "notty", Now: fixedClock, ReduceMotion: true, Start: o})
	if k := a.session.page().Key; k != "faq/two" {
		t.Errorf("the TUI resumes at %q, want faq/two", k)
	}

	// And so does plain mode, with the note.
	cfg.Start = o
	out = runScript(t, cfg, "q\n")
	mustContain(t, out, "question 2 of 2", "The second answer.", "Note so far:\nKept for later.")
}

func TestPlainGentlerPath(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg, "g\n", "q\n")
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	gentle := buildPages(tinyGuide(), store.PathGentle)
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
		if s := loadRecord(t, st, cfg.Start.Record.Session.ID).Session; s.Position.Page != keyContentNote {
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
	out := runScript(t, cfg, "nonsense\n", "f\n", "a\n", "g\n", "\n", "?\n", "q\n")
	mustContain(t, out, "Type f for the full guide", "not used on this page", "Commands: type one and press enter.")
	if notes := loadRecord(t, st, cfg.Start.Record.Session.ID).Notes; len(notes) != 0 {
		t.Errorf("notes = %+v, want none", notes)
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
	st := openTestStore(t)
	lib := guides.Library{Guides: []*guides.Guide{tinyGuide()}}
	cfg := PlainConfig{Store: st, Library: lib}

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
	mustContain(t, out, "r resume the latest session (Tiny", "Note so far:\nHello.")
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
	st := openTestStore(t)
	g := tinyGuide()
	in := &lineClock{lines: []string{"n\n", "n\n", "p\n", "\n", "n\n", "q\n"}, t: fixedClock()}
	o, err := NewSession(st, g, "", "", in.now())
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := RunPlain(PlainConfig{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: o, Now: in.now}, in, &out); err != nil {
		t.Fatal(err)
	}
	// content note, then faq/one 1 min, faq/two 1 min, pause (not counted),
	// 1 more min of faq/two, then a minute of reflection before q.
	spent := load(t, st, o.Record.Session.ID).Session.Spent
	if spent["faq"] != 180 || spent["reflection"] != 60 {
		t.Errorf("stored time spent %v, want faq 180 s and reflection 60 s", spent)
	}
}

// TestPlainRevisitsEarlierRequests: a group's second session in plain mode
// opens with the first one's open request; s prays it again and y marks it
// answered with a line, saved in the first session.
func TestPlainRevisitsEarlierRequests(t *testing.T) {
	st := openTestStore(t)
	g := tinyGuide()
	w1, err := NewSession(st, g, "Thursday group", "", fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Apply(store.Change{SessionID: w1.Record.Session.ID, Requests: []store.Request{{ID: 1, Text: "for Ana's mother"}}}); err != nil {
		t.Fatal(err)
	}
	w2, err := NewSession(st, g, "Thursday group", "", fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	cfg := PlainConfig{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: w2, Now: fixedClock}
	out := runScript(t, cfg, "f\n", "s 1\n", "Y 1 She is well now\n", "x 9\n", "q\n")
	mustContain(t, out, "Before the guide: revisit the group's earlier requests", "1. for Ana's mother",
		"There is no request 9")
	rec := load(t, st, w1.Record.Session.ID)
	r := rec.Requests[0]
	if r.Status != store.RequestAnswered || r.Answer != "She is well now" || !slices.Contains(r.PrayedIn, w2.Record.Session.UID) {
		t.Errorf("request after plain revisit: %+v", r)
	}
}
