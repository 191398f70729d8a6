package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDoctor(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	c := newClock()
	s := openAt(t, path, c.withBackups())
	for i := 0; i < 3; i++ {
		s.CreateSession(Session{})
	}
	if _, err := Doctor(path, 100*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("Doctor while open: %v, want ErrLocked", err)
	}
	s.Close()
	before := fileSum(t, path)
	st, err := Doctor(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	want := Stats{
		Path: path, Schema: SchemaVersion, Size: fi.Size(), Sessions: 3,
		LastBackupPath: filepath.Join(dir, "backups", "vigil-2025-03-01.db"),
	}
	got := st
	got.LastBackup = time.Time{}
	if !reflect.DeepEqual(got, want) || st.LastBackup.IsZero() {
		t.Errorf("Doctor =\n %+v\nwant\n %+v (and a backup time)", st, want)
	}
	if fileSum(t, path) != before {
		t.Error("Doctor changed the file")
	}
}

// TestDamagedPageIsAnErrorNotACrash breaks one page deep in the file: Open
// still works (the meta bucket is fine), but reading that session, Check
// and Doctor report it instead of crashing the program.
func TestDamagedPageIsAnErrorNotACrash(t *testing.T) {
	path := dbPath(t)
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	var hurt uint64
	for i := 0; i < 20; i++ {
		sess, _ := s.CreateSession(Session{})
		var notes []Note
		for j := 0; j < 20; j++ {
			text := strings.Repeat("words ", 40)
			if i == 10 && j == 0 {
				text = confidential + text
				hurt = sess.ID
			}
			notes = append(notes, Note{Key: string(rune('a' + j)), Text: text})
		}
		if err := s.Apply(Change{SessionID: sess.ID, Notes: notes}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	data, _ := os.ReadFile(path)
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(confidential))
		if i < 0 {
			break
		}
		page := (off + i) / os.Getpagesize() * os.Getpagesize()
		binary.NativeEndian.PutUint16(data[page+8:], 0) // no page type
		off += i + 1
	}
	os.WriteFile(path, data, 0o600)

	s, err = Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if _, err := s.Load(hurt); !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Load of the damaged session: %v", err)
	}
	if _, err := s.Load(hurt - 1); err != nil {
		t.Errorf("Load of a whole session: %v", err)
	}
	if err := s.Check(); err == nil {
		t.Error("Check found nothing")
	}
	s.Close()
	if _, err := Doctor(path, 0); err == nil {
		t.Error("Doctor found nothing")
	}
}
