package export

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// secondMeeting is the Thursday group's second meeting: it began with
// what the first left open (requests prayed again, answered, archived;
// a private one; commitments done and kept going), and the group passed a
// prompt.
func secondMeeting() store.Record {
	week := func(hour, min int) time.Time { return at(hour, min).AddDate(0, 0, 7) }
	note := func(key string, kind store.NoteKind, text string) store.Note {
		return store.Note{Key: key, Kind: kind, Text: text, Updated: week(19, 50)}
	}
	revisit := func(kind store.ItemKind, id uint64, text, name string, private bool, a store.Action, answer string) store.Revisit {
		return store.Revisit{Item: kind, SessionUID: fixtureUID, ItemID: id, Text: text, Name: name, Private: private,
			Action: a, Answer: answer, At: week(19, 35)}
	}
	rec := store.Record{
		Session: store.Session{
			UID: "fedcba9876543210fedcba9876543210", GuideID: guides.DefaultID, GuideTitle: "Cybersex Trafficking FAQs",
			Group: "Thursday group", Title: "Week 2", Attendance: "Ana, Ben and Dee",
			Created: week(19, 30), Updated: week(20, 30), Path: store.PathGentle,
			Position: store.Position{Stage: store.StageSummary, Page: "summary"}, Seen: 9, Total: 9,
			Revisited: []store.Revisit{
				revisit(store.ItemRequest, 1, "For the children we read about, and for those who search for them.", "Ana", false, store.ActionPraying, ""),
				revisit(store.ItemRequest, 2, "For my cousin, who is in hospital.", "Ben", true, store.ActionAnswered, "He is home."),
				revisit(store.ItemRequest, 3, "For the aftercare workers in Manila.", "", false, store.ActionArchived, ""),
				revisit(store.ItemCommitment, 1, "Give to IJM's work in the Philippines.", "Chris", false, store.ActionDone, ""),
				revisit(store.ItemCommitment, 2, "Learn how to report online abuse of a child.", "", false, store.ActionOngoing, ""),
			},
		},
		Notes: map[string]store.Note{},
	}
	for _, n := range []store.Note{
		note(session.KeyRevisit, store.NoteSection, "We began with last week's requests."),
		{Key: "reflection/clarity#1", Kind: store.NoteResponse, Passed: true, Updated: week(19, 55)},
		note("reflection/clarity#1@leader", store.NoteLeader, "Nobody wanted to answer; that was fine."),
		note("reflection/clarity#2", store.NoteResponse, "Sad, and glad we are praying."),
	} {
		rec.Notes[n.Key] = n
	}
	return rec
}

// TestGoldenSecondMeeting compares each format's export of the second
// meeting, for the leader, with testdata/second-meeting.<format>.golden:
// the revisit part first, a passed prompt said as passed.
func TestGoldenSecondMeeting(t *testing.T) {
	st, ids := storeWith(t, secondMeeting())
	for _, f := range Formats {
		name := "second-meeting." + string(f)
		t.Run(name, func(t *testing.T) {
			checkGolden(t, name, export(t, st, ids, f, session.Leader))
		})
	}
}

// TestSecondMeetingReadsInEveryFormat parses the Markdown and HTML
// exports of the second meeting: the revisit part comes first, with every
// earlier item and what became of it; the passed prompt is in italics in
// Markdown and in a "passed" entry in HTML. The plain text has every line
// the captured model has.
func TestSecondMeetingReadsInEveryFormat(t *testing.T) {
	rec := secondMeeting()
	st, ids := storeWith(t, rec)
	captured := session.Capture(rec, guides.Default(), session.Leader)
	if len(captured.Parts) == 0 || captured.Parts[0].Kind != session.KindRevisit {
		t.Fatalf("the captured model does not start with the revisit part: %+v", captured.Parts)
	}
	earlier := []string{"He is home.", "archived", "done", "still going on", "prayed again"}

	src := export(t, st, ids, Markdown, session.Leader)
	headings, _ := mdOutline(t, src)
	if len(headings) < 3 || headings[1] != "2 "+session.TitleRevisit || !slices.Contains(headings, "3 Commitments from last time") {
		t.Errorf("Markdown outline %q: want the revisit part right after the heading, with last time's commitments", headings)
	}
	if ems := mdEmphasis(t, src); !slices.Contains(ems, session.TextPassed) {
		t.Errorf("Markdown italics %q: want %q", ems, session.TextPassed)
	}

	page := export(t, st, ids, HTML, session.Leader)
	problems, pageText := handoutProblems(page)
	for _, p := range problems {
		t.Error(p)
	}
	if got := htmlPassed(t, page); got != session.TextPassed {
		t.Errorf("the HTML passed entry says %q, want %q", got, session.TextPassed)
	}

	txt := export(t, st, ids, Text, session.Leader)
	for _, f := range []struct {
		name, out string
	}{{"md", src}, {"html", pageText}, {"txt", txt}} {
		flat := strings.Join(strings.Fields(strings.ReplaceAll(f.out, `\`, "")), " ")
		for _, line := range captured.Lines() {
			_, what, _ := strings.Cut(line, ": ")
			if !strings.Contains(flat, what) {
				t.Errorf("%s lacks %q", f.name, line)
			}
		}
		for _, w := range earlier {
			if !strings.Contains(flat, w) {
				t.Errorf("%s does not say what became of an earlier item: %q", f.name, w)
			}
		}
	}
}

// mdEmphasis is the text of every emphasis in Markdown, parsed as glow
// parses it.
func mdEmphasis(t *testing.T, src string) []string {
	t.Helper()
	source := []byte(src)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(source))
	var out []string
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if e, ok := n.(*ast.Emphasis); ok && entering {
			out = append(out, nodeText(e, source))
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// htmlPassed is the text in italics (em) of the one entry of class
// "passed" in a page.
func htmlPassed(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "div" && slices.Contains(strings.Fields(attr(n, "class")), "passed") {
			var b strings.Builder
			var text func(*html.Node, bool)
			text = func(n *html.Node, em bool) {
				em = em || n.Type == html.ElementNode && n.Data == "em"
				if n.Type == html.TextNode && em {
					b.WriteString(n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					text(c, em)
				}
			}
			text(n, false)
			found = append(found, strings.TrimSpace(b.String()))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(found) != 1 {
		t.Fatalf("the page has %d passed entries, want 1: %q", len(found), found)
	}
	return found[0]
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestSecondMeetingRoundTrip: the revisits and the passed prompt survive
// export and import, byte for byte; a redacted export keeps the revisits
// the room may see, without names, and the private one is left out.
func TestSecondMeetingRoundTrip(t *testing.T) {
	st, ids := storeWith(t, secondMeeting())
	first := export(t, st, ids, JSON, session.Leader)
	if !strings.Contains(first, `"revisited": [`) || !strings.Contains(first, `"passed": true`) {
		t.Fatalf("the JSON export lacks the revisits or the passed prompt:\n%s", first)
	}
	recs, err := Decode(strings.NewReader(first), "week2.json")
	if err != nil {
		t.Fatal(err)
	}
	other, otherIDs := storeWith(t, recs...)
	if second := export(t, other, otherIDs, JSON, session.Leader); second != first {
		t.Errorf("the export of the imported meeting differs:\n%s", second)
	}
	redacted := export(t, st, ids, JSON, session.Redacted)
	recs, err = Decode(strings.NewReader(redacted), "week2-redacted.json")
	if err != nil {
		t.Fatal(err)
	}
	rv := recs[0].Session.Revisited
	if len(rv) != 4 || strings.Contains(redacted, "cousin") || strings.Contains(redacted, "He is home") || strings.Contains(redacted, "Chris") {
		t.Errorf("redacted revisits: %+v", rv)
	}
	for _, r := range rv {
		if r.Name != "" && r.Name != session.Participant || r.SessionUID == fixtureUID {
			t.Errorf("a redacted revisit names %q or the full session %q", r.Name, r.SessionUID)
		}
	}
}

// TestDecodeChecksRevisits: a revisit vigil could not have made refuses
// the file, with a sentence that names the field.
func TestDecodeChecksRevisits(t *testing.T) {
	st, ids := storeWith(t, secondMeeting())
	good := export(t, st, ids, JSON, session.Leader)
	if _, err := Decode(strings.NewReader(good), "week2.json"); err != nil {
		t.Fatalf("the good file is refused: %v", err)
	}
	for _, tc := range []struct{ old, new, says string }{
		{`"item": "commitment"`, `"item": "promise"`, `revisit 4 has the unknown item "promise"`},
		{`"action": "done"`, `"action": "praying"`, `revisit 4 has the action "praying", which a commitment cannot take`},
		{`"action": "archived"`, `"action": "let-go"`, `revisit 3 has the action "let-go", which a request cannot take`},
		{`"item_id": 3`, `"item_id": 0`, "revisit 3 has no item_id"},
		{`"session_uid": "` + fixtureUID + `"`, `"session_uid": "../x"`, "revisit 1 has a session_uid vigil did not make"},
	} {
		if !strings.Contains(good, tc.old) {
			t.Fatalf("the export lacks %s", tc.old)
		}
		_, err := Decode(strings.NewReader(strings.Replace(good, tc.old, tc.new, 1)), "week2.json")
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: %v; want it refused saying %q", tc.new, err, tc.says)
		}
	}
}

// TestVersion1FilesStillImport: a file from before schema 2 (no revisits,
// no passed prompts, none of the guide's words, no next meeting) is read
// as it always was.
func TestVersion1FilesStillImport(t *testing.T) {
	st, ids := storeWith(t, fixture())
	v2 := export(t, st, ids, JSON, session.Leader)
	// The file vigil wrote at schema 1: the fields added since taken out.
	var file map[string]any
	if err := json.Unmarshal([]byte(v2), &file); err != nil {
		t.Fatal(err)
	}
	file["schema"] = 1
	later := []string{"content_note", "alone", "revisited", "next_steps", "help", "next_meeting"}
	for _, s := range file["sessions"].([]any) {
		s := s.(map[string]any)
		for _, k := range later {
			delete(s, k)
		}
		for _, n := range s["notes"].([]any) {
			delete(n.(map[string]any), "passed")
		}
	}
	data, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	v1 := string(data)
	if v1 == v2 || !strings.Contains(v1, `"schema": 1`) || strings.Contains(v1, `"next_meeting"`) || strings.Contains(v1, `"help"`) {
		t.Fatal("the export has no schema number to change, or kept a later field")
	}
	recs, err := Decode(strings.NewReader(v1), "old.json")
	if err != nil || len(recs) != 1 || recs[0].Session.UID != fixtureUID {
		t.Fatalf("a version 1 file: %v, %d sessions", err, len(recs))
	}
}
