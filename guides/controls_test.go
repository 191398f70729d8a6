package guides

import (
	"os"
	"path/filepath"
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
