package store

import (
	"bytes"
	"errors"
	"testing"

	"go.etcd.io/bbolt"
)

func TestKeepGuideAndGuideCopy(t *testing.T) {
	s, _ := openTest(t)
	src := []byte("---\nid: a\n---\n# A guide\n")
	hash := guideHash(src)

	if _, err := s.GuideCopy(hash); !errors.Is(err, ErrNotFound) {
		t.Fatalf("GuideCopy before KeepGuide = %v, want ErrNotFound", err)
	}
	if err := s.KeepGuide(hash, src); err != nil {
		t.Fatal(err)
	}
	src[0] = 'X' // the store must have kept its own copy
	got, err := s.GuideCopy(hash)
	if err != nil || string(got) != "---\nid: a\n---\n# A guide\n" {
		t.Fatalf("GuideCopy = %q, %v", got, err)
	}
	got[0] = 'Y' // and hand out one the caller may change
	if again, _ := s.GuideCopy(hash); again[0] != '-' {
		t.Error("changing a returned copy changed the stored one")
	}
}

// TestKeepGuideOncePerText: sessions of the same guide text share one copy,
// and keeping it again writes nothing.
func TestKeepGuideOncePerText(t *testing.T) {
	s, _ := openTest(t)
	one, two := []byte("guide one"), []byte("guide two")
	for _, src := range [][]byte{one, two, one, one} {
		if err := s.KeepGuide(guideHash(src), src); err != nil {
			t.Fatal(err)
		}
	}
	var keys int
	var txid int
	s.view(func(tx *bbolt.Tx) error {
		keys = tx.Bucket(bucketGuides).Stats().KeyN
		txid = tx.ID()
		return nil
	})
	if keys != 2 {
		t.Errorf("%d copies kept, want 2", keys)
	}
	if err := s.KeepGuide(guideHash(one), one); err != nil {
		t.Fatal(err)
	}
	s.view(func(tx *bbolt.Tx) error {
		if tx.ID() != txid {
			t.Errorf("keeping a kept guide committed a change (txid %d → %d)", txid, tx.ID())
		}
		return nil
	})
}

func TestKeepGuideRefusesAWrongHash(t *testing.T) {
	s, _ := openTest(t)
	src := []byte("the guide")
	cases := map[string]struct {
		hash string
		src  []byte
	}{
		"another text's hash": {guideHash([]byte("another guide")), src},
		"upper case":          {string(bytes.ToUpper([]byte(guideHash(src)))), src},
		"empty hash":          {"", src},
		"empty text":          {guideHash(nil), nil},
	}
	for name, c := range cases {
		if err := s.KeepGuide(c.hash, c.src); err == nil {
			t.Errorf("%s: KeepGuide accepted it", name)
		}
	}
	if _, err := s.GuideCopy(guideHash([]byte("another guide"))); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused copy was stored: %v", err)
	}
}

// TestGuideCopyOutlivesItsSession: the copies stay through a reopen, and
// through the compaction that deleting a session does.
func TestGuideCopyOutlivesItsSession(t *testing.T) {
	path := dbPath(t)
	c := newClock()
	s := openAt(t, path, c.opts())
	src := []byte("a guide used once")
	if err := s.KeepGuide(guideHash(src), src); err != nil {
		t.Fatal(err)
	}
	sess, err := s.CreateSession(Session{GuideHash: guideHash(src)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(sess.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path, c.opts())
	if got, err := s.GuideCopy(guideHash(src)); err != nil || !bytes.Equal(got, src) {
		t.Errorf("after delete and reopen: %q, %v", got, err)
	}
}

func TestFreshDatabaseHasTheGuidesBucket(t *testing.T) {
	s, _ := openTest(t)
	s.view(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketGuides) == nil {
			t.Error("no guides bucket in a new database")
		}
		return nil
	})
	if st, err := s.Stats(); err != nil || st.Schema != 2 {
		t.Errorf("schema %d, %v; want 2", st.Schema, err)
	}
}
