package guides

import (
	"strings"
	"testing"
)

// TestParseClosingAndLeaderNote reads the two optional Markdown fields
// around a meeting: the leader's note on the content note, and the guide's
// own close. The literal style keeps their paragraphs and lists.
func TestParseClosingAndLeaderNote(t *testing.T) {
	for _, tt := range []struct {
		name, front          string
		wantClosing, wantLdr string
	}{
		{"none", "", "", ""},
		{"folded", "closing: >-\n  Go in\n  peace.\n", "Go in peace.", ""},
		{"literal", "leader_note: |-\n  Say this first.\n\n  - Listen.\n  - Thank them.\nclosing: |-\n  Go in peace.\n\n  Amen.\n",
			"Go in peace.\n\nAmen.", "Say this first.\n\n- Listen.\n- Thank them."},
		{"empty", "closing:\nleader_note:\n", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\nid: c\ntitle: C\nsource: s\nattribution: a\ncontent_note: n\n" + tt.front +
				"---\n\n# Q\n<!-- part: faq -->\n\n## One\n\nText.\n"
			g, err := Parse("c.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if g.Meta.Closing != tt.wantClosing || g.Meta.LeaderNote != tt.wantLdr {
				t.Errorf("closing %q, leader_note %q; want %q, %q", g.Meta.Closing, g.Meta.LeaderNote, tt.wantClosing, tt.wantLdr)
			}
		})
	}
}

// TestClosingIsCheckedLikeTheRest: a control character in the closing is a
// problem at its line, as anywhere in a guide.
func TestClosingIsCheckedLikeTheRest(t *testing.T) {
	src := "---\nid: c\ntitle: C\nsource: s\nattribution: a\ncontent_note: n\nclosing: Go in \x1b]0;x\x07peace.\n---\n\n# Q\n<!-- part: faq -->\n\n## One\n\nText.\n"
	ps := Check("c.md", []byte(src))
	if len(ps) == 0 || !strings.Contains(ps.Error(), "c.md:7: U+001B (escape)") {
		t.Errorf("problems: %v", ps)
	}
}

// TestSeedClosingAndLeaderNote: the seed guide's leader note on the
// content note says what stays in the room and what cannot, is marked as
// vigil's, and names no phone number; the reminder to step out moved there
// from the first question.
func TestSeedClosingAndLeaderNote(t *testing.T) {
	g := Default()
	note := strings.Join(strings.Fields(g.Meta.LeaderNote), " ")
	for _, want := range []string{"(vigil's note for leaders)", "stays in the room", "a child may be at risk", "safeguarding lead",
		"promise", "investigate", "press H", "anyone may step out at any time"} {
		if !strings.Contains(note, want) {
			t.Errorf("the content note's leader note lacks %q:\n%s", want, note)
		}
	}
	if strings.ContainsAny(note, "0123456789") {
		t.Errorf("the leader note names a number; the help screen has them:\n%s", note)
	}
	if strings.Contains(g.Parts[0].Sections[0].Leader, "Before you") {
		t.Errorf("the reminder is still on the first question: %q", g.Parts[0].Sections[0].Leader)
	}
}
