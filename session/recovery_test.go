package session

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"vigil/store"
)

// TestCloseWritesRecoveryFile: when the final write fails (here: the store
// is closed under the saver, as a failing disk would leave it), Close
// writes what it could not save to a 0600 recovery file beside the
// database and returns its path; RecoveryFiles and RecoveryNotice name it.
func TestCloseWritesRecoveryFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "vigil.db")
	st, err := store.Open(db, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t, st)
	sv := NewSaver(st)
	sv.Queue(store.Change{SessionID: s.ID, Requests: []store.Request{{ID: 1, Text: "queued request"}}})
	st.Close() // every write now fails
	head := s
	recovery, err := sv.Close(store.Change{SessionID: s.ID, Session: &head,
		Notes:       []store.Note{note("faq/x", "typed as the disk filled")},
		Commitments: []store.Commitment{{ID: 1, Text: "call Ben"}}})
	if err == nil || recovery == "" {
		t.Fatalf("Close = %q, %v; want the recovery file and the error", recovery, err)
	}
	if filepath.Dir(recovery) != dir || !strings.HasPrefix(filepath.Base(recovery), "vigil.db.recovery-") || !strings.HasSuffix(recovery, ".json") {
		t.Errorf("recovery file at %s", recovery)
	}
	fi, err := os.Stat(recovery)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("recovery file: %v, %v", fi, err)
	}
	data, _ := os.ReadFile(recovery)
	var f recoveryFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Sessions) != 1 {
		t.Fatalf("recovery holds %+v", f)
	}
	got := f.Sessions[0]
	if got.SessionID != s.ID || got.SessionUID != s.UID || s.UID == "" || len(got.Notes) != 1 || got.Notes[0].Text != "typed as the disk filled" ||
		len(got.Requests) != 1 || got.Requests[0].Text != "queued request" || len(got.Commitments) != 1 || f.Database != db || f.Problem == "" {
		t.Errorf("recovery holds %s", data)
	}
	if files := RecoveryFiles(db); !slices.Equal(files, []string{recovery}) {
		t.Errorf("RecoveryFiles = %v", files)
	}
	if n := RecoveryNotice(db); !strings.Contains(n, recovery) {
		t.Errorf("RecoveryNotice = %q", n)
	}
	// A second failure on the same second never replaces the first file.
	again, err := WriteRecovery(db, []store.Change{{SessionID: s.ID, Notes: []store.Note{note("b", "b")}}}, nil, f.Written)
	if err != nil || again == recovery {
		t.Errorf("second recovery file %s, %v", again, err)
	}
}

// TestRecoveryFallsBackToTempDir: when the database's folder cannot take
// the file, the recovery goes to the temporary folder.
func TestRecoveryFallsBackToTempDir(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	db := filepath.Join(t.TempDir(), "gone", "vigil.db") // the folder is not there
	path, err := WriteRecovery(db, []store.Change{{SessionID: 1, Notes: []store.Note{note("a", "kept")}}}, nil, day(5))
	if err != nil || filepath.Dir(path) != tmp {
		t.Fatalf("WriteRecovery = %s, %v; want it in %s", path, err, tmp)
	}
	if files := RecoveryFiles(db); !slices.Equal(files, []string{path}) {
		t.Errorf("RecoveryFiles = %v", files)
	}
}
