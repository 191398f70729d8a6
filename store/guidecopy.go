package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"go.etcd.io/bbolt"
)

// bucketGuides holds the text of every guide a session used, keyed by the
// SHA-256 (hex) of that text, so that a session can be shown with the guide
// it was held with after the guide file has changed or gone. Sessions that
// used the same text share one copy.
var bucketGuides = []byte("guides")

// KeepGuide stores src, the raw text of a guide file, under hash, the
// SHA-256 of src in lowercase hex (Session.GuideHash). A copy already kept
// is left as it is. An empty text is refused, and so is a hash that is not
// the SHA-256 of src, so that a copy is never found under the wrong hash.
func (s *Store) KeepGuide(hash string, src []byte) error {
	if len(src) == 0 {
		return fmt.Errorf("keep a copy of a guide in %s: the guide text is empty", s.path)
	}
	if want := guideHash(src); hash != want {
		return fmt.Errorf("keep a copy of a guide in %s: the hash %q is not the SHA-256 of its text (%s)", s.path, hash, want)
	}
	// Most sessions use a guide already kept: look first, so that they
	// cost a read, not a commit with its fsync.
	var kept bool
	err := s.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketGuides)
		kept = b != nil && b.Get([]byte(hash)) != nil
		return nil
	})
	if err == nil && !kept {
		err = s.update(func(tx *bbolt.Tx) error {
			b := tx.Bucket(bucketGuides)
			if b.Get([]byte(hash)) != nil {
				return nil
			}
			return b.Put([]byte(hash), bytes.Clone(src))
		})
	}
	if err != nil {
		return fmt.Errorf("keep a copy of a guide in %s: %w", s.path, err)
	}
	return nil
}

// GuideCopy returns the guide text kept under hash by KeepGuide, or an
// error wrapping ErrNotFound when there is none (a session from before
// schema 2, or one imported from another machine).
func (s *Store) GuideCopy(hash string) ([]byte, error) {
	var src []byte
	err := s.view(func(tx *bbolt.Tx) error {
		// A file opened read-only without its upgrade (Doctor) may be
		// schema 1, without the bucket: then no copy is kept.
		var v []byte
		if b := tx.Bucket(bucketGuides); b != nil {
			v = b.Get([]byte(hash))
		}
		if v == nil {
			return fmt.Errorf("guide copy %.12s: %w", hash, ErrNotFound)
		}
		src = bytes.Clone(v) // the value lives in the map only during the transaction
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the kept guide from %s: %w", s.path, err)
	}
	return src, nil
}

// guideHash is the SHA-256 of a guide's text in lowercase hex.
func guideHash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}
