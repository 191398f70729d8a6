package export

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	nethtml "golang.org/x/net/html"

	"vigil/session"
	"vigil/store"
)

// redactPhrases are what a leader might type about people in a meeting in
// Manila or Madrid: every one of them identifies someone, and none may be
// in a redacted export.
var redactPhrases = []string{
	// Names the session knows, with punctuation and possessives, and the
	// words of full names on their own.
	"Ma. Cristina dela Cruz",
	"Cristina",
	"José Ángel Núñez",
	"Núñez",
	"Jun-Jun",
	"Bea's",
	"Carla's",
	"CARLA",
	"Teodoro Reyes", // the name on a private request, said aloud in a note
	"Dolores",
	"Rosario",
	"Lito",
	"Bautista",
	// The group, a name in it, and the title.
	"Maria Gonzalez support group",
	"Gonzalez",
	"Advent night at the Tolentino home",
	// Phone numbers.
	"+63 2 8123 4567",
	"(555) 123-4567",
	"555-987-6543",
	"0917 123 4567",
	"5551234567",
	// An e-mail and web addresses with a person in them.
	"maria.g@example.com",
	"facebook.com/maria.g",
	"instagram.com/junjunbea",
	// Street addresses.
	"12 Rizal St",
	"Barangay San Roque",
	"45 Avenida Juárez",
	// Dates.
	"2026-11-26",
	"26/11/2026",
	"11/26/2026",
	"26 November 2026",
	"November 26, 2026",
	"Nov 26",
	"5 de diciembre de 2026",
}

// phraseSentences put each phrase in a sentence, as it might be typed.
var phraseSentences = []string{
	"Ma. Cristina dela Cruz shared first.",
	"Cristina cried.",
	"José Ángel Núñez prayed for his mother.",
	"Pray for the Núñez family.",
	"Jun-Jun brought food.",
	"Bea's brother is ill.",
	"Carla's job is at risk.",
	"CARLA WAS QUIET TONIGHT.",
	"Teodoro Reyes asked us to pray.",
	"Dolores came late.",
	"Rosario will call the hotline.",
	"Lito said little.",
	"Bautista is her maiden name.",
	"The Maria Gonzalez support group met in the hall.",
	"Gonzalez is a common name here.",
	"Advent night at the Tolentino home was moving.",
	"Call Bea on +63 2 8123 4567 tonight.",
	"Ben's number is (555) 123-4567.",
	"Or 555-987-6543 after six.",
	"Text 0917 123 4567 for a lift.",
	"Her sister: 5551234567.",
	"Write to maria.g@example.com with news.",
	"Her page is facebook.com/maria.g if you want to follow up.",
	"Photos at instagram.com/junjunbea please.",
	"The shelter is at 12 Rizal St, Quezon City.",
	"She grew up in Barangay San Roque.",
	"We will meet at 45 Avenida Juárez.",
	"Court date is 2026-11-26.",
	"Or 26/11/2026 as the letter says.",
	"The US form says 11/26/2026.",
	"Since 26 November 2026 she has been safe.",
	"On November 26, 2026 we prayed.",
	"Next time: Nov 26.",
	"El juicio es el 5 de diciembre de 2026.",
}

// phraseFixture is the fixture session with the phrases spread over its
// notes, responses, requests, answers and commitments, and the names in
// its attendance, its requests and its commitments.
func phraseFixture() store.Record {
	rec := fixture()
	rec.Session.UID = "phrases"
	rec.Session.Group = "Maria Gonzalez support group"
	rec.Session.Title = "Advent night at the Tolentino home"
	rec.Session.Attendance = "Ma. Cristina dela Cruz, José Ángel Núñez & Jun-Jun; Bea and Carla\nBen"
	rec.Requests = append(rec.Requests,
		store.Request{ID: 4, Text: "Kept private", Name: "Teodoro Reyes", Private: true, Created: at(20, 15)},
		store.Request{ID: 5, Created: at(20, 16), Name: "Dolores"},
		store.Request{ID: 6, Created: at(20, 17), Name: "Lito Bautista", Status: store.RequestAnswered},
	)
	rec.Commitments = append(rec.Commitments, store.Commitment{ID: 3, Name: "Rosario", Created: at(20, 43)})
	keys := []string{"faq/what-is-cybersex-trafficking", "reflection/clarity#1", "reflection/honesty#1", "prayer#group", "next/next-steps"}
	for i, s := range phraseSentences {
		switch i % 4 {
		case 0, 1:
			k := keys[(i/4)%len(keys)]
			n := rec.Notes[k]
			n.Text += "\n" + s
			rec.Notes[k] = n
		case 2:
			if i%8 == 2 {
				rec.Requests[4].Text += " " + s
			} else {
				rec.Requests[5].Answer += " " + s
			}
		case 3:
			rec.Commitments[2].Text += " " + s
		}
	}
	return rec
}

// searchable is an export as a reader sees it, for a case-insensitive
// search: HTML entities decoded ("Carla&#39;s" is "Carla's"), Markdown's
// backslash escapes dropped ("\[phone\]" is "[phone]"), runs of
// white space one space (a phrase wrapped at 72 columns is still there),
// and lower case.
func searchable(out string, f Format) string {
	switch f {
	case HTML:
		out = html.UnescapeString(out)
	case Markdown:
		out = strings.ReplaceAll(out, `\`, "")
	}
	return strings.ToLower(strings.Join(strings.Fields(out), " "))
}

// TestRedactPhrases: every phrase is in every format of the leader's
// export (so the test can fail), and none is in any format of the redacted
// export: not in the raw bytes, and not once entities are decoded and
// lines joined.
func TestRedactPhrases(t *testing.T) {
	if len(redactPhrases) < 30 || len(redactPhrases) != len(phraseSentences) {
		t.Fatalf("%d phrases and %d sentences; want 30 or more, one sentence each", len(redactPhrases), len(phraseSentences))
	}
	for i, p := range redactPhrases {
		if !strings.Contains(phraseSentences[i], p) {
			t.Fatalf("sentence %d %q does not hold %q", i, phraseSentences[i], p)
		}
	}
	st, ids := storeWith(t, phraseFixture())
	for _, f := range Formats {
		full := export(t, st, ids, f, session.Leader)
		redacted := export(t, st, ids, f, session.Redacted)
		fullText, redactedRaw, redactedText := searchable(full, f), strings.ToLower(redacted), searchable(redacted, f)
		for _, p := range redactPhrases {
			lp := strings.ToLower(p)
			if !strings.Contains(fullText, lp) {
				t.Errorf("%s: the leader's export lacks %q, so the test cannot tell", f, p)
			}
			if strings.Contains(redactedRaw, lp) || strings.Contains(redactedText, lp) {
				t.Errorf("%s: the redacted export shows %q", f, p)
			}
		}
		for _, kept := range []string{session.Participant, "the group", "[phone]", "[e-mail]", "[web address]", "[address]", "november 2026", "december 2026"} {
			if !strings.Contains(redactedText, strings.ToLower(kept)) {
				t.Errorf("%s: the redacted export has no %q: was the text lost rather than redacted?", f, kept)
			}
		}
	}
}

// TestRedactedExportStructure reads each redacted format with a real
// parser: the notice comes first, the page's title and headings name no
// group, title or day, and the JSON copy imports.
func TestRedactedExportStructure(t *testing.T) {
	st, ids := storeWith(t, phraseFixture())
	leaks := []string{"maria", "gonzalez", "tolentino", "advent", "26 november", "thursday"}
	clean := func(what, s string) {
		t.Helper()
		for _, l := range leaks {
			if strings.Contains(strings.ToLower(s), l) {
				t.Errorf("%s %q shows %q", what, s, l)
			}
		}
	}

	// Markdown: the first block is a quote holding the notice; the
	// session's heading is the guide and the month.
	md := export(t, st, ids, Markdown, session.Redacted)
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	first := doc.FirstChild()
	if q, ok := first.(*ast.Blockquote); !ok || blockText(q, src) != session.RedactionNotice {
		t.Errorf("the Markdown export does not open with the notice: %s %q", first.Kind(), md[:min(len(md), 200)])
	}
	if h, ok := first.NextSibling().(*ast.Heading); !ok || h.Level != 1 || nodeText(h, src) != "Cybersex Trafficking FAQs — November 2026" {
		t.Errorf("the Markdown heading after the notice: %q", md[:min(len(md), 400)])
	}

	// Text: the notice, then the heading.
	txt := export(t, st, ids, Text, session.Redacted)
	notice, rest, _ := strings.Cut(txt, "\n\n")
	if strings.Join(strings.Fields(notice), " ") != session.RedactionNotice || !strings.HasPrefix(rest, "Cybersex Trafficking FAQs — November 2026\n") {
		t.Errorf("the text export does not open with the notice and the heading:\n%s", txt[:min(len(txt), 600)])
	}

	// HTML: <title> names the guide and month; the first thing in <body>
	// is the notice.
	page := export(t, st, ids, HTML, session.Redacted)
	root, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	title, body := find(root, "title"), find(root, "body")
	if title == nil || body == nil {
		t.Fatal("the page has no title or body")
	}
	if got := title.FirstChild.Data; got != "Cybersex Trafficking FAQs — November 2026 (redacted)" {
		t.Errorf("<title>%s</title>", got)
	}
	clean("the HTML title", title.FirstChild.Data)
	firstEl := body.FirstChild
	for firstEl != nil && firstEl.Type != nethtml.ElementNode {
		firstEl = firstEl.NextSibling
	}
	if firstEl == nil || firstEl.Data != "p" || textOf(firstEl) != session.RedactionNotice {
		t.Errorf("the page does not open with the notice: %q", page[strings.Index(page, "<body>"):][:300])
	}
	for _, tag := range []string{"h1", "dl"} {
		if n := find(body, tag); n != nil {
			clean("the HTML "+tag, textOf(n))
		}
	}

	// JSON: a top-level notice, a redacted copy with no group, title,
	// attendance or exact time, which imports.
	raw := export(t, st, ids, JSON, session.Redacted)
	var file map[string]any
	if err := json.Unmarshal([]byte(raw), &file); err != nil {
		t.Fatal(err)
	}
	if file["notice"] != session.RedactionNotice || file["redacted"] != true {
		t.Errorf("JSON notice %v, redacted %v", file["notice"], file["redacted"])
	}
	s := file["sessions"].([]any)[0].(map[string]any)
	for _, k := range []string{"group", "title", "attendance"} {
		if v, ok := s[k]; ok {
			t.Errorf("the JSON session has %s: %v", k, v)
		}
	}
	if s["created"] != "2026-11-01T00:00:00-05:00" || s["updated"] != "2026-11-01T00:00:00-05:00" {
		t.Errorf("the JSON times are not kept to the month: created %v, updated %v", s["created"], s["updated"])
	}
	if strings.Contains(raw, "T19:") || strings.Contains(raw, "T20:") || strings.Contains(raw, "-26T") {
		t.Error("the JSON export holds an exact time")
	}
	if leader := export(t, st, ids, JSON, session.Leader); strings.Contains(leader, `"notice"`) {
		t.Error("the leader's JSON has a redaction notice")
	}
	recs, err := Decode(bytes.NewReader([]byte(raw)), "redacted.json")
	if err != nil || len(recs) != 1 {
		t.Fatalf("the redacted JSON does not import: %v", err)
	}
}

// blockText is the text of a Markdown block, its paragraphs joined by
// spaces.
func blockText(n ast.Node, src []byte) string {
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		parts = append(parts, nodeText(c, src))
	}
	return strings.Join(parts, " ")
}

// find is the first element named tag under n.
func find(n *nethtml.Node, tag string) *nethtml.Node {
	if n.Type == nethtml.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// textOf is the text under n.
func textOf(n *nethtml.Node) string {
	if n.Type == nethtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
