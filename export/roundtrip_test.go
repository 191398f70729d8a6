package export

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"vigil/session"
	"vigil/store"
)

// TestJSONRoundTrip: export JSON, import it into an empty database, export
// again: the two files are the same, byte for byte. Importing again adds
// nothing.
func TestJSONRoundTrip(t *testing.T) {
	bare := store.Record{Session: store.Session{UID: "bare", GuideID: "gone", Created: at(18, 0), Updated: at(18, 0)}}
	hostile := hostileRecord()
	hostile.Session.Created = time.Date(2026, 12, 3, 19, 30, 0, 123456789, time.UTC)
	st, ids := storeWith(t, fixture(), hostile, bare)
	first := export(t, st, ids, JSON, session.Leader)

	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	other := newStore(t)
	added, skipped, err := ImportFile(other, path)
	if err != nil || added != 3 || skipped != 0 {
		t.Fatalf("import: added %d, skipped %d, %v; want 3, 0", added, skipped, err)
	}
	otherIDs, err := other.AllIDs()
	if err != nil {
		t.Fatal(err)
	}
	if second := export(t, other, otherIDs, JSON, session.Leader); second != first {
		t.Errorf("the export of the imported sessions differs from the file imported:\n%s", second)
	}
	added, skipped, err = ImportFile(other, path)
	if err != nil || added != 0 || skipped != 3 {
		t.Errorf("second import: added %d, skipped %d, %v; want 0, 3", added, skipped, err)
	}
}

// TestSessionWithoutUIDGetsAStableOne: a session stored before sessions
// had UIDs is exported with one derived from what does not change, the
// same every time.
func TestSessionWithoutUIDGetsAStableOne(t *testing.T) {
	st := newStore(t)
	sess, err := st.CreateSession(store.Session{GuideID: "g", Created: at(19, 0)})
	if err != nil {
		t.Fatal(err)
	}
	sess.UID = ""
	if got, want := toJSON(store.Record{Session: sess}).UID, toJSON(store.Record{Session: sess}).UID; got == "" || got != want || !uidChars(got) {
		t.Errorf("derived UIDs %q and %q: want the same, non-empty, importable", got, want)
	}
	other := sess
	other.ID++
	if toJSON(store.Record{Session: sess}).UID == toJSON(store.Record{Session: other}).UID {
		t.Error("two sessions got the same derived UID")
	}
}

// TestRedactedCopyIsAnotherSession: a redacted export imported first does
// not make the full session be skipped later; each import of either adds
// nothing the second time.
func TestRedactedCopyIsAnotherSession(t *testing.T) {
	st, ids := storeWith(t, fixture())
	dir := t.TempDir()
	files := map[bool]string{}
	for _, redact := range []bool{true, false} {
		path := filepath.Join(dir, fmt.Sprintf("redact-%t.json", redact))
		if err := os.WriteFile(path, []byte(export(t, st, ids, JSON, viewOf(redact))), 0o600); err != nil {
			t.Fatal(err)
		}
		files[redact] = path
	}
	other := newStore(t)
	for _, step := range []struct {
		redact       bool
		added, total int
	}{{true, 1, 1}, {false, 1, 2}, {true, 0, 2}, {false, 0, 2}} {
		added, _, err := ImportFile(other, files[step.redact])
		all, _ := other.AllIDs()
		if err != nil || added != step.added || len(all) != step.total {
			t.Fatalf("import redacted=%t: added %d (%v), %d sessions; want %d, %d", step.redact, added, err, len(all), step.added, step.total)
		}
	}
}
