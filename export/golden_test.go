package export

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"vigil/session"
	"vigil/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with testdata/<name>.golden; with -update it
// writes got there first.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (run with -update, then read the diff):\n%s", name, path, got)
	}
}

// TestGolden compares each format's export of the fixture session, in the
// leader's, the shared and the redacted view, with
// testdata/session[-shared|-redacted].<format>.golden. Run with -update to
// rewrite them, then read them before committing.
func TestGolden(t *testing.T) {
	st, ids := storeWith(t, fixture())
	for _, f := range Formats {
		for _, v := range []struct {
			prefix string
			view   session.View
		}{{"session.", session.Leader}, {"session-shared.", session.Shared}, {"session-redacted.", session.Redacted}} {
			name := v.prefix + string(f)
			t.Run(name, func(t *testing.T) {
				checkGolden(t, name, export(t, st, ids, f, v.view))
			})
		}
	}
}

// TestGoldenMissingGuide: a session whose guide is not in the library is
// exported with the notes' keys for titles, in the usual order of parts.
func TestGoldenMissingGuide(t *testing.T) {
	rec := fixture()
	rec.Session.GuideID = "a-retired-guide"
	rec.Session.GuideTitle = ""
	rec.Notes["content-note"] = store.Note{Key: "content-note", Kind: store.NoteSection, Text: "We agreed to pause whenever anyone asks.", Updated: at(19, 31)}
	st, ids := storeWith(t, rec)
	for _, f := range []Format{Markdown, Text} {
		name := "missing-guide." + string(f)
		t.Run(name, func(t *testing.T) {
			checkGolden(t, name, export(t, st, ids, f, session.Leader))
		})
	}
}
