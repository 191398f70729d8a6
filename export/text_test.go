package export

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"vigil/session"
	"vigil/store"
)

// markdownSyntax finds what would make a line Markdown rather than text.
// A numbered list ("1. Visit …", the guide's next steps) is plain text
// too, as an email writes one.
var markdownSyntax = regexp.MustCompile("^\\s*(#|>|[-*+] |```|---|===)|\\*\\*|\\]\\(|</?[a-z]")

func TestTextIsPlainAndFitsInAnEmail(t *testing.T) {
	long := store.Record{Session: store.Session{UID: "long", GuideID: "gone", Created: at(19, 0)},
		Notes: map[string]store.Note{
			"faq/x": {Key: "faq/x", Kind: store.NoteSection, Text: "See https://www.example.org/a/very/long/address/that/goes/on/and/on/and/on/past/seventy-two/columns " +
				strings.Repeat("and the group talked for a long while ", 6) + "漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"},
		}}
	st, ids := storeWith(t, fixture(), long)
	out := export(t, st, ids, Text, session.Leader)
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > textWidth {
			t.Errorf("line %d is %d columns wide: %q", i+1, w, l)
		}
		if markdownSyntax.MatchString(l) {
			t.Errorf("line %d looks like Markdown: %q", i+1, l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, l)
		}
	}
	if joined := strings.Join(strings.Fields(out), ""); !strings.Contains(joined, "https://www.example.org/a/very/long/address/that/goes/on/and/on/and/on/past/seventy-two/columns") {
		t.Error("a word too long for a line was lost rather than cut")
	}
}

func TestWrapLines(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"one two three", 9, []string{"one two", "three"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"abcdefghijklmno", 10, []string{"abcdefghij", "klmno"}},
		{"a abcdefghijklmno b", 10, []string{"a", "abcdefghij", "klmno b"}},
		{"漢字漢字漢字", 10, []string{"漢字漢字漢", "字"}},
		{"", 10, nil},
	} {
		got := wrapLines(tc.in, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapLines(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}
