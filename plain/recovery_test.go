package plain

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"vigil/session"
)

// TestPlainFailedSaveGoesToRecoveryFile: when a line cannot be saved (here
// the session is gone from the database under plain mode), plain mode
// says so in one sentence naming a 0600 recovery file that holds the
// line, and goes on; quitting writes what is left to another.
func TestPlainFailedSaveGoesToRecoveryFile(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	if err := st.DeleteSession(cfg.Start.Record.Session.ID); err != nil {
		t.Fatal(err)
	}
	out := runScript(t, cfg, "f\n", "n\n", "words that could not be saved\n", "q\n")
	m := regexp.MustCompile(`That was not saved \([^)]*\); it is kept in (\S+\.json)\.`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no sentence naming the recovery file:\n%s", out)
	}
	if strings.Contains(out, "saved.\n") {
		t.Errorf("plain mode said saved:\n%s", out)
	}
	fi, err := os.Stat(m[1])
	if err != nil || fi.Mode().Perm() != 0o600 || filepath.Dir(m[1]) != filepath.Dir(st.Path()) {
		t.Fatalf("recovery file %s: %v %v", m[1], fi, err)
	}
	data, _ := os.ReadFile(m[1])
	if !strings.Contains(string(data), "words that could not be saved") {
		t.Errorf("the recovery file lacks the line:\n%s", data)
	}
	mustContain(t, out, "The session could not be saved as it stands")
	if files := session.RecoveryFiles(st.Path()); len(files) != 2 {
		t.Errorf("recovery files %v, want the line's and the quit's", files)
	}
}

// TestPlainRefusesTextOverLimit: a line that would take the note over
// session.MaxText is refused with the sentence, and the note stays.
func TestPlainRefusesTextOverLimit(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	big := strings.Repeat("x", session.MaxText)
	out := runScript(t, cfg, "f\n", "n\n", "first line\n", big+"\n", "a\n", big+"\n", "\n", "q\n")
	mustContain(t, out, "This note is longer than 16 KiB, vigil's limit; split it over two pages or shorten it.")
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	for _, n := range rec.Notes {
		if len(n.Text) > session.MaxText {
			t.Errorf("a note of %d bytes was stored", len(n.Text))
		}
	}
	if n := rec.Notes["faq/two"]; n.Text != "first line" {
		t.Errorf("the first line went: the note is %q", n.Text)
	}
}
