package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// failsInOneSentence runs vigil in-process as main does and checks that it
// fails with exit status 1 and one sentence on stderr, "vigil: ...",
// holding every one of wants, and no stack trace.
func failsInOneSentence(t *testing.T, args []string, wants ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	msg := stderr.String()
	if code != 1 {
		t.Errorf("vigil %v: exit status %d, want 1\nstderr: %s", args, code, msg)
	}
	line := strings.TrimSuffix(msg, "\n")
	if strings.Contains(line, "\n") || !strings.HasPrefix(line, "vigil: ") || !strings.HasSuffix(line, ".") ||
		strings.Contains(line, "goroutine ") || strings.Contains(line, "panic") {
		t.Errorf("vigil %v: want one sentence on stderr, got:\n%s", args, msg)
	}
	for _, w := range wants {
		if !strings.Contains(line, w) {
			t.Errorf("vigil %v: the message does not say %q:\n%s", args, w, msg)
		}
	}
}

// withSession makes a notes database holding one session, closed again.
func withSession(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "vigil.db")
	st, err := store.Open(db, store.Options{Timeout: time.Second, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := session.NewSession(st, guides.Default(), session.Start{Group: "Thursday group", Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestLockedDatabaseIsSaidQuickly: while another vigil holds the database,
// every command that opens it says so in one sentence within two seconds
// (bbolt's lock timeout), the ones that only read included.
func TestLockedDatabaseIsSaidQuickly(t *testing.T) {
	db := withSession(t)
	holder, err := store.Open(db, store.Options{Timeout: time.Second, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	dir := t.TempDir()
	// In parallel: each waits out the lock timeout.
	t.Run("commands", func(t *testing.T) {
		for _, args := range [][]string{
			{"sessions"}, {"export"}, {"export", "--all", "-o", filepath.Join(dir, "all.md")},
			{"export", "1", "--raw", "-o", filepath.Join(dir, "raw.json")}, {"doctor"},
			{"backup", filepath.Join(dir, "copy.db")}, {"sessions", "delete", "1", "--yes"},
			{"new", "--plain"}, {"resume", "--plain"},
		} {
			t.Run(strings.Join(args[:min(2, len(args))], " "), func(t *testing.T) {
				t.Parallel()
				start := time.Now()
				failsInOneSentence(t, append(args, "--db", db), db, "open in another vigil")
				if took := time.Since(start); took > 2*time.Second {
					t.Errorf("vigil %v took %v to give up on a locked database, want under 2 s", args, took)
				}
			})
		}
	})
	for _, f := range []string{"all.md", "raw.json", "copy.db"} {
		if _, err := os.Stat(filepath.Join(dir, f)); !os.IsNotExist(err) {
			t.Errorf("%s was written while the database was locked: %v", f, err)
		}
	}
}

// TestDamagedDatabaseIsLeftAlone: a file at the database path that is not
// a vigil database (damaged, or another kind of file) gets one sentence
// from every command, and no command changes it.
func TestDamagedDatabaseIsLeftAlone(t *testing.T) {
	db := filepath.Join(t.TempDir(), "vigil.db")
	junk := []byte("shopping list: rice, eggs\n")
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"sessions"}, {"export"}, {"export", "1", "--raw", "-o", filepath.Join(dir, "raw.json")}, {"doctor"},
		{"backup", filepath.Join(dir, "copy.db")}, {"sessions", "delete", "1", "--yes"},
		{"new", "--plain"}, {"resume", "--plain"},
	} {
		failsInOneSentence(t, append(args, "--db", db), db, "not a vigil notes database")
		if got, _ := os.ReadFile(db); !bytes.Equal(got, junk) {
			t.Fatalf("vigil %v changed the file", args)
		}
	}
}

// TestBadDatabasePathIsSaid: --db naming a folder, or a path under a file,
// gets one sentence that says what is wrong with it.
func TestBadDatabasePathIsSaid(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, []byte("not a folder\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sessions"}, {"export"}, {"doctor"}, {"new", "--plain"}} {
		failsInOneSentence(t, append(args, "--db", dir), dir, "is a folder")
		failsInOneSentence(t, append(args, "--db", filepath.Join(file, "vigil.db")), file, "is a file, not a folder")
	}
}

// TestBadOutputPathIsSaid: an export or a backup to a folder that does not
// exist, or to a folder rather than a file, gets one sentence, and
// nothing is made.
func TestBadOutputPathIsSaid(t *testing.T) {
	db := withSession(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-folder")
	for _, args := range [][]string{
		{"export", "-o", filepath.Join(missing, "notes.md")},
		{"export", "1", "--raw", "-o", filepath.Join(missing, "raw.json")},
		{"backup", filepath.Join(missing, "copy.db")},
	} {
		failsInOneSentence(t, append(args, "--db", db), missing, "does not exist")
	}
	failsInOneSentence(t, []string{"export", "-o", dir, "--db", db}, dir, "is a folder")
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("a failed export made the folder: %v", err)
	}
}

// TestFlagUsagesHaveNoBackquotes: pflag reads a `quoted` word in a flag's
// usage as the name of its value, so --help would print "--version vigil
// version" for a flag that takes none.
func TestFlagUsagesHaveNoBackquotes(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if strings.Contains(f.Usage, "`") {
				t.Errorf("vigil %s --%s: usage %q has a backquote", c.CommandPath(), f.Name, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}

// TestDamagedExportSentence: an export that left damaged sessions out
// names them, says how to rescue them, and is one sentence.
func TestDamagedExportSentence(t *testing.T) {
	for _, tt := range []struct {
		ids  []uint64
		want string
	}{
		{[]uint64{3, 3}, "session 3 is damaged and was left out of the export; `vigil doctor` says more, and `vigil export 3 --raw -o FILE` rescues what is left of it"},
		{[]uint64{9, 2, 5}, "sessions 2, 5 and 9 are damaged and were left out of the export; `vigil doctor` says more, and `vigil export ID --raw -o FILE` rescues what is left of each"},
	} {
		d := &store.DamagedError{}
		for _, id := range tt.ids {
			d.Damaged = append(d.Damaged, store.Damaged{SessionID: id, Record: "header", Problem: "not JSON"})
		}
		if got := damagedExport(d); got != tt.want {
			t.Errorf("damagedExport(%v)\n got %q\nwant %q", tt.ids, got, tt.want)
		}
	}
}

// TestErrorSaysVigilOnce: a sentence that begins with "vigil" is not
// printed after the "vigil: " prefix as "vigil: Vigil cannot …".
func TestErrorSaysVigilOnce(t *testing.T) {
	var out, errOut strings.Builder
	db := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"--db", filepath.Join(db, "vigil.db"), "sessions"}, &out, &errOut); code == 0 {
		t.Fatalf("a --db under a file succeeded")
	}
	got := errOut.String()
	if !strings.HasPrefix(got, "vigil: ") || strings.Contains(strings.ToLower(got), "vigil: vigil") {
		t.Errorf("the error reads %q", got)
	}
}
