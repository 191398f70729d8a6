package export

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"vigil/store"
)

// damagedStore is a database holding the fixture and the second meeting,
// with the header of the fixture's session overwritten by bytes that are
// not JSON (nor UTF-8), as a failing disk or a hand edit leaves it. It
// writes into the real bbolt file, in the layout store/doc.go draws.
func damagedStore(t *testing.T) (st *store.Store, ids []uint64, bad []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vigil.db")
	st, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Import([]store.Record{fixture(), secondMeeting()}); err != nil {
		t.Fatal(err)
	}
	if ids, err = st.AllIDs(); err != nil || len(ids) != 2 {
		t.Fatalf("AllIDs = %v, %v", ids, err)
	}
	st.Close()
	bad = []byte("{\"uid\": \xff\xfe half a hea")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("sessions")).Bucket(binary.BigEndian.AppendUint64(nil, ids[0])).Put([]byte("session"), bad)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if st, err = openStore(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, ids, bad
}

// TestDamagedSessionIsLeftOutAndNamed: an export of a damaged session and
// a whole one writes the whole one, in every format, and says which was
// left out with a *store.DamagedError; a file is written all the same.
func TestDamagedSessionIsLeftOutAndNamed(t *testing.T) {
	st, ids, _ := damagedStore(t)
	named := func(what string, err error) {
		t.Helper()
		var de *store.DamagedError
		if !errors.As(err, &de) || !slices.Equal(de.SessionIDs(), ids[:1]) || !strings.Contains(err.Error(), "vigil doctor") {
			t.Errorf("%s: %v; want a DamagedError naming session %d", what, err, ids[0])
		}
	}
	for _, f := range Formats {
		var buf bytes.Buffer
		named("Write "+string(f), Write(&buf, st, ids, f, leader()))
		out := buf.String()
		if !strings.Contains(out, "Week 2") || strings.Contains(out, "Week 1") {
			t.Errorf("%s: the export does not hold the whole session alone:\n%.300s", f, out)
		}
		if f == JSON {
			recs, err := Decode(strings.NewReader(out), "partial.json")
			if err != nil || len(recs) != 1 || recs[0].Session.Title != "Week 2" {
				t.Errorf("the JSON of the whole session does not import: %d sessions, %v", len(recs), err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "notes.html")
	named("ToFile", ToFile(st, ids, HTML, leader(), path, false))
	if got, err := os.ReadFile(path); err != nil || !strings.Contains(string(got), "Week 2") {
		t.Errorf("ToFile left no file with the whole session: %v", err)
	}
}

// TestRescueOfADamagedSession: the rescue file holds the damaged header's
// bytes exactly (as base64, for they are not UTF-8) and every other record
// of the session as text.
func TestRescueOfADamagedSession(t *testing.T) {
	st, ids, bad := damagedStore(t)
	if _, err := st.Load(ids[0]); !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Load of the damaged session: %v, want ErrDamaged", err)
	}
	var buf bytes.Buffer
	if err := WriteRescue(&buf, st, ids[0]); err != nil {
		t.Fatal(err)
	}
	var r rescueJSON
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	var header *rescueEntry
	notes := 0
	for i, e := range r.Entries {
		switch {
		case e.Bucket == "" && e.Key == "session":
			header = &r.Entries[i]
		case e.Bucket == "notes" && strings.Contains(e.Value, `"text"`):
			notes++
		}
	}
	if header == nil || header.Value != "" {
		t.Fatalf("the rescue has no header kept as base64: %+v", header)
	}
	if got, err := base64.StdEncoding.DecodeString(header.ValueBase64); err != nil || !bytes.Equal(got, bad) {
		t.Errorf("the header's bytes come back as %q, %v; want %q", got, err, bad)
	}
	if want := len(fixture().Notes); notes != want {
		t.Errorf("the rescue holds %d notes as text, want %d", notes, want)
	}
	if !strings.Contains(buf.String(), "For my cousin") {
		t.Error("the rescue lost a private request: it must hold everything stored")
	}
}
