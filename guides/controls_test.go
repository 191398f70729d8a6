package guides

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// hasControl reports whether s holds anything that can drive a terminal.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return forbidden(r) && r != '\n' })
}

func TestProblemsHoldNoControls(t *testing.T) {
	data, err := os.ReadFile("testdata/broken/escape-sequence.md")
	if err != nil {
		t.Fatal(err)
	}
	name := "evil\x1b]0;title\x07\u202e.md"
	ps := Check(name, data)
	if len(ps) == 0 {
		t.Fatal("Check found nothing in a guide full of escape sequences")
	}
	if out := ps.Error(); hasControl(out) {
		t.Errorf("problems hold control characters: %q", out)
	}
	if !strings.HasPrefix(ps.Error(), `evil\x1b]0;title\x07\u202e.md:3: `) {
		t.Errorf("the file name is not escaped as text: %q", ps.Error())
	}
}

func TestLoadEscapesFileNames(t *testing.T) {
	dir := t.TempDir()
	name := "bad\x1b[2J\x9b.md"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("no front matter\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lib := Load(dir)
	if len(lib.Broken) != 1 {
		t.Fatalf("Broken = %v, want one problem", lib.Broken)
	}
	if out := lib.Broken[0].Error(); hasControl(out) || !strings.Contains(out, `bad\x1b[2J\x9b.md`) {
		t.Errorf("the problem prints the file name raw: %q", out)
	}
}

// TestCharacterReferencesToControlsAreRefused: "&#x1b;" becomes an escape
// when the Markdown is read (glamour on screen, the exports), so a guide
// that spells a control that way is refused as if it held the byte, with
// file:line; references to ordinary characters stay allowed.
func TestCharacterReferencesToControlsAreRefused(t *testing.T) {
	lines := strings.Split(string(Default().Source), "\n")
	body := len(lines) - 2 // the line the reference goes on
	for _, ref := range []string{"&#x1b;]0;pwn&#7;", "&#27;", "&#x202E;", "&NewLine;", "&#10;# a heading"} {
		bad := slices.Clone(lines)
		bad[body] += " " + ref
		ps := Check("g.md", []byte(strings.Join(bad, "\n")))
		if !strings.Contains(ps.Error(), fmt.Sprintf("g.md:%d: &", body+1)) || !strings.Contains(ps.Error(), "is not allowed in a guide") {
			t.Errorf("%s: got %q", ref, ps.Error())
		}
		if hasControl(ps.Error()) {
			t.Errorf("%s: the problem holds a control: %q", ref, ps.Error())
		}
	}
	ok := slices.Clone(lines)
	ok[body] += " caf&eacute; &#233; &amp; &lt;"
	if ps := Check("g.md", []byte(strings.Join(ok, "\n"))); len(ps) != 0 {
		t.Errorf("ordinary references refused: %v", ps)
	}
}
