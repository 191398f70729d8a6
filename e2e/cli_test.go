package e2e

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vigil/store"
)

// dbOf is where vigil keeps the database under a fresh HOME.
func dbOf(env map[string]string) string {
	return filepath.Join(env["XDG_DATA_HOME"], "vigil", "vigil.db")
}

// seedSession writes one session with a note through the real store, as a
// finished meeting would leave it.
func seedSession(t *testing.T, env map[string]string, phrase string) uint64 {
	t.Helper()
	st, err := store.Open(dbOf(env), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.CreateSession(store.Session{GuideID: "cybersex-trafficking-faqs", GuideTitle: "Cybersex Trafficking FAQs", Group: "Tuesday"})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Apply(store.Change{SessionID: s.ID, Notes: []store.Note{{Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection, Text: phrase}}})
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// openStored opens the database read-only, once vigil has quit, and fails
// the test unless it passes bbolt's consistency check. The caller closes
// it.
func openStored(t *testing.T, env map[string]string) *store.Store {
	t.Helper()
	st, err := store.OpenReadOnly(dbOf(env), store.Options{Timeout: 2 * time.Second, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Check(); err != nil {
		t.Errorf("database check: %v", err)
	}
	return st
}

// storedRecord reads the latest session, with everything in it, from the
// database vigil left.
func storedRecord(t *testing.T, env map[string]string) store.Record {
	t.Helper()
	st := openStored(t, env)
	defer st.Close()
	s, err := st.Latest()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// storedNote is the saved note of the first question of the latest
// session.
func storedNote(t *testing.T, env map[string]string) string {
	t.Helper()
	return storedRecord(t, env).Notes["faq/what-is-cybersex-trafficking"].Text
}

// oneSentence checks that a failed command said one line, with no trace.
func oneSentence(t *testing.T, out []byte, err error, wants ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("the command succeeded:\n%s", out)
	}
	s := strings.TrimSpace(string(out))
	if strings.Contains(s, "\n") || strings.Contains(s, "goroutine") || strings.Contains(s, "panic") {
		t.Errorf("want one sentence, got:\n%s", s)
	}
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("the message lacks %q: %s", w, s)
		}
	}
}

// TestNotOurFileIsLeftAlone: whatever is at the database path that is not a
// vigil database gets one sentence, a non-zero exit, and stays as it was.
func TestNotOurFileIsLeftAlone(t *testing.T) {
	cases := map[string][]byte{
		"text":   []byte("shopping list: rice, eggs\n"),
		"random": bytes.Repeat([]byte{0x13, 0x37, 0xc0, 0xde, 0x99}, 2000),
		"empty":  {},
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			env := freshHome(t)
			db := dbOf(env)
			if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db, content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sha256.Sum256(content)
			for _, args := range [][]string{{"sessions"}, {"doctor"}, {"backup", filepath.Join(t.TempDir(), "b.db")}} {
				out, err := vigilCmd(env, args...).CombinedOutput()
				oneSentence(t, out, err, db)
				got, _ := os.ReadFile(db)
				if sha256.Sum256(got) != before {
					t.Fatalf("vigil %v changed the file", args)
				}
			}
		})
	}
	t.Run("directory", func(t *testing.T) {
		env := freshHome(t)
		if err := os.MkdirAll(dbOf(env), 0o700); err != nil {
			t.Fatal(err)
		}
		out, err := vigilCmd(env, "sessions").CombinedOutput()
		oneSentence(t, out, err, dbOf(env))
	})
}

// TestDeleteAsksThenForgets: delete asks first; with "n" nothing goes, with
// --yes the session is gone and its text is nowhere in the file.
func TestDeleteAsksThenForgets(t *testing.T) {
	env := freshHome(t)
	const phrase = "PHRASE-TO-FORGET-4417"
	id := seedSession(t, env, phrase)
	keep := seedSession(t, env, "a note that stays")

	c := vigilCmd(env, "sessions", "delete", "1")
	c.Stdin = strings.NewReader("n\n")
	out, err := c.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Nothing was deleted") {
		t.Fatalf("answering n: %v\n%s", err, out)
	}
	raw, _ := os.ReadFile(dbOf(env))
	if !bytes.Contains(raw, []byte(phrase)) {
		t.Fatal("the phrase is missing before the delete: the test cannot tell anything")
	}

	out, err = vigilCmd(env, "sessions", "delete", "--yes", "1").CombinedOutput()
	if err != nil {
		t.Fatalf("delete --yes: %v\n%s", err, out)
	}
	raw, _ = os.ReadFile(dbOf(env))
	if bytes.Contains(raw, []byte(phrase)) {
		t.Error("the deleted phrase is still readable in the database file")
	}
	out, _ = vigilCmd(env, "sessions").CombinedOutput()
	if strings.Contains(string(out), "\n1 ") {
		t.Errorf("session %d still listed:\n%s", id, out)
	}
	if !strings.Contains(string(out), "Tuesday") {
		t.Errorf("session %d went too:\n%s", keep, out)
	}
	out, err = vigilCmd(env, "sessions", "delete", "--yes", "99").CombinedOutput()
	oneSentence(t, out, err, "no session 99")
}

// TestBackupAndDoctor: backup writes a copy vigil can open, refuses to
// overwrite without --force; doctor reports what is there.
func TestBackupAndDoctor(t *testing.T) {
	env := freshHome(t)
	seedSession(t, env, "kept in the backup")
	dest := filepath.Join(t.TempDir(), "copy.db")
	if out, err := vigilCmd(env, "backup", dest).CombinedOutput(); err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	fi, err := os.Stat(dest)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", err, fi)
	}
	out, err := vigilCmd(env, "backup", dest).CombinedOutput()
	oneSentence(t, out, err, "--force")
	if out, err := vigilCmd(env, "backup", "--force", dest).CombinedOutput(); err != nil {
		t.Fatalf("backup --force: %v\n%s", err, out)
	}
	copyEnv := freshHome(t)
	copyEnv["VIGIL_DB"] = dest
	out, err = vigilCmd(copyEnv, "sessions").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Tuesday") {
		t.Errorf("the backup does not open as a vigil database: %v\n%s", err, out)
	}

	out, err = vigilCmd(env, "doctor").CombinedOutput()
	if err != nil {
		t.Fatalf("doctor: %v\n%s", err, out)
	}
	for _, want := range []string{"check:       ok", fmt.Sprintf("schema:      %d", store.SchemaVersion), "sessions:    1", "last backup:"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("doctor output lacks %q:\n%s", want, out)
		}
	}
}

// TestHelpAnswers: every command answers --help without touching the
// database.
func TestHelpAnswers(t *testing.T) {
	env := freshHome(t)
	for _, args := range [][]string{{"--help"}, {"new", "--help"}, {"resume", "--help"}, {"sessions", "--help"},
		{"sessions", "delete", "--help"}, {"guides", "--help"}, {"backup", "--help"}, {"doctor", "--help"}, {"version"}} {
		out, err := vigilCmd(env, args...).CombinedOutput()
		if err != nil || len(out) == 0 {
			t.Errorf("vigil %v: %v\n%s", args, err, out)
		}
	}
	if _, err := os.Stat(dbOf(env)); !os.IsNotExist(err) {
		t.Errorf("--help created the database: %v", err)
	}
	out, err := vigilCmd(env, "no-such-command").CombinedOutput()
	oneSentence(t, out, err, "Unknown command", "vigil --help")
}
