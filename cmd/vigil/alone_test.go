package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

func TestNewAloneAndGroupAreExclusive(t *testing.T) {
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs([]string{"new", "--alone", "--group", "Thursday", "--db", filepath.Join(t.TempDir(), "v.db")})
	err := root.Execute()
	if err == nil || !strings.Contains(err.Error(), "--alone and --group cannot be used together") {
		t.Errorf("vigil new --alone --group: %v", err)
	}
}

// TestSessionsSaysAlone: the group column says "alone" for one person's
// reflection, and the group's name, cleaned, for a group's meeting.
func TestSessionsSaysAlone(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	st, err := store.Open(db, store.Options{Timeout: time.Second, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []session.Start{{Alone: true}, {Group: "Thursday\x1b[2J group"}} {
		s.Now = time.Date(2026, 11, 26, 19, 0, 0, 0, time.UTC)
		if _, err := session.NewSession(st, guides.Default(), s); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	out, err := runRoot(t, "sessions", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(out, " alone ") || !strings.Contains(out, "Thursday[2J group") || strings.Contains(out, "\x1b") {
		t.Errorf("vigil sessions:\n%s", out)
	}
}
