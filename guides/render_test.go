package guides

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
)

// seedTexts returns the Markdown texts vigil renders from a guide: the file
// after its front matter, and each section with its prompts and leader note.
func seedTexts(t testing.TB, g *Guide) []string {
	t.Helper()
	src := string(g.Source)
	_, rest, ok := strings.Cut(src[4:], "\n---\n")
	if !strings.HasPrefix(src, "---\n") || !ok {
		t.Fatal("the seed guide does not start with front matter")
	}
	texts := []string{rest}
	for _, p := range g.Parts {
		for _, s := range p.Sections {
			md := "## " + s.Title + "\n\n" + s.Body
			for _, q := range s.Prompts {
				md += "\n\n- " + q
			}
			texts = append(texts, md)
			if s.Leader != "" {
				texts = append(texts, s.Leader)
			}
		}
	}
	return texts
}

// orphans returns the lone short words of out that a right wrap would not
// leave alone on a line: the word fits at the end of the line before it, or
// the next line's first word fits after it. Either is the mark of a bad
// reflow; a paragraph's last word, alone because it did not fit, is not.
func orphans(out string, width int) []string {
	const short = 15
	limit := width - 2 // glamour keeps two columns of margin on each side
	var bad []string
	lines := strings.Split(xansi.Strip(out), "\n")
	for i := 1; i < len(lines); i++ {
		word := strings.TrimSpace(lines[i])
		if word == "" || strings.ContainsAny(word, " \t") || len(word) > short {
			continue
		}
		prev := strings.TrimRight(lines[i-1], " ")
		if strings.TrimSpace(prev) != "" && xansi.StringWidth(prev)+1+len(word) <= limit {
			bad = append(bad, prev+"⏎"+word)
			continue
		}
		if i+1 < len(lines) {
			next := strings.Fields(lines[i+1])
			indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
			if len(next) > 0 && !isListMarker(next[0]) && indent+len(word)+1+xansi.StringWidth(next[0]) <= limit {
				bad = append(bad, word+"⏎"+next[0])
			}
		}
	}
	return bad
}

// isListMarker reports whether a rendered word starts a list item, and so a
// new line of its own.
func isListMarker(w string) bool {
	return w == "•" || strings.HasSuffix(w, ".") && strings.Trim(w, "0123456789.") == ""
}

func TestRenderSeedHasNoOrphans(t *testing.T) {
	g := Default()
	for _, style := range Styles {
		for _, width := range []int{60, 80, 100, 120} {
			r, err := NewRenderer(width, style)
			if err != nil {
				t.Fatal(err)
			}
			for _, md := range seedTexts(t, g) {
				out, err := r.Render(md)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range orphans(out, width) {
					t.Errorf("%s at %d: a lone word: %q", style, width, o)
				}
				for _, l := range strings.Split(out, "\n") {
					if w := xansi.StringWidth(l); w > width {
						t.Errorf("%s at %d: a line of %d columns: %q", style, width, w, xansi.Strip(l))
					}
				}
			}
		}
	}
}

func TestOrphansFindsTheGlamourFault(t *testing.T) {
	// The checker must see the fault it is there for: the seed guide's first
	// section as glamour v1 wrapped it at width 100 ("abuse" then "of"
	// alone). glamour v2 wraps this text right, so the fault is kept here
	// as text.
	out := "  Cybersex trafficking is a growing devastating form of modern-day slavery--the live sexual\n" +
		"  abuse\n" +
		"  of children streamed via the internet.\n"
	if len(orphans(out, 100)) == 0 {
		t.Fatalf("no orphan found in glamour v1's output:\n%s", out)
	}
	r, err := NewRenderer(100, "notty")
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.tr.Render(Default().Parts[0].Sections[0].Body)
	if err != nil {
		t.Fatal(err)
	}
	if o := orphans(got, 100); len(o) > 0 {
		t.Logf("glamour alone still leaves lone words, which Render's hyphen guard prevents: %q", o)
	}
}

func TestRenderTidies(t *testing.T) {
	md := "# Title\n\nSome text, well-known and re-used.\n\n```\na-b\n```\n"
	for _, style := range Styles {
		out, err := Render(md, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(out, "\n")
		if isBlank(xansi.Strip(lines[0])) || isBlank(xansi.Strip(lines[len(lines)-1])) {
			t.Errorf("%s: a blank line at an end:\n%q", style, out)
		}
		for _, l := range lines {
			if strings.HasSuffix(xansi.Strip(l), " ") {
				t.Errorf("%s: padding left: %q", style, l)
			}
		}
		plain := xansi.Strip(out)
		if strings.ContainsRune(plain, nbHyphen) || !strings.Contains(plain, "well-known and re-used") || !strings.Contains(plain, "a-b") {
			t.Errorf("%s: hyphens not restored:\n%s", style, plain)
		}
	}
}

func TestTrimPadding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text   ", "text"},
		{"\x1b[1mtext\x1b[0m\x1b[38;5;252m \x1b[0m\x1b[38;5;252m \x1b[0m", "\x1b[1mtext\x1b[0m"},
		{"\x1b[38;5;252m \x1b[0m  ", ""},
		{"\x1b[1mbold\x1b[0m", "\x1b[1mbold\x1b[0m"},
		// A link's end among the padding stays, or the link would go on
		// over the lines after it.
		{"\x1b]8;id=1;https://e.org\alink\x1b]8;;\a   ", "\x1b]8;id=1;https://e.org\alink\x1b]8;;\a"},
		{"\x1b]8;id=1;https://e.org\alink\x1b]8;;\a\x1b[38;5;252m \x1b[m", "\x1b]8;id=1;https://e.org\alink\x1b]8;;\a\x1b[0m"},
	}
	for _, tt := range tests {
		if got := trimPadding(tt.in); got != tt.want {
			t.Errorf("trimPadding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRenderStyles(t *testing.T) {
	for _, style := range Styles {
		if _, err := Render("text", 80, style); err != nil {
			t.Errorf("%s: %v", style, err)
		}
	}
	if _, err := Render("text", 80, "auto"); err == nil {
		t.Error("the auto style was accepted; it queries the terminal")
	}
	if _, err := NewRenderer(0, "dark"); err == nil {
		t.Error("width 0 was accepted")
	}
}

func TestProtectHyphens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"modern-day slavery--the", "modern‑day slavery‑‑the"},
		{"- a list item\n---\n| --- |", "- a list item\n---\n| --- |"},
		{"bar- and street-based", "bar‑ and street‑based"},
		{"```go\nx-y\n```\nx-y", "```go\nx-y\n```\nx‑y"},
	}
	for _, tt := range tests {
		if got, _ := protectHyphens(tt.in); got != tt.want {
			t.Errorf("protectHyphens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if _, changed := protectHyphens("a‑b c-d"); changed {
		t.Error("a text with its own non-breaking hyphen was changed")
	}
}

func BenchmarkRenderSeed(b *testing.B) {
	md := seedTexts(b, Default())[0]
	r, err := NewRenderer(100, "dark")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(md); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderSection(b *testing.B) {
	s := Default().Parts[0].Sections[3] // the longest answer but one
	md := "## " + s.Title + "\n\n" + s.Body
	r, err := NewRenderer(100, "dark")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(md); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNoTTYShowsNoMarkdownMarks: without colour the reader sees words,
// not the source's marks: no "##", "**" or "*" around them.
func TestNoTTYShowsNoMarkdownMarks(t *testing.T) {
	out, err := Render("## For the leader\n\n**Restore:** pray *slowly*, not ~~fast~~.\n", 60, "notty")
	if err != nil {
		t.Fatal(err)
	}
	for _, mark := range []string{"#", "*", "~"} {
		if strings.Contains(out, mark) {
			t.Errorf("the notty rendering holds %q:\n%s", mark, out)
		}
	}
	for _, word := range []string{"For the leader", "Restore:", "slowly", "fast"} {
		if !strings.Contains(out, word) {
			t.Errorf("the notty rendering lost %q:\n%s", word, out)
		}
	}
}

// itemMark is the start of a list item as a reader sees it, after the
// item's indent: a bullet, or a number and a dot.
var itemMark = regexp.MustCompile(`^(• |\d+\. )`)

// TestListItemsHang: a list item glamour wraps goes on under its text,
// not under its bullet or number, within the width, with its words whole
// and in order, in every style.
func TestListItemsHang(t *testing.T) {
	item := "After a disclosure, listen and believe, thank them for telling you, and speak to your safeguarding lead."
	numbered := "Text IFISTAND to 52886 and receive simple actions that you can take to help end the trafficking and slavery of children."
	md := "Before.\n\n- " + item + "\n- Short one.\n\n3. " + numbered + "\n4. Second.\n\nAfter the list, a paragraph long enough to wrap at forty columns.\n"
	for _, style := range Styles {
		out, err := Render(md, 40, style)
		if err != nil {
			t.Fatal(err)
		}
		checkHang(t, style, out, 40, []hungItem{{"• ", item}, {"3. ", numbered}})
		if !strings.Contains(out, "After the list") {
			t.Errorf("%s: the paragraph after the list is lost:\n%s", style, out)
		}
	}
}

// TestListItemsHangEdgeCases: items numbered past 9, nested items, items
// with a link or with hyphenated words hang like the others; a wrapped
// line that starts with "2019. " is no item, in a paragraph or in an item;
// and the links' escape sequences stay paired on every line.
func TestListItemsHangEdgeCases(t *testing.T) {
	year := "An item that ends with the year of the first report in 2019. Since then many more children were found."
	// 27 letters, then "modern-day" across the column an item's text
	// wraps at (40, less 4 for the indent and bullet).
	hyphens := "Aaaaaaaaaaaaaaaaaaaaaaaaaaa modern-day slavery, in the well-known day-to-day work of people."
	ten := "Ten, an item with a good many words that need wrapping at forty columns."
	nested := "Nested, a bullet with a good many words that need wrapping at forty."
	link := "Eleven with a [link to a place](https://example.org/a/long/path) and more words after it."
	para := "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 2019. Since then many more children have been found and brought to safety."
	// The item's soft line break puts "2019. " at the start of a line.
	md := para + "\n\n- " + strings.Replace(year, " 2019.", "\n  2019.", 1) + "\n- " + hyphens + "\n\n9. Nine.\n10. " + ten + "\n    - " + nested + "\n11. " + link + "\n"
	for _, style := range Styles {
		out, err := Render(md, 40, style)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(out, itemJoiner) {
			t.Errorf("%s: the item mark is left in the output: %q", style, out)
		}
		checkHang(t, style, out, 40, []hungItem{
			{"• ", year}, {"• ", hyphens}, {"10. ", ten}, {"• ", nested},
			{"11. ", "Eleven with a link to a place https://example.org/a/long/path and more words after it."},
		})
		lines := strings.Split(out, "\n")
		for _, l := range lines {
			if opens, closes := strings.Count(l, "\x1b]8;id="), strings.Count(l, "\x1b]8;;\a"); opens != closes {
				t.Errorf("%s: a line opens %d links and closes %d: %q", style, opens, closes, l)
			}
		}
		// The paragraph keeps the paragraph's indent on every line.
		for _, l := range lines[:4] {
			if plain := xansi.Strip(l); indentOf(plain) != 2 {
				t.Errorf("%s: a paragraph line is indented as a list item: %q\n%s", style, plain, xansi.Strip(out))
			}
		}
	}
}

// hungItem is a list item to find in a rendering: its mark as shown, and
// its text as a reader reads it.
type hungItem struct{ mark, text string }

// checkHang checks a rendering at width: no line is wider or ends in
// spaces, and each item's later lines hang under its text, its words
// whole and in order.
func checkHang(t *testing.T, style, out string, width int, items []hungItem) {
	t.Helper()
	lines := strings.Split(xansi.Strip(out), "\n")
	for _, l := range lines {
		if w := xansi.StringWidth(l); w > width {
			t.Errorf("%s: a line of %d columns at %d: %q", style, w, width, l)
		}
		if strings.TrimRight(l, " ") != l {
			t.Errorf("%s: a line ends in spaces: %q", style, l)
		}
	}
	for _, c := range items {
		first := c.mark + strings.Fields(c.text)[0]
		start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, " "), first) })
		if start < 0 {
			t.Errorf("%s: no item %q:\n%s", style, first, out)
			continue
		}
		hang := indentOf(lines[start]) + xansi.StringWidth(c.mark)
		words := strings.Fields(strings.TrimLeft(lines[start], " ")[len(c.mark):])
		for _, l := range lines[start+1:] {
			if strings.TrimSpace(l) == "" || itemMark.MatchString(strings.TrimLeft(l, " ")) {
				break
			}
			if indentOf(l) != hang {
				t.Errorf("%s: a line of the item %q does not hang under its text (%d spaces, want %d): %q", style, c.mark, indentOf(l), hang, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if got := strings.Join(words, " "); got != c.text {
			t.Errorf("%s: the item reads %q, want %q", style, got, c.text)
		}
	}
}
