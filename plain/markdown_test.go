package plain

import "testing"

func TestMarkdown(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"emphasis", "**Rescue:** we *support* __them__ and _you_.", "Rescue: we support them and you."},
		{"underscore in a word", "snake_case stays", "snake_case stays"},
		{"heading", "## Next Steps ##\n\nText.", "Next Steps\n\nText."},
		{"heading then text", "# Title\nText.", "Title\n\nText."},
		{"link", "Visit [www.IJM.org/IF](http://www.IJM.org/IF) now", "Visit www.IJM.org/IF (http://www.IJM.org/IF) now"},
		{"link with the same text", "[https://a.org](https://a.org)", "https://a.org"},
		{"link with emphasis and a title", "[**bold** site](https://a.org/x_y \"Title\")", "bold site (https://a.org/x_y)"},
		{"bare address keeps its marks", "see https://a.org/_x_ and www.a.org/a_b_ here", "see https://a.org/_x_ and www.a.org/a_b_ here"},
		{"autolink", "mail <https://a.org/a_b>", "mail https://a.org/a_b"},
		{"ordered list keeps numbers", "1. One\n2. **Two** and\n   more", "1. One\n2. Two and more"},
		{"ordered list from three", "3) Three\n4) Four", "3) Three\n4) Four"},
		{"bullets", "* one\n- two\n  - nested", "- one\n- two\n  - nested"},
		{"loose list", "- one\n\n- two", "- one\n- two"},
		{"paragraph joined", "a line\nwrapped here\n\nnext", "a line wrapped here\n\nnext"},
		{"hard break", "a line  \nbroken", "a line\nbroken"},
		{"code and escapes", "use `a*b` and \\*stars\\* &amp; more", "use a*b and *stars* & more"},
		{"fenced code", "```\nx *y*\n```", "x *y*"},
		{"comment and rule", "<!-- part: faq -->\ntext\n\n---\n\nmore", "text\n\nmore"},
		{"quote", "> said\n> twice", "said twice"},
		{"strikethrough", "~~old~~ new", "old new"},
		{"image", "![a map](map.png)", "a map (map.png)"},
		{"inline html", "a <b>bold</b> word", "a bold word"},
		{"unclosed marks", "[not a link and `tick", "[not a link and `tick"},
	}
	for _, tt := range tests {
		if got := markdown(tt.md); got != tt.want {
			t.Errorf("%s: markdown(%q)\n got %q\nwant %q", tt.name, tt.md, got, tt.want)
		}
	}
}

func TestInline(t *testing.T) {
	if got := inline("What does *it* mean\nto you?"); got != "What does it mean to you?" {
		t.Errorf("inline = %q", got)
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		in       string
		newlines bool
		want     string
	}{
		{"plain – text ✓", true, "plain – text ✓"},
		{"a\x1b[1;31mb\x1b[0mc", true, "abc"},
		{"title\x1b]0;x\x07end", true, "titleend"},
		{"osc\x1b]8;;u\x1b\\end", true, "oscend"},
		{"one\r\ntwo", true, "one\ntwo"},
		{"one\ntwo", false, "onetwo"},
		{"c1\u009b31mx", true, "c131mx"},
		{"tab\tbecomes a space", false, "tab becomes a space"},
		{"trail\x1b", true, "trail"},
		{"bidi \u202eesrever\u202c gone", true, "bidi esrever gone"},
		{"bad \xff byte", true, "bad  byte"},
	}
	for _, tt := range tests {
		if got := clean(tt.in, tt.newlines); got != tt.want {
			t.Errorf("clean(%q, %v) = %q, want %q", tt.in, tt.newlines, got, tt.want)
		}
	}
}
