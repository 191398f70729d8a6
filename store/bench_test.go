package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

const benchNotes = 20

// benchDB generates a database of n sessions with benchNotes notes each,
// in transactions of 500 sessions, and returns its path.
func benchDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "vigil.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2020, 1, 1, 19, 0, 0, 0, time.UTC)
	text := strings.Repeat("what the group said about it ", 7) // ~200 bytes
	for done := 0; done < n; {
		err := s.db.Update(func(tx *bbolt.Tx) error {
			sessions := tx.Bucket(bucketSessions)
			for i := 0; i < 500 && done < n; i, done = i+1, done+1 {
				id, _ := sessions.NextSequence()
				sb, err := createSessionBucket(sessions, itob(id))
				if err != nil {
					return err
				}
				at := start.Add(time.Duration(id) * time.Hour)
				sess := Session{ID: id, GuideID: "cybersex-trafficking-faqs", GuideTitle: "Cybersex Trafficking FAQs",
					Group: "Tuesday group", Created: at, Updated: at, Path: PathFull,
					Position: Position{Stage: StageSection, Page: "faq/3"}, Seen: 5, Total: 20}
				if err := putJSON(sb, keySession, sess); err != nil {
					return err
				}
				for j := 0; j < benchNotes; j++ {
					key := fmt.Sprintf("section/%02d", j)
					if err := putChild(sb, bucketNotes, []byte(key), Note{Key: key, Kind: NoteSection, Text: text, Updated: at}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if fi, err := os.Stat(path); err == nil {
		b.Logf("%d sessions × %d notes: %.1f MiB", n, benchNotes, float64(fi.Size())/(1<<20))
	}
	return path
}

// BenchmarkStore measures the store at 1,000 and 10,000 sessions: Open,
// Sessions(50), Latest and Load should cost the same at both sizes; Apply
// is one fsync'd commit. Stats counts sessions, so it grows with them.
func BenchmarkStore(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			path := benchDB(b, n)
			b.Run("Open", func(b *testing.B) {
				for b.Loop() {
					s, err := Open(path, Options{NoAutoBackup: true})
					if err != nil {
						b.Fatal(err)
					}
					s.Close()
				}
			})
			s, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.Run("Sessions50", func(b *testing.B) {
				for b.Loop() {
					if list, err := s.Sessions(50); err != nil || len(list) != 50 {
						b.Fatal(len(list), err)
					}
				}
			})
			// Groups and GroupRequests read every session header: the home
			// screen and the revisit step run them off the UI goroutine.
			b.Run("Groups", func(b *testing.B) {
				for b.Loop() {
					if g, err := s.Groups(); err != nil || len(g) != 1 {
						b.Fatal(len(g), err)
					}
				}
			})
			b.Run("GroupRequests", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.GroupRequests("Tuesday group"); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Latest", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Latest(); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Load", func(b *testing.B) {
				for b.Loop() {
					if rec, err := s.Load(uint64(n / 2)); err != nil || len(rec.Notes) != benchNotes {
						b.Fatal(err)
					}
				}
			})
			b.Run("ApplyNote", func(b *testing.B) {
				i := 0
				for b.Loop() {
					i++
					note := Note{Key: fmt.Sprintf("section/%02d", i%benchNotes), Kind: NoteSection, Text: fmt.Sprintf("edit %d", i)}
					if err := s.Apply(Change{SessionID: uint64(n / 2), Notes: []Note{note}}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Stats", func(b *testing.B) {
				for b.Loop() {
					if st, err := s.Stats(); err != nil || st.Sessions != n {
						b.Fatal(st.Sessions, err)
					}
				}
			})
			b.Run("DeleteSession", func(b *testing.B) {
				id := uint64(n)
				for b.Loop() {
					if err := s.DeleteSession(id); err != nil {
						b.Fatal(err)
					}
					id--
				}
			})
		})
	}
}
