package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vigil/export"
	"vigil/store"
)

// Phrases put in the private places of a session: none may leave vigil in
// a redacted export.
var privatePhrases = []string{"PRIVATE-REQUEST-7431", "ASKER-NAME-7432", "LEADER-NOTE-7433", "PRESENT-7434"}

// seedPrivate adds a private request, a named one, a leader's note and
// the attendance to session id.
func seedPrivate(t *testing.T, env map[string]string, id uint64) {
	t.Helper()
	st, err := store.Open(dbOf(env), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	sess := rec.Session
	sess.Attendance = "PRESENT-7434"
	err = st.Apply(store.Change{SessionID: id, Session: &sess,
		Notes: []store.Note{{Key: "faq/what-is-cybersex-trafficking@leader", Kind: store.NoteLeader, Text: "LEADER-NOTE-7433"}},
		Requests: []store.Request{
			{ID: 1, Text: "PRIVATE-REQUEST-7431", Private: true},
			{ID: 2, Text: "For the workers in Manila", Name: "ASKER-NAME-7432", Prayed: true},
		}})
	if err != nil {
		t.Fatal(err)
	}
}

// run runs vigil in dir and fails the test when it fails.
func run(t *testing.T, env map[string]string, dir string, args ...string) string {
	t.Helper()
	c := vigilCmd(env, args...)
	c.Dir = dir
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("vigil %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestExportFormatsAndRedaction(t *testing.T) {
	env := freshHome(t)
	const phrase = "GROUP-NOTE-7430"
	id := seedSession(t, env, phrase)
	seedPrivate(t, env, id)
	dir := t.TempDir()

	md := run(t, env, dir, "export", "--format", "md")
	for _, want := range append([]string{"# ", "## Cybersex Trafficking FAQs", "### What is cybersex trafficking?", phrase}, privatePhrases...) {
		if !strings.Contains(md, want) {
			t.Errorf("vigil export --format md lacks %q:\n%s", want, md)
		}
	}

	for _, f := range []string{"md", "json", "txt", "html"} {
		out := run(t, env, dir, "export", "--redact", "--format", f)
		if !strings.Contains(out, phrase) || !strings.Contains(out, "a participant") {
			t.Errorf("--redact --format %s lost what is not private:\n%s", f, out)
		}
		for _, p := range privatePhrases {
			if strings.Contains(out, p) {
				t.Errorf("--redact --format %s shows %s", f, p)
			}
		}
	}

	out := run(t, env, dir, "export", "--format", "html", "-o", "handout.html")
	if !strings.Contains(out, "Wrote 1 session to handout.html.") {
		t.Errorf("export -o said: %s", out)
	}
	handout := filepath.Join(dir, "handout.html")
	data, err := os.ReadFile(handout)
	if err != nil || !strings.HasPrefix(string(data), "<!DOCTYPE html>") || !strings.Contains(string(data), phrase) {
		t.Fatalf("handout.html: %v\n%.200s", err, data)
	}
	if fi, _ := os.Stat(handout); fi.Mode().Perm() != 0o600 {
		t.Errorf("handout.html is %v, want 0600", fi.Mode().Perm())
	}
	c := vigilCmd(env, "export", "--format", "html", "-o", "handout.html")
	c.Dir = dir
	again, err := c.CombinedOutput()
	oneSentence(t, again, err, "The file handout.html already exists", "--force")
	if now, _ := os.ReadFile(handout); string(now) != string(data) {
		t.Error("a refused export changed handout.html")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want handout.html alone", len(entries))
	}

	out2, err := vigilCmd(env, "export", "99").CombinedOutput()
	oneSentence(t, out2, err, "no session 99")
	out2, err = vigilCmd(env, "export", "--format", "pdf").CombinedOutput()
	oneSentence(t, out2, err, "use md, json, txt or html")
}

func TestExportImportIntoAnotherHome(t *testing.T) {
	env := freshHome(t)
	seedPrivate(t, env, seedSession(t, env, "FIRST-7440"))
	seedSession(t, env, "SECOND-7441")
	dir := t.TempDir()
	run(t, env, dir, "export", "--all", "--format", "json", "-o", "notes.json")
	file := filepath.Join(dir, "notes.json")

	other := freshHome(t)
	if out := run(t, other, dir, "import", "notes.json"); !strings.Contains(out, "Imported 2 sessions from notes.json.") {
		t.Errorf("first import said: %s", out)
	}
	if out := run(t, other, dir, "import", "notes.json"); !strings.Contains(out, "Nothing new in notes.json") {
		t.Errorf("second import said: %s", out)
	}
	if list := run(t, other, dir, "sessions"); strings.Count(list, "Tuesday") != 2 {
		t.Errorf("after importing twice, vigil sessions shows:\n%s", list)
	}
	again := run(t, other, dir, "export", "--all", "--format", "json")
	if want, _ := os.ReadFile(file); again != string(want) {
		t.Errorf("the export from the other home differs from the file imported:\n%s", again)
	}

	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"schema": 1, "sessions": [{"uid": "x"`), 0o600); err != nil {
		t.Fatal(err)
	}
	// Every open commits bbolt's meta page, so compare what is in the
	// database, not its bytes.
	before := run(t, other, dir, "export", "--all", "--format", "json")
	out, err := vigilCmd(other, "import", broken).CombinedOutput()
	oneSentence(t, out, err, broken, "nothing was imported")
	if after := run(t, other, dir, "export", "--all", "--format", "json"); after != before {
		t.Error("a refused import changed the database")
	}
	newer := filepath.Join(dir, "newer.json")
	if err := os.WriteFile(newer, fmt.Appendf(nil, `{"schema": %d, "sessions": []}`, export.SchemaVersion+1), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = vigilCmd(other, "import", newer).CombinedOutput()
	oneSentence(t, out, err, "newer vigil", "update vigil")

	out, err = vigilCmd(freshHome(t), "import", filepath.Join(dir, "missing.json")).CombinedOutput()
	oneSentence(t, out, err, "no file")
}
