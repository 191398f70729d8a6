package guides

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeGuide(t *testing.T, dir, name, id string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/good/minimal.md")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), "id: minimal", "id: "+id, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadEmbeddedOnly(t *testing.T) {
	for _, dir := range []string{"", filepath.Join(t.TempDir(), "missing")} {
		lib := Load(dir)
		if len(lib.Guides) != len(Embedded()) || len(lib.Broken) != 0 || len(lib.Shadowed) != 0 {
			t.Errorf("Load(%q) = %d guides, %v broken, %v shadowed", dir, len(lib.Guides), lib.Broken, lib.Shadowed)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	b := writeGuide(t, dir, "b.md", "user-guide")
	shadow := writeGuide(t, dir, "a.md", DefaultID)
	dup := writeGuide(t, dir, "c.md", "user-guide")
	broken := filepath.Join(dir, "broken.md")
	if err := os.WriteFile(broken, []byte("# No front matter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a guide"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.md"), 0o755); err != nil {
		t.Fatal(err)
	}

	lib := Load(dir)
	var ids []string
	for _, g := range lib.Guides {
		ids = append(ids, g.Meta.ID+"@"+g.Origin)
	}
	wantIDs := []string{DefaultID + "@" + shadow, "user-guide@" + b}
	if strings.Join(ids, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("guides %v, want %v", ids, wantIDs)
	}
	if lib.Shadowed[DefaultID] != shadow || len(lib.Shadowed) != 1 {
		t.Errorf("Shadowed = %v", lib.Shadowed)
	}
	if len(lib.Broken) != 2 {
		t.Fatalf("Broken = %v, want 2 errors", lib.Broken)
	}
	for i, file := range []string{broken, dup} {
		var ps Problems
		if !errors.As(lib.Broken[i], &ps) || ps[0].File != file {
			t.Errorf("Broken[%d] = %v, want the problems of %s", i, lib.Broken[i], file)
		}
	}
	if !strings.Contains(lib.Broken[1].Error(), "the id user-guide is already used by "+b) {
		t.Errorf("duplicate id: %v", lib.Broken[1])
	}
	if Default().Origin != OriginEmbedded {
		t.Error("shadowing changed the embedded guide itself")
	}
}

// TestLoadBrokenGuideChangesNothing: a user guide with the seed guide's
// id and a fault after its front matter is named as file:line: message,
// and the library is as if the file were not there: the embedded guide
// stays, shadowed by nothing.
func TestLoadBrokenGuideChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := writeGuide(t, dir, "seed.md", DefaultID)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, "\n<!-- part: closing -->\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := Load(dir)
	if len(lib.Broken) != 1 {
		t.Fatalf("Broken = %v, want the one file", lib.Broken)
	}
	line := strings.Count(string(data), "\n") + 2
	if got, want := lib.Broken[0].Error(), fmt.Sprintf("%s:%d: ", path, line); !strings.HasPrefix(got, want) {
		t.Errorf("the problem reads %q, want it to start %q", got, want)
	}
	if len(lib.Guides) != len(Embedded()) || len(lib.Shadowed) != 0 {
		t.Errorf("a broken guide changed the library: %d guides, shadowed %v", len(lib.Guides), lib.Shadowed)
	}
	if g, err := lib.Find(DefaultID); err != nil || g.Origin != OriginEmbedded {
		t.Errorf("Find(%s) = %v, %v; want the embedded guide", DefaultID, g, err)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	path := writeGuide(t, dir, "mine.md", "mine")
	outside := writeGuide(t, t.TempDir(), "outside.md", "outside")
	lib := Load(dir)

	for _, arg := range []string{"mine", path, DefaultID} {
		if g, err := lib.Find(arg); err != nil || g == nil {
			t.Errorf("Find(%q) = %v, %v", arg, g, err)
		}
	}
	if g, err := lib.Find(outside); err != nil || g.Meta.ID != "outside" || g.Origin != outside {
		t.Errorf("Find(a file outside the library) = %v, %v", g, err)
	}
	_, err := lib.Find("nope")
	if err == nil || err.Error() != "no guide with id nope; run `vigil guides` to see the list" {
		t.Errorf("Find(missing) error = %v", err)
	}
	if _, err := lib.Find("no\x1b[2Jpe"); err == nil || !strings.Contains(err.Error(), `no\x1b[2Jpe`) {
		t.Errorf("Find(an id with an escape) error = %q, want the escape written out", err)
	}
	brokenFile := filepath.Join(t.TempDir(), "broken.md")
	if err := os.WriteFile(brokenFile, []byte("nothing"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Find(brokenFile); !errors.As(err, new(Problems)) {
		t.Errorf("Find(a broken file) error = %v, want its Problems", err)
	}
}

func TestReadFileTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(path, make([]byte, 3*MaxSize), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), "at most 1 MiB") {
		t.Errorf("ReadFile of a 3 MiB file: %v", err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "none.md")); err == nil || !strings.Contains(err.Error(), "none.md: cannot read the file: no such file or directory") {
		t.Errorf("ReadFile of a missing file: %v", err)
	}
}
