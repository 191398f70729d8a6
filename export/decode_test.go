package export

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"vigil/session"
	"vigil/store"
)

// validExport is the fixture's JSON export.
func validExport(t *testing.T) string {
	st, ids := storeWith(t, fixture())
	return export(t, st, ids, JSON, session.Leader)
}

func TestDecodeRefusesWithOneSentence(t *testing.T) {
	good := validExport(t)
	swap := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the fixture export lacks %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	cases := []struct{ name, input, says string }{
		{"empty", " \n", "it is empty"},
		{"not json", "Dear group, here are the notes", "broken JSON at line 1"},
		{"cut short", good[:len(good)/2], "ends too soon"},
		{"a list", "[1, 2]", "not a vigil JSON export"},
		{"no schema", `{"sessions": []}`, "no schema number"},
		{"schema text", `{"schema": "one", "sessions": []}`, "no schema number"},
		{"schema zero", `{"schema": 0, "sessions": []}`, "no schema number"},
		{"newer", swap(`"schema": 3`, `"schema": 4`), "newer vigil (schema 4"},
		{"no sessions", `{"schema": 1}`, "no sessions list"},
		{"unknown field", swap(`"seen": 22`, `"seen": 22, "mood": "calm"`), `field "mood"`},
		{"wrong type", swap(`"seen": 22`, `"seen": "many"`), "seen must be a number"},
		{"bad time", swap(`"created": "2026-11-26T19:30:00-05:00"`, `"created": "last Thursday"`), "time is not valid"},
		{"no uid", swap(`"uid": "`+fixtureUID+`",`, ""), "session 1 has no uid"},
		{"odd uid", swap(fixtureUID, "../../etc"), "session 1 has a uid vigil did not make"},
		{"no guide", swap(`"guide_id": "cybersex-trafficking-faqs",`, ""), "session 1 has no guide_id"},
		{"no created", swap(`"created": "2026-11-26T19:30:00-05:00",`, ""), "session 1 has no created time"},
		{"bad path", swap(`"path": "full"`, `"path": "sideways"`), "unknown path"},
		{"bad stage", swap(`"stage": "summary"`, `"stage": "elsewhere"`), "unknown position stage"},
		{"negative", swap(`"seen": 22`, `"seen": -1`), "negative page count"},
		{"negative spent", swap(`"faq": 1140`, `"faq": -5`), "bad value in spent"},
		{"note kind", swap(`"kind": "response"`, `"kind": "gossip"`), "unknown kind"},
		{"note key", swap(`"key": "next#commitments"`, `"key": ""`), "has no key"},
		{"note twice", swap(`"key": "next#commitments"`, `"key": "faq/what-is-cybersex-trafficking"`), "two notes"},
		{"request id", swap(`"id": 2,`, `"id": 0,`), "request 2 has no id"},
		{"request twice", swap(`"id": 3,`, `"id": 1,`), "two requests with the id 1"},
		{"status", swap(`"status": "answered"`, `"status": "forgotten"`), "unknown status"},
		{"trailing", good + "{}", fmt.Sprintf("broken JSON at line %d", strings.Count(good, "\n")+1)},
		{"negative budget", swap(`"reflection": 25`, `"reflection": -1`), "bad value in budget"},
		{"empty prayed key", swap(`"prayed": {`, `"prayed": {"": "2026-11-26T20:20:00-05:00",`), "empty key in prayed"},
		{"commitment id", swap(`"id": 2,
          "text": "Learn how`, `"id": 0,
          "text": "Learn how`), "commitment 2 has no id"},
		{"commitment twice", swap(`"id": 2,
          "text": "Learn how`, `"id": 1,
          "text": "Learn how`), "two commitments with the id 1"},
		{"long odd value", swap(`"path": "full"`, `"path": "`+strings.Repeat("sideways", 40)+`"`), `unknown path "sidewayssidewaysside…"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tc.input), "notes.json")
			if !errors.Is(err, ErrBadExport) {
				t.Fatalf("Decode: %v, want ErrBadExport", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.says) || !strings.HasPrefix(msg, "cannot import notes.json: ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line naming notes.json and saying %q", msg, tc.says)
			}
			if strings.Contains(msg, "Ben") || strings.Contains(msg, "cousin") {
				t.Errorf("the message quotes the file's content: %s", msg)
			}
		})
	}
}

// endless is n bytes of spaces inside a JSON string, without holding them.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), e.n)
	for i := range p[:k] {
		p[i] = ' '
	}
	e.n -= k
	return int(k), nil
}

func TestDecodeRefusesAHugeFile(t *testing.T) {
	_, err := Decode(&endless{n: MaxImportSize + 1}, "huge.json")
	if !errors.Is(err, ErrBadExport) || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("Decode of a 64 MiB + 1 file: %v", err)
	}
}

// TestRefusedImportChangesNothing: a bad file leaves the database byte
// for byte as it was.
func TestRefusedImportChangesNothing(t *testing.T) {
	st, _ := storeWith(t, hostileRecord())
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	good := validExport(t)
	if err := os.WriteFile(bad, []byte(strings.Replace(good, `"path": "full"`, `"path": "sideways"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	before := sum(t, st.Path())
	added, skipped, err := ImportFile(st, bad)
	if err == nil || added != 0 || skipped != 0 {
		t.Fatalf("ImportFile of a bad file: added %d, skipped %d, %v", added, skipped, err)
	}
	if sum(t, st.Path()) != before {
		t.Error("a refused import changed the database")
	}
	if _, _, err := ImportFile(st, filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("ImportFile of a missing file: %v", err)
	}
}

// TestImportErrorPaths: a file that cannot be read, and a database that
// will not take the sessions, each give one sentence naming the file, and
// nothing is imported.
func TestImportErrorPaths(t *testing.T) {
	disk := errors.New("input/output error")
	_, err := Decode(iotest.ErrReader(disk), "notes.json")
	if !errors.Is(err, disk) || !strings.Contains(err.Error(), "cannot read notes.json") || strings.Contains(err.Error(), "\n") {
		t.Errorf("Decode of a failing reader: %v", err)
	}

	path := filepath.Join(t.TempDir(), "notes.json")
	if err := os.WriteFile(path, []byte(validExport(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "vigil.db")
	st, err := openStore(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	before := sum(t, db)
	ro, err := store.OpenReadOnly(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	added, _, err := ImportFile(ro, path)
	if !errors.Is(err, store.ErrReadOnly) || added != 0 || !strings.Contains(err.Error(), "nothing was imported") || !strings.Contains(err.Error(), path) {
		t.Errorf("ImportFile into a store that takes nothing: added %d, %v", added, err)
	}
	if sum(t, db) != before {
		t.Error("the database changed")
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
