package export

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"vigil/session"
	"vigil/store"
)

// listing names what is in dir, so a test can tell that nothing was left.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestToFileWritesPrivatelyAndWholly(t *testing.T) {
	st, ids := storeWith(t, fixture())
	path := filepath.Join(t.TempDir(), "handout.html")
	if err := ToFile(st, ids, HTML, leader(), path, false); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != export(t, st, ids, HTML, session.Leader) {
		t.Error("the file differs from what Write gives")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("the file is %v, want 0600", fi.Mode().Perm())
	}
	if names := listing(t, filepath.Dir(path)); !slices.Equal(names, []string{"handout.html"}) {
		t.Errorf("the folder holds %q, want the export alone", names)
	}
}

func TestToFileNeverOverwritesWithoutForce(t *testing.T) {
	st, ids := storeWith(t, fixture())
	path := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(path, []byte("last week's notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := ToFile(st, ids, Markdown, leader(), path, false)
	if err == nil || !strings.Contains(err.Error(), "already exists; pass --force") {
		t.Fatalf("ToFile over a file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "last week's notes" {
		t.Error("the file was changed without --force")
	}
	if names := listing(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("left behind: %q", names)
	}
	if err := ToFile(st, ids, Markdown, leader(), path, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "# Week 1") {
		t.Error("--force did not replace the file")
	}
}

func TestToFileBadPathsLeaveNothing(t *testing.T) {
	st, ids := storeWith(t, fixture())
	dir := t.TempDir()
	folder := filepath.Join(dir, "a-folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, says string
		ids              []uint64
	}{
		{"missing folder", filepath.Join(dir, "no-such-folder", "notes.md"), "does not exist; create it", ids},
		{"a folder", folder, "is a folder; give the path of the file", ids},
		{"the database", st.Path(), "is the notes database itself", ids},
		{"missing session", filepath.Join(dir, "notes.md"), "", []uint64{ids[0], 99}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := listing(t, dir)
			dbBefore := sum(t, st.Path())
			err := ToFile(st, tc.ids, Markdown, leader(), tc.path, true)
			if err == nil || !strings.Contains(err.Error(), tc.says) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("ToFile(%s): %v; want one line saying %q", tc.path, err, tc.says)
			}
			if tc.says == "" && !errors.Is(err, store.ErrNotFound) {
				t.Errorf("a missing session: %v, want ErrNotFound", err)
			}
			if after := listing(t, dir); !slices.Equal(after, before) {
				t.Errorf("the folder went from %q to %q", before, after)
			}
			if names := listing(t, folder); len(names) != 0 {
				t.Errorf("the folder a-folder now holds %q", names)
			}
			if sum(t, st.Path()) != dbBefore {
				t.Error("the database changed")
			}
		})
	}
}

func TestFormatNames(t *testing.T) {
	for in, want := range map[string]Format{"md": Markdown, "Markdown": Markdown, "json": JSON, " TXT ": Text, "text": Text, "html": HTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "use md, json, txt or html") {
		t.Errorf("ParseFormat(pdf): %v", err)
	}
	for name, want := range map[string]Format{"handout.html": HTML, "a/b.JSON": JSON, "notes.txt": Text, "x.md": Markdown} {
		if got, ok := FormatOfFile(name); !ok || got != want {
			t.Errorf("FormatOfFile(%q) = %q, %v", name, got, ok)
		}
	}
	for _, name := range []string{"notes", "notes.pdf", "dir.md/notes"} {
		if got, ok := FormatOfFile(name); ok {
			t.Errorf("FormatOfFile(%q) = %q", name, got)
		}
	}
}

func TestDefaultFileName(t *testing.T) {
	s := fixture().Session
	if got := DefaultFileName(s, Markdown, session.Leader); got != "vigil-2026-11-26-thursday-group.md" {
		t.Errorf("DefaultFileName = %q", got)
	}
	if got := DefaultFileName(s, Markdown, session.Shared); got != "vigil-2026-11-26-thursday-group.md" {
		t.Errorf("DefaultFileName of the shared view = %q", got)
	}
	s.Group = ""
	if got := DefaultFileName(s, HTML, session.Leader); got != "vigil-2026-11-26-week-1.html" {
		t.Errorf("DefaultFileName without a group = %q", got)
	}
	s.Title = "  / ../ Ünïcode Grüppe!! "
	if got := DefaultFileName(s, JSON, session.Leader); got != "vigil-2026-11-26-ünïcode-grüppe.json" {
		t.Errorf("DefaultFileName of an odd title = %q", got)
	}
	s.Title = ""
	if got := DefaultFileName(s, Text, session.Leader); got != "vigil-2026-11-26-cybersex-trafficking-faqs.txt" {
		t.Errorf("DefaultFileName with only a guide = %q", got)
	}
}

// TestDefaultFileNameRedacted: the name of a redacted export says neither
// the group, nor the title, nor the day.
func TestDefaultFileNameRedacted(t *testing.T) {
	s := fixture().Session
	s.Group, s.Title = "Maria Gonzalez support group", "Week 1"
	for _, f := range Formats {
		got := DefaultFileName(s, f, session.Redacted)
		if want := "vigil-2026-11-redacted." + string(f); got != want {
			t.Errorf("DefaultFileName(%s, redacted) = %q, want %q", f, got, want)
		}
	}
}
