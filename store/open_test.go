package store

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestExistingFolderLeftAloneLooseFileTightened(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "vigil.db")
	s := openAt(t, path, newClock().opts())
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openAt(t, path, newClock().opts())
	if got := perm(t, dir); got != 0o755 {
		t.Errorf("existing folder is %v, want it left at 0755", got)
	}
	if got := perm(t, path); got != 0o600 {
		t.Errorf("database is %v after Open, want 0600", got)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := dbPath(t)
	openAt(t, path, newClock().opts())
	start := time.Now()
	s2, err := Open(path, Options{NoAutoBackup: true}) // default timeout: one second
	elapsed := time.Since(start)
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("err = %v, want ErrLocked", err)
	}
	if want := "the notes database " + path + " is open in another vigil; close that one and try again"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if elapsed > 1500*time.Millisecond {
		t.Errorf("took %v, want about a second", elapsed)
	}
}

// damage is one kind of file that is not a vigil database.
type damage struct {
	name string
	make func(t *testing.T, path string)
}

func writeBytes(data []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// validDB builds a real vigil database at path, then hands its bytes to cut.
func validDB(cut func([]byte) []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 50; i++ {
			sess, _ := s.CreateSession(Session{Title: "t"})
			s.Apply(Change{SessionID: sess.ID, Notes: []Note{{Key: "k", Text: strings.Repeat("note ", 100)}}})
		}
		s.Close()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		writeBytes(cut(data))(t, path)
	}
}

// foreignBolt builds a bbolt file with the given buckets and keys.
func foreignBolt(fill func(tx *bbolt.Tx) error) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		db, err := bbolt.Open(path, 0o644, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fill); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

var damages = []damage{
	{"folder", func(t *testing.T, path string) { os.Mkdir(path, 0o755) }},
	{"empty", writeBytes(nil)},
	{"text", writeBytes([]byte("Dear group,\nthese are my notes.\n"))},
	{"random", writeBytes(randomBytes(64 << 10))},
	{"truncated to 100 bytes", validDB(func(b []byte) []byte { return b[:100] })},
	{"truncated to one page", validDB(func(b []byte) []byte { return b[:os.Getpagesize()] })},
	{"truncated to half", validDB(func(b []byte) []byte { return b[:len(b)/2] })},
	{"header wiped", validDB(func(b []byte) []byte { copy(b, make([]byte, 2*os.Getpagesize())); return b })},
	{"pages after the header scrambled", validDB(func(b []byte) []byte { ps := 2 * os.Getpagesize(); copy(b[ps:], randomBytes(len(b)-ps)); return b })},
	{"bbolt without our buckets", foreignBolt(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("a"), []byte("b"))
	})},
	{"bbolt with a meta bucket but no schema", foreignBolt(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucket([]byte("meta"))
		return err
	})},
}

func TestDamagedOrForeignFilesAreLeftAlone(t *testing.T) {
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "vigil.db")
			d.make(t, path)
			before, listing := fileSum(t, path), fileSum(t, dir)

			s, err := Open(path, Options{})
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotDatabase) {
				t.Errorf("err = %v, want ErrNotDatabase", err)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || strings.Count(msg, "\n") > 0 {
				t.Errorf("message %q should be one sentence naming %s", msg, path)
			}
			if after := fileSum(t, path); after != before {
				t.Error("the file was changed")
			}
			if fileSum(t, dir) != listing {
				t.Error("files were added next to it")
			}
			if _, err := Doctor(path, 100*time.Millisecond); !errors.Is(err, ErrNotDatabase) {
				t.Errorf("Doctor: %v, want ErrNotDatabase", err)
			}
			if err := BackupFile(path, filepath.Join(t.TempDir(), "copy.db"), false, 0); !errors.Is(err, ErrNotDatabase) {
				t.Errorf("BackupFile: %v, want ErrNotDatabase", err)
			}
			if after := fileSum(t, path); after != before {
				t.Error("Doctor or BackupFile changed the file")
			}
		})
	}
}

func TestUnusablePaths(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, file)
	for _, path := range []string{
		filepath.Join(file, "vigil.db"),
		filepath.Join(file, "sub", "vigil.db"),
	} {
		_, err := Open(path, Options{})
		if err == nil {
			t.Fatalf("Open(%s) succeeded", path)
		}
		if msg := err.Error(); !strings.Contains(msg, file+" is a file") && !strings.Contains(msg, "folder "+file+", because it is a file") {
			t.Errorf("Open(%s): %q should say that %s is a file", path, msg, file)
		}
	}
	if fileSum(t, file) != sum {
		t.Error("the file in the way was changed")
	}
	if _, err := Doctor(filepath.Join(dir, "missing.db"), 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Doctor on a missing file: %v, want fs.ErrNotExist", err)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	path := dbPath(t)
	s := openAt(t, path, newClock().opts())
	s.Close()
	os.Chmod(path, 0o000)
	defer os.Chmod(path, 0o600)
	_, err := Open(path, Options{})
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("err = %v, want a permission sentence", err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := dbPath(t)
	s := openAt(t, path, newClock().opts())
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, itob(SchemaVersion+1)) })
	db.Close()
	before := fileSum(t, path)

	_, err = Open(path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	if msg := err.Error(); !strings.Contains(msg, fmt.Sprintf("version %d", SchemaVersion+1)) || !strings.Contains(msg, fmt.Sprintf("up to %d", SchemaVersion)) || !strings.Contains(msg, path) {
		t.Errorf("message %q should name both versions and the file", msg)
	}
	if fileSum(t, path) != before {
		t.Error("the newer database was changed")
	}
	st, err := Doctor(path, 0)
	if !errors.Is(err, ErrNewerSchema) || st.Schema != SchemaVersion+1 {
		t.Errorf("Doctor = %+v, %v; want schema %d and ErrNewerSchema", st, err, SchemaVersion+1)
	}
}

// TestReopeningWritesNothing: opening a database that is up to date (and
// was backed up today) writes nothing to it, for a write costs two fsyncs
// before the first screen; a database that lacks a bucket still gets it.
func TestReopeningWritesNothing(t *testing.T) {
	c := newClock()
	path := dbPath(t)
	s, err := Open(path, c.opts())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	openAt(t, path, c.opts()).Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("opening an up-to-date database changed its bytes")
	}

	// Take the guides bucket away: the next Open must put it back.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket(bucketGuides) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s = openAt(t, path, c.opts())
	if err := s.view(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketGuides) == nil {
			return errors.New("the guides bucket was not made again")
		}
		return nil
	}); err != nil {
		t.Error(err)
	}
}
