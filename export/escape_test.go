package export

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// unsafeRune is what no export but JSON may hold: a control character or
// a bidirectional embedding, override or isolate (what session.Clean
// takes out), written out again here so that the test does not trust the
// code it checks.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// TestNoTerminalEscapesLeave: text typed with terminal escapes or
// reordering marks is shown without them in md, txt and html (the JSON
// keeps the text exactly).
func TestNoTerminalEscapesLeave(t *testing.T) {
	rec := fixture()
	rec.Notes["faq/what-is-cybersex-trafficking"] = store.Note{Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection,
		Text: "red \x1b[31mtext\x1b[0m\r\nand \u202eright to left\u202c, a bell\a, a tab\there"}
	rec.Requests[0].Name = "Ana\x1b]0;title\a"
	rec.Session.Revisited = []store.Revisit{{Item: store.ItemRequest, SessionUID: "earlier", ItemID: 1,
		Text: "an \x1b[2Jearlier\u2066 request", Name: "Ben\x1b[1m", Action: store.ActionAnswered, Answer: "yes\u202e, really", At: at(19, 40)}}
	st, ids := storeWith(t, rec)
	for _, f := range []Format{Markdown, Text, HTML} {
		out := export(t, st, ids, f, session.Leader)
		if strings.ContainsFunc(strings.ReplaceAll(out, "\n", ""), unsafeRune) {
			t.Errorf("%s export holds a control character or reordering mark", f)
		}
		for _, kept := range []string{"31mtext", "right to left", "2Jearlier request", "yes, really"} {
			if !strings.Contains(out, kept) {
				t.Errorf("%s export lost the text %q around the escapes", f, kept)
			}
		}
	}
	if out := export(t, st, ids, JSON, session.Leader); !strings.Contains(out, `\u001b[31m`) || !strings.Contains(out, `\u001b[2Jearlier`) {
		t.Error("the JSON export does not keep the text exactly")
	}
}

// TestDuration checks how time spent reads in every export. Duration
// moved to session with the captured model; session has no test of it
// yet (SplitKey's is in session/pages_test.go).
func TestDuration(t *testing.T) {
	for sec, want := range map[int64]string{0: "0 s", 45: "45 s", 60: "1 min", 89: "1 min", 90: "2 min", 3600: "1 h", 3930: "1 h 6 min"} {
		if got := session.Duration(sec); got != want {
			t.Errorf("Duration(%d) = %q, want %q", sec, got, want)
		}
	}
}

// TestGuideCharacterReferencesLeaveNoControls: a guide's Markdown can
// spell a control, a reordering mark or a line break as a character
// reference ("&#x1b;", "&#x202e;", "&#10;"), which resolves only when the
// export parses it, after session.Clean saw the guide: none reaches md,
// txt or html, and none starts a heading of its own.
func TestGuideCharacterReferencesLeaveNoControls(t *testing.T) {
	g := &guides.Guide{Meta: guides.Meta{ID: "entities", Title: "Entities",
		ContentNote: "Read &#x1b;]0;pwn&#7;this&#x202e; first.&#10;# Not a heading\n\nSee [the site&#x1b;[2J](https://example.org/&#x1b;x) and <https://example.org/a&#x1b;>."}}
	st, ids := storeWith(t, store.Record{Session: store.Session{UID: "entities", GuideID: "entities", Created: at(19, 30)}})
	opts := Options{Library: guides.Library{Guides: []*guides.Guide{g}}, View: session.Leader}
	for _, f := range []Format{Markdown, Text, HTML} {
		var buf bytes.Buffer
		if err := Write(&buf, st, ids, f, opts); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if i := strings.IndexFunc(strings.ReplaceAll(out, "\n", ""), unsafeRune); i >= 0 {
			t.Errorf("%s export holds a control or reordering mark from the guide: %q", f, out)
		}
		if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, "this first.") || !strings.Contains(flat, "the site") {
			t.Errorf("%s export lost the guide's words around the references: %q", f, out)
		}
		if f == Markdown {
			headings, _ := mdOutline(t, out)
			for _, h := range headings {
				if strings.Contains(h, "Not a heading") {
					t.Errorf("a reference in the guide started a heading: %q", headings)
				}
			}
		}
	}
}
