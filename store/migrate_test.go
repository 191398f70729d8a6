package store

import (
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

var writeFixture = flag.Bool("write-fixture", false, "rewrite testdata/v0.db with writeV0")

const v0Fixture = "testdata/v0.db"

// v0Day is when the sessions in the fixture were made.
var v0Day = time.Date(2024, 11, 5, 19, 0, 0, 0, time.UTC)

// writeV0 builds a schema 0 database: flat buckets, the place left as a
// page key. orphan adds a note whose session does not exist.
func writeV0(path string, orphan bool) error {
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bbolt.Tx) error {
		meta, _ := tx.CreateBucket(bucketMeta)
		sessions, _ := tx.CreateBucket(bucketSessions)
		notes, _ := tx.CreateBucket(bucketNotes)
		requests, _ := tx.CreateBucket(bucketRequests)
		if err := meta.Put(keySchema, itob(0)); err != nil {
			return err
		}
		for id := uint64(1); id <= 3; id++ {
			if _, err := sessions.NextSequence(); err != nil {
				return err
			}
			old := sessionV0{
				ID: id, GuideID: "cybersex-trafficking-faqs", GuideTitle: "Cybersex Trafficking FAQs",
				Group: "Tuesday group", Title: "Week " + string(rune('0'+id)),
				Created: v0Day.AddDate(0, 0, int(id)), Updated: v0Day.AddDate(0, 0, int(id)).Add(time.Hour),
			}
			if id != 3 {
				old.Page = "faq/what-is-it"
			}
			if err := putJSON(sessions, itob(id), old); err != nil {
				return err
			}
			note := Note{Key: "faq/what-is-it", Kind: NoteSection, Text: "v0 note " + string(rune('0'+id)), Updated: old.Updated}
			if err := putJSON(notes, append(itob(id), note.Key...), note); err != nil {
				return err
			}
			req := Request{ID: 1, Text: "v0 request " + string(rune('0'+id)), Private: id == 2, Created: old.Updated}
			if err := putJSON(requests, append(itob(id), itob(1)...), req); err != nil {
				return err
			}
		}
		if orphan {
			return putJSON(notes, append(itob(99), "k"...), Note{Key: "k", Text: "lost"})
		}
		return nil
	})
}

// TestWriteV0Fixture rewrites the committed fixture when asked:
//
//	go test ./store -run TestWriteV0Fixture -write-fixture
func TestWriteV0Fixture(t *testing.T) {
	if !*writeFixture {
		t.Skip("pass -write-fixture to rewrite " + v0Fixture)
	}
	os.Remove(v0Fixture)
	if err := writeV0(v0Fixture, false); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromV0(t *testing.T) {
	path := dbPath(t)
	copyFile(t, v0Fixture, path)
	s := openAt(t, path, newClock().opts())

	st, err := s.Stats()
	if err != nil || st.Schema != SchemaVersion || st.Sessions != 3 {
		t.Fatalf("Stats = %+v, %v; want schema %d and 3 sessions", st, err, SchemaVersion)
	}
	for id := uint64(1); id <= 3; id++ {
		rec, err := s.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		n := string(rune('0' + id))
		sess := rec.Session
		if sess.ID != id || sess.Title != "Week "+n || sess.Group != "Tuesday group" || !sess.Created.Equal(v0Day.AddDate(0, 0, int(id))) || sess.Path != PathFull {
			t.Errorf("session %d = %+v", id, sess)
		}
		wantPos := Position{Stage: StageSection, Page: "faq/what-is-it"}
		if id == 3 {
			wantPos = Position{Stage: StageContentNote}
		}
		if sess.Position != wantPos {
			t.Errorf("session %d position = %+v, want %+v", id, sess.Position, wantPos)
		}
		if len(rec.Notes) != 1 || rec.Notes["faq/what-is-it"].Text != "v0 note "+n {
			t.Errorf("session %d notes = %+v", id, rec.Notes)
		}
		if len(rec.Requests) != 1 || rec.Requests[0].Text != "v0 request "+n || rec.Requests[0].Private != (id == 2) {
			t.Errorf("session %d requests = %+v", id, rec.Requests)
		}
	}
	// The flat buckets of schema 0 are gone; new sessions follow on.
	s.view(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketNotes) != nil || tx.Bucket(bucketRequests) != nil {
			t.Error("schema 0 buckets left at the top level")
		}
		return nil
	})
	if sess, err := s.CreateSession(Session{}); err != nil || sess.ID != 4 {
		t.Errorf("next session = %d, %v; want 4", sess.ID, err)
	}

	// The old file was kept, 0600, as it was.
	bak := path + ".v0.bak"
	if got := perm(t, bak); got != 0o600 {
		t.Errorf("%s is %v, want 0600", bak, got)
	}
	db, version, err := openReadOnly(bak, time.Second)
	if err != nil || version != 0 {
		t.Fatalf("old copy: version %d, %v; want 0", version, err)
	}
	db.Close()

	// Opening again migrates nothing and copies nothing.
	s.Close()
	openAt(t, path, newClock().opts())
	if baks, _ := filepath.Glob(path + ".v*"); len(baks) != 1 {
		t.Errorf("copies after a second Open: %v, want only %s", baks, bak)
	}
}

func TestFailedMigrationLeavesTheFileAlone(t *testing.T) {
	path := dbPath(t)
	if err := writeV0(path, true); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	_, err := Open(path, Options{NoAutoBackup: true})
	if err == nil || !strings.Contains(err.Error(), "belongs to no session") {
		t.Fatalf("err = %v, want the migration to fail", err)
	}
	if fileSum(t, path) != before {
		t.Error("a failed migration changed the file")
	}
	// The copy is still there for whoever looks into it.
	if _, err := os.Stat(path + ".v0.bak"); err != nil {
		t.Error(err)
	}
	// A second try keeps the first copy and makes another.
	Open(path, Options{NoAutoBackup: true})
	if _, err := os.Stat(path + ".v0.2.bak"); err != nil {
		t.Error(err)
	}
}

func TestSchemaVersionMatchesMigrations(t *testing.T) {
	if len(migrations) != SchemaVersion {
		t.Errorf("%d migrations for schema version %d", len(migrations), SchemaVersion)
	}
}

func TestFixtureIsSchemaV0(t *testing.T) {
	db, version, err := openReadOnly(v0Fixture, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if version != 0 {
		t.Errorf("fixture version %d", version)
	}
	db.View(func(tx *bbolt.Tx) error {
		var old sessionV0
		if err := json.Unmarshal(tx.Bucket(bucketSessions).Get(itob(1)), &old); err != nil || old.Page == "" {
			t.Errorf("fixture session 1 = %+v, %v", old, err)
		}
		return nil
	})
}
