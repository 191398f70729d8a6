package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDailyBackupsKeepTheNewestSeven(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	backups := filepath.Join(dir, "backups")
	c := newClock()
	// Files that are not ours stay.
	os.MkdirAll(backups, 0o700)
	strangers := []string{"notes.txt", "other-2025-01-01.db", "vigil-latest.db"}
	for _, name := range strangers {
		os.WriteFile(filepath.Join(backups, name), []byte("x"), 0o600)
	}

	for day := 0; day < 10; day++ {
		s := openAt(t, path, c.withBackups())
		today := filepath.Join(backups, "vigil-"+c.Now().Format("2006-01-02")+".db")
		sum := fileSum(t, today)
		if _, err := s.CreateSession(Session{Title: "day"}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		// A second Open the same day writes no second backup and leaves
		// the first one as it was.
		c.Add(2 * time.Hour)
		s = openAt(t, path, c.withBackups())
		s.Close()
		if fileSum(t, today) != sum {
			t.Errorf("day %d: the backup was written twice", day)
		}
		c.Add(22 * time.Hour)
	}

	var got []string
	entries, _ := os.ReadDir(backups)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := append([]string{}, strangers[:2]...)
	for day := 4; day <= 10; day++ {
		want = append(want, "vigil-2025-03-"+twoDigits(day)+".db")
	}
	want = append(want, strangers[2])
	if !reflect.DeepEqual(got, want) {
		t.Errorf("backups:\n got %v\nwant %v", got, want)
	}
	// Each backup is a vigil database as of its morning.
	last := filepath.Join(backups, "vigil-2025-03-10.db")
	if perm(t, last) != 0o600 {
		t.Errorf("%s is %v, want 0600", last, perm(t, last))
	}
	s := openAt(t, last, Options{NoAutoBackup: true})
	if list, _ := s.Sessions(0); len(list) != 9 {
		t.Errorf("the last backup holds %d sessions, want 9", len(list))
	}
	st, err := openAt(t, path, c.opts()).Stats()
	if err != nil || st.LastBackupPath != last || st.LastBackup.IsZero() {
		t.Errorf("Stats = %+v, %v; want the last backup %s", st, err, last)
	}
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestBackupFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vigil.db")
	dest := filepath.Join(dir, "copy.db")
	c := newClock()
	s := openAt(t, path, c.opts())
	sess, _ := s.CreateSession(Session{Title: "first"})

	// While the TUI holds it: a clear sentence, and no file.
	start := time.Now()
	err := BackupFile(path, dest, false, 100*time.Millisecond)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) || time.Since(start) > time.Second {
		t.Errorf("BackupFile while open: %v, want ErrLocked naming %s", err, path)
	}
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a backup file was left behind")
	}
	s.Close()

	if err := BackupFile(path, dest, false, 0); err != nil {
		t.Fatal(err)
	}
	if perm(t, dest) != 0o600 {
		t.Errorf("backup is %v, want 0600", perm(t, dest))
	}
	sum := fileSum(t, dest)

	s = openAt(t, path, c.opts())
	s.CreateSession(Session{Title: "second"})
	s.Close()
	err = BackupFile(path, dest, false, 0)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("BackupFile over a file: %v, want a --force sentence", err)
	}
	if fileSum(t, dest) != sum {
		t.Error("the existing file was replaced without force")
	}
	if err := BackupFile(path, dest, true, 0); err != nil {
		t.Fatal(err)
	}
	b := openAt(t, dest, Options{NoAutoBackup: true})
	if list, _ := b.Sessions(0); len(list) != 2 || list[1].ID != sess.ID {
		t.Errorf("forced backup holds %+v, want both sessions", list)
	}
	if err := BackupFile(path, path, true, 0); err == nil || !strings.Contains(err.Error(), "itself") {
		t.Errorf("BackupFile onto the database: %v", err)
	}
	if err := BackupFile(path, dir, true, 0); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("BackupFile onto a folder: %v", err)
	}
	if err := BackupFile(path, filepath.Join(dir, "missing", "x.db"), false, 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("BackupFile into a missing folder: %v", err)
	}
}

func TestBackupToWriter(t *testing.T) {
	s, c := openTest(t)
	s.CreateSession(Session{Title: "kept"})
	c.Add(time.Minute)
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Backup = %d, %v (buffer %d)", n, err, buf.Len())
	}
	path := filepath.Join(t.TempDir(), "restored.db")
	os.WriteFile(path, buf.Bytes(), 0o600)
	r := openAt(t, path, Options{NoAutoBackup: true})
	if l, err := r.Latest(); err != nil || l.Title != "kept" {
		t.Errorf("restored Latest = %+v, %v", l, err)
	}
}

func TestFailedBackupDoesNotStopOpen(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "backups"), []byte("in the way"), 0o600)
	s := openAt(t, filepath.Join(dir, "vigil.db"), newClock().withBackups())
	st, err := s.Stats()
	if err != nil || st.Warning == nil || !strings.Contains(st.Warning.Error(), "backups") {
		t.Errorf("Stats = %+v, %v; want a warning about the backups folder", st, err)
	}
	if _, err := s.CreateSession(Session{}); err != nil {
		t.Error(err)
	}
}
