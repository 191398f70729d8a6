package store

import (
	"errors"
	"flag"
	"os"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

var writeV1Fixture = flag.Bool("write-v1-fixture", false, "rewrite testdata/v1.db with writeV1")

const v1Fixture = "testdata/v1.db"

// v1Day is when the sessions in the v1 fixture were made.
var v1Day = time.Date(2025, 9, 2, 19, 0, 0, 0, time.UTC)

// v1Hash is the guide hash the fixture's sessions carry: the SHA-256 of
// "schema 1 guide".
const v1Hash = "6237c48435ae408881f31f84349dae77f82452b4d9c9e760698394f869bce291"

// writeV1 builds a schema 1 database by hand, as vigil with schema 1 wrote
// it: meta with the version, and one bucket per session holding its header
// and its notes, requests and commitments buckets. There is no guides
// bucket. It uses bbolt directly, not Open, which would write schema 2.
func writeV1(path string) error {
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bbolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put(keySchema, itob(1)); err != nil {
			return err
		}
		sessions, err := tx.CreateBucket(bucketSessions)
		if err != nil {
			return err
		}
		for id := uint64(1); id <= 2; id++ {
			if _, err := sessions.NextSequence(); err != nil {
				return err
			}
			n := string(rune('0' + id))
			day := v1Day.AddDate(0, 0, 7*int(id))
			sb, err := sessions.CreateBucket(itob(id))
			if err != nil {
				return err
			}
			for _, name := range [][]byte{bucketNotes, bucketRequests, bucketCommitments} {
				if _, err := sb.CreateBucket(name); err != nil {
					return err
				}
			}
			sess := Session{
				ID: id, UID: "v1-session-" + n, GuideID: "cybersex-trafficking-faqs", GuideHash: v1Hash,
				GuideTitle: "Cybersex Trafficking FAQs", Group: "Wednesday group", Title: "Week " + n,
				Created: day, Updated: day.Add(time.Hour), Path: PathFull,
				Position: Position{Stage: StageSection, Page: "reflection/hope"}, Seen: 9, Total: 20,
			}
			if err := putJSON(sb, keySession, sess); err != nil {
				return err
			}
			note := Note{Key: "reflection/hope", Kind: NoteSection, Text: "v1 note " + n, Updated: sess.Updated}
			if err := putJSON(sb.Bucket(bucketNotes), []byte(note.Key), note); err != nil {
				return err
			}
			req := Request{ID: 1, Text: "v1 request " + n, Private: id == 1, Created: sess.Updated}
			if err := putJSON(sb.Bucket(bucketRequests), itob(1), req); err != nil {
				return err
			}
			com := Commitment{ID: 1, Text: "v1 commitment " + n, Created: sess.Updated}
			if err := putJSON(sb.Bucket(bucketCommitments), itob(1), com); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestWriteV1Fixture rewrites the committed fixture when asked:
//
//	go test ./store -run TestWriteV1Fixture -write-v1-fixture
func TestWriteV1Fixture(t *testing.T) {
	if !*writeV1Fixture {
		t.Skip("pass -write-v1-fixture to rewrite " + v1Fixture)
	}
	os.Remove(v1Fixture)
	if err := writeV1(v1Fixture); err != nil {
		t.Fatal(err)
	}
}

func TestFixtureIsSchemaV1(t *testing.T) {
	db, version, err := openReadOnly(v1Fixture, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if version != 1 {
		t.Errorf("fixture version %d, want 1", version)
	}
	db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketGuides) != nil {
			t.Error("the schema 1 fixture has a guides bucket")
		}
		if tx.Bucket(bucketSessions).Bucket(itob(2)) == nil {
			t.Error("the fixture has no session 2")
		}
		return nil
	})
}

// TestMigrateFromV1 opens the committed schema 1 file: it becomes schema 2
// with a guides bucket, keeps every session with what was typed in it, and
// the old file is kept next to it as it was.
func TestMigrateFromV1(t *testing.T) {
	path := dbPath(t)
	copyFile(t, v1Fixture, path)
	s := openAt(t, path, newClock().opts())

	st, err := s.Stats()
	if err != nil || st.Schema != 2 || st.Sessions != 2 {
		t.Fatalf("Stats = %+v, %v; want schema 2 and 2 sessions", st, err)
	}
	for id := uint64(1); id <= 2; id++ {
		rec, err := s.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		n := string(rune('0' + id))
		sess := rec.Session
		if sess.UID != "v1-session-"+n || sess.GuideHash != v1Hash || sess.Title != "Week "+n ||
			sess.Position != (Position{Stage: StageSection, Page: "reflection/hope"}) || sess.Seen != 9 {
			t.Errorf("session %d = %+v", id, sess)
		}
		if rec.Notes["reflection/hope"].Text != "v1 note "+n {
			t.Errorf("session %d notes = %+v", id, rec.Notes)
		}
		if len(rec.Requests) != 1 || rec.Requests[0].Text != "v1 request "+n || rec.Requests[0].Private != (id == 1) {
			t.Errorf("session %d requests = %+v", id, rec.Requests)
		}
		if len(rec.Commitments) != 1 || rec.Commitments[0].Text != "v1 commitment "+n {
			t.Errorf("session %d commitments = %+v", id, rec.Commitments)
		}
	}
	// The sessions of schema 1 have no copy of their guide; new ones can.
	if _, err := s.GuideCopy(v1Hash); !errors.Is(err, ErrNotFound) {
		t.Errorf("GuideCopy of a schema 1 session = %v, want ErrNotFound", err)
	}
	src := []byte("schema 2 guide")
	if err := s.KeepGuide(guideHash(src), src); err != nil {
		t.Fatalf("KeepGuide after the upgrade: %v", err)
	}
	if sess, err := s.CreateSession(Session{}); err != nil || sess.ID != 3 {
		t.Errorf("next session = %d, %v; want 3", sess.ID, err)
	}

	db, version, err := openReadOnly(path+".v1.bak", time.Second)
	if err != nil || version != 1 {
		t.Fatalf("old copy: version %d, %v; want 1", version, err)
	}
	db.Close()
}

// TestGuideCopyOnUnmigratedFile: Doctor opens without upgrading, so GuideCopy on a
// schema 1 file must say "not found", not fail on the missing bucket.
func TestGuideCopyOnUnmigratedFile(t *testing.T) {
	path := dbPath(t)
	copyFile(t, v1Fixture, path)
	db, _, err := openReadOnly(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{path: path, readOnly: true, db: db}
	defer s.Close()
	if _, err := s.GuideCopy(v1Hash); !errors.Is(err, ErrNotFound) {
		t.Errorf("GuideCopy = %v, want ErrNotFound", err)
	}
}
