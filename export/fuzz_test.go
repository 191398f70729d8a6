package export

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"vigil/session"
	"vigil/store"
)

// FuzzImport feeds anything to Decode and, when it is accepted, to
// store.Import. It must never panic, and a refused input must leave the
// database as it was: the same sessions, the same bytes on disk. The
// corpus is in testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	st, ids := storeWith(f, fixture())
	f.Add([]byte(export(f, st, ids, JSON, session.Leader)))
	f.Add([]byte(`{"schema": 1, "redacted": false, "sessions": []}`))
	dir := f.TempDir()
	var db *store.Store
	runs := 0
	f.Cleanup(func() {
		if db != nil {
			db.Close()
		}
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		// A database that grew with every input taken would make each
		// run slower than the last, until the fuzzer's deadline; opening
		// one for every input would be slower still. So a fresh one every
		// 200 inputs.
		if runs%200 == 0 {
			if db != nil {
				db.Close()
			}
			var err error
			db, err = openStore(filepath.Join(dir, fmt.Sprintf("fuzz-%d.db", runs)))
			if err != nil {
				t.Fatal(err)
			}
		}
		runs++
		st := db
		before, err := st.AllIDs()
		if err != nil {
			t.Fatal(err)
		}
		file, err := os.ReadFile(st.Path())
		if err != nil {
			t.Fatal(err)
		}
		recs, err := Decode(bytes.NewReader(data), "fuzz.json")
		if err == nil {
			added, _, ierr := st.Import(recs)
			if ierr == nil {
				after, _ := st.AllIDs()
				if len(after) != len(before)+added {
					t.Fatalf("Import said it added %d sessions; %d became %d", added, len(before), len(after))
				}
				return
			}
			err = ierr
		}
		after, aerr := st.AllIDs()
		if aerr != nil {
			t.Fatal(aerr)
		}
		if len(after) != len(before) {
			t.Fatalf("a refused input (%v) changed the number of sessions from %d to %d", err, len(before), len(after))
		}
		now, rerr := os.ReadFile(st.Path())
		if rerr != nil {
			t.Fatal(rerr)
		}
		if sha256.Sum256(now) != sha256.Sum256(file) {
			t.Fatalf("a refused input (%v) changed the database file", err)
		}
	})
}

// TestFuzzCorpus checks that the committed corpus holds what its names
// say: the valid files import, the broken ones are refused.
func TestFuzzCorpus(t *testing.T) {
	accepted := map[string]int{"valid-session": 1, "empty-sessions": 0, "duplicate-uid": 1}
	entries, err := os.ReadDir("testdata/fuzz/FuzzImport")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 5 {
		t.Fatalf("the corpus has %d files", len(entries))
	}
	for _, e := range entries {
		raw, err := os.ReadFile("testdata/fuzz/FuzzImport/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		lit, ok := strings.CutPrefix(strings.TrimSpace(string(raw)), "go test fuzz v1\n[]byte(")
		data, uerr := strconv.Unquote(strings.TrimSuffix(lit, ")"))
		if !ok || uerr != nil {
			t.Fatalf("%s is not a corpus file: %v", e.Name(), uerr)
		}
		recs, err := Decode(strings.NewReader(data), e.Name())
		want, good := accepted[e.Name()]
		switch {
		case good && err != nil:
			t.Errorf("%s was refused: %v", e.Name(), err)
		case !good && err == nil:
			t.Errorf("%s was accepted", e.Name())
		case good:
			added, _, err := newStore(t).Import(recs)
			if err != nil || added != want {
				t.Errorf("%s: added %d, %v; want %d", e.Name(), added, err, want)
			}
		}
	}
}
