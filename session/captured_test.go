package session

import (
	"slices"
	"strings"
	"testing"

	"vigil/store"
)

// captureFixture is privacyFixture with a note on the requests page and a
// leader's note on an answered prompt.
func captureFixture() store.Record {
	rec := privacyFixture()
	rec.Notes["prayer#group"] = store.Note{Key: "prayer#group", Kind: store.NoteSection, Text: "We prayed in pairs."}
	rec.Notes["reflection/clarity#1@leader"] = store.Note{Key: "reflection/clarity#1@leader", Kind: store.NoteLeader, Text: "Watch Ben."}
	return rec
}

func TestCaptureViewsNest(t *testing.T) {
	g := seed()
	rec := captureFixture()
	leader, shared, redacted := Capture(rec, g, Leader), Capture(rec, g, Shared), Capture(rec, g, Redacted)
	subset := func(small, big Captured) {
		t.Helper()
		for _, l := range small.Lines() {
			if !slices.Contains(big.Lines(), l) {
				t.Errorf("%v shows %q, which %v does not", small.View, l, big.View)
			}
		}
	}
	subset(shared, leader)
	// The redacted view rewrites names in text, so it nests by place: no
	// section shows more in it than in the shared view.
	count := func(c Captured) map[string]int {
		n := map[string]int{}
		for _, l := range c.Lines() {
			title, _, _ := strings.Cut(l, ": ")
			n[title]++
		}
		return n
	}
	sharedCount := count(shared)
	for title, n := range count(redacted) {
		if n > sharedCount[title] {
			t.Errorf("redacted shows %d lines under %q, the shared view %d", n, title, sharedCount[title])
		}
	}
	if len(leader.Lines()) <= len(shared.Lines()) {
		t.Errorf("the leader's view shows no more than the shared view: %d lines", len(leader.Lines()))
	}
	for _, c := range []Captured{leader, shared, redacted} {
		if c.Empty() {
			t.Errorf("%v is empty", c.View)
		}
	}
}

func TestCaptureLeaderNotes(t *testing.T) {
	g := seed()
	rec := captureFixture()
	leaderText := []string{"Ben left the room.", "Check on Ana.", "Only the leader's, by kind.", "Watch Ben."}
	for _, v := range []View{Shared, Redacted} {
		all := strings.Join(Capture(rec, g, v).Lines(), "\n")
		for _, s := range leaderText {
			if strings.Contains(all, s) {
				t.Errorf("%v shows the leader's %q", v, s)
			}
		}
	}
	c := Capture(rec, g, Leader)
	found := map[string]Entry{}
	for _, p := range c.Parts {
		for _, s := range p.Sections {
			for _, e := range s.Entries {
				found[e.Text] = e
			}
		}
	}
	for _, s := range leaderText {
		e, ok := found[s]
		if !ok || !e.Leader || !strings.HasPrefix(e.Label, LabelLeader) {
			t.Errorf("the leader's %q: %+v (found %v)", s, e, ok)
		}
	}
	// Right after the response it is about, the label is just the label.
	if e := found["Watch Ben."]; e.Label != LabelLeader {
		t.Errorf("the leader's note on an answered prompt is labelled %q", e.Label)
	}
	if e := found["Ben left the room."]; e.Label != LabelLeader {
		t.Errorf("the leader's note on a section is labelled %q", e.Label)
	}
}

func TestCaptureNotesOnListPages(t *testing.T) {
	g := seed()
	c := Capture(captureFixture(), g, Shared)
	lines := c.Lines()
	for _, want := range []string{
		TitleGroupRequests + ": We prayed in pairs.",
		TitleGroupRequests + ": for the children",
		TitleCommitments + ": give to IJM",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("the shared view lacks %q in %q", want, lines)
		}
	}
	// The commitments page's note is the leader's here (by kind); a
	// group's note on it shows under Commitments.
	rec := captureFixture()
	rec.Notes["next#commitments"] = store.Note{Key: "next#commitments", Kind: store.NoteSection, Text: "Meet again on the 19th."}
	if lines := Capture(rec, g, Shared).Lines(); !slices.Contains(lines, TitleCommitments+": Meet again on the 19th.") {
		t.Errorf("the commitments page's note is missing: %q", lines)
	}
	// Both sit in the guide's own parts, not in a part of their own.
	for _, p := range Capture(rec, g, Shared).Parts {
		for _, s := range p.Sections {
			if s.ID == KeyRequests && p.Kind != "prayer" || s.ID == KeyCommitments && p.Kind != "next" {
				t.Errorf("%s is filed under %s", s.ID, p.Kind)
			}
		}
	}
}

func TestCaptureNamesInEachView(t *testing.T) {
	g := seed()
	rec := captureFixture()
	details := func(c Captured) string {
		var out []string
		for _, p := range c.Parts {
			for _, s := range p.Sections {
				for _, it := range s.Items {
					out = append(out, it.Detail)
				}
			}
		}
		for _, f := range c.Facts {
			if f.Label != "Guide" { // "Cybersex" is no name
				out = append(out, f.Label+": "+f.Value)
			}
		}
		return strings.Join(out, "\n")
	}
	if d := details(Capture(rec, g, Shared)); !strings.Contains(d, "Cy") || !strings.Contains(d, "Present: Ana, Ben") {
		t.Errorf("the shared view lost names:\n%s", d)
	}
	d := details(Capture(rec, g, Redacted))
	for _, name := range []string{"Ana", "Ben", "Cy"} {
		if strings.Contains(d, name) {
			t.Errorf("the redacted view names %s:\n%s", name, d)
		}
	}
	if !strings.Contains(d, Participant) {
		t.Errorf("the redacted view does not say %q:\n%s", Participant, d)
	}
}

// TestCaptureRequestDetails: each request says who asked, that it is
// private, what became of it and how often it was prayed again, in that
// order.
func TestCaptureRequestDetails(t *testing.T) {
	rec := captureFixture()
	rec.Requests = append(rec.Requests,
		store.Request{ID: 3, Text: "for rain", Status: store.RequestAnswered, Answer: "it\x1b[2J rained", PrayedIn: []string{"a", "b"}},
		store.Request{ID: 4, Text: "for the old plan", Status: store.RequestArchived},
		store.Request{ID: 5, Text: "answered quietly", Status: store.RequestAnswered})
	var got []string
	for _, p := range Capture(rec, seed(), Leader).Parts {
		for _, s := range p.Sections {
			if s.ID == KeyRequests {
				for _, it := range s.Items {
					got = append(got, it.Detail)
				}
			}
		}
	}
	want := []string{"Ana · prayed again in 1 later session", "Ben · private", "answered: it[2J rained · prayed again in 2 later sessions",
		"archived", "answered"}
	if !slices.Equal(got, want) {
		t.Errorf("details\n got %q\nwant %q", got, want)
	}
}

func TestClean(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"red \x1b[31malert\x1b[0m", "red [31malert[0m"},
		{"c1 \u009b31m csi", "c1 31m csi"},
		{"abc\u202Edcb", "abcdcb"},
		{"isolate \u2066x\u2069", "isolate x"},
		{"two\nlines\r\nand\rmore", "two\nlines\nand\nmore"},
		{"tab\there\x00\x07", "tab here"},
	} {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := OneLine("  a\nb \x1b c\u202E  "); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
}

// TestCaptureCleansEverything puts escapes in every text a record holds:
// none reaches the captured model.
func TestCaptureCleansEverything(t *testing.T) {
	rec := captureFixture()
	bad := "\x1b]0;pwned\x07\u202E\u009b"
	rec.Session.Group += bad
	rec.Session.Attendance += bad
	rec.Requests[0].Text += bad
	rec.Requests[0].Name += bad
	rec.Commitments[0].Text += bad
	rec.Session.Revisited[0].Text += bad
	n := rec.Notes["reflection/clarity#1"]
	n.Text += bad
	rec.Notes["reflection/clarity#1"] = n
	for _, v := range []View{Shared, Leader, Redacted} {
		c := Capture(rec, seed(), v)
		var all []string
		all = append(all, c.Heading)
		for _, f := range c.Facts {
			all = append(all, f.Label, f.Value)
		}
		for _, p := range c.Parts {
			all = append(all, p.Title, p.Time)
			for _, s := range p.Sections {
				all = append(all, s.Title)
				for _, e := range s.Entries {
					all = append(all, e.Label, e.Text)
				}
				for _, it := range s.Items {
					all = append(all, it.Text, it.Detail)
				}
			}
		}
		for _, s := range all {
			if strings.ContainsAny(s, "\x1b\x07\u202E\u009b") {
				t.Errorf("%v: %q reaches the captured model", v, s)
			}
		}
	}
}

func TestHelpOf(t *testing.T) {
	h := HelpOf(nil)
	if len(h.Lines) != 2 || h.None == "" || len(h.Groups) != 0 {
		t.Errorf("HelpOf(nil) = %+v", h)
	}
	h = HelpOf(seed())
	if h.None != "" || len(h.Groups) == 0 || h.Lines[0] != EmergencyLine {
		t.Errorf("the seed guide's help: %+v", h)
	}
	for _, g := range h.Groups {
		for _, it := range g.Items {
			if it.Name == "" || len(it.Fields) == 0 {
				t.Errorf("a resource without a name or a way in: %+v", it)
			}
		}
	}
}

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "Something went wrong.",
		"  the notes database is in use  ": "The notes database is in use.",
		"zero.db is not a vigil database":  "zero.db is not a vigil database.",
		"./x/vigil.db is locked":           "./x/vigil.db is locked.",
		"élan is gone":                     "Élan is gone.",
		"is it saved?":                     "Is it saved?",
		"Already one.":                     "Already one.",
	} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCaptureCleansANoteKeyAsTitle: a note key no guide knows (from an
// old database or an import) becomes a part's title, cleaned: with ESC
// in it, it reached md, txt and html raw.
func TestCaptureCleansANoteKeyAsTitle(t *testing.T) {
	rec := captureFixture()
	key := "x\x1b]0;pwn\x07y/z"
	rec.Notes[key] = store.Note{Key: key, Kind: store.NoteSection, Text: "kept"}
	for _, v := range []View{Leader, Shared, Redacted} {
		for _, p := range Capture(rec, seed(), v).Parts {
			if HasControls(p.Title) {
				t.Errorf("%v: a part is titled %q", v, p.Title)
			}
		}
	}
}
