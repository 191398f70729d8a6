package tui

import "testing"

func TestPlainMarkdown(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"emphasis", "**Rescue:** we *support* __them__ and _you_.", "Rescue: we support them and you."},
		{"underscore in a word", "snake_case stays", "snake_case stays"},
		{"heading", "## Next Steps ##\n\nText.", "Next Steps\n\nText."},
		{"link", "Visit [www.IJM.org/IF](http://www.IJM.org/IF) now", "Visit www.IJM.org/IF (http://www.IJM.org/IF) now"},
		{"link with the same text", "[https://a.org](https://a.org)", "https://a.org"},
		{"link with emphasis and a title", "[**bold** site](https://a.org/x_y \"Title\")", "bold site (https://a.org/x_y)"},
		{"bare address keeps its marks", "see https://a.org/_x_*y* here", "see https://a.org/_x_*y* here"},
		{"autolink", "mail <https://a.org/a_b>", "mail https://a.org/a_b"},
		{"ordered list keeps numbers", "1. One\n2. **Two** and\n   more", "1. One\n2. Two and more"},
		{"bullets", "* one\n- two\n  - nested", "- one\n- two\n  - nested"},
		{"paragraph joined", "a line\nwrapped here\n\nnext", "a line wrapped here\n\nnext"},
		{"code and escapes", "use `a*b` and \\*stars\\*", "use a*b and *stars*"},
		{"comment and rule", "<!-- part: faq -->\ntext\n\n---\n\nmore", "text\n\nmore"},
		{"quote", "> said\n> twice", "said twice"},
		{"strikethrough", "~~old~~ new", "old new"},
		{"unclosed marks", "[not a link and `tick", "[not a link and `tick"},
	}
	for _, tt := range tests {
		if got := plainMarkdown(tt.md); got != tt.want {
			t.Errorf("%s: plainMarkdown(%q)\n got %q\nwant %q", tt.name, tt.md, got, tt.want)
		}
	}
}

func TestStripControls(t *testing.T) {
	tests := []struct {
		in       string
		newlines bool
		want     string
	}{
		{"plain – text ✓", true, "plain – text ✓"},
		{"a\x1b[1;31mb\x1b[0mc", true, "abc"},
		{"title\x1b]0;x\x07end", true, "titleend"},
		{"osc\x1b]8;;u\x1b\\end", true, "oscend"},
		{"one\ntwo\r", true, "one\ntwo"},
		{"one\ntwo", false, "onetwo"},
		{"c1\u009b31mx", true, "c131mx"},
		{"tab\tkept", false, "tab\tkept"},
		{"trail\x1b", true, "trail"},
	}
	for _, tt := range tests {
		if got := stripControls(tt.in, tt.newlines); got != tt.want {
			t.Errorf("stripControls(%q, %v) = %q, want %q", tt.in, tt.newlines, got, tt.want)
		}
	}
}
