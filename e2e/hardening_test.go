package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"vigil/session"
	"vigil/store"
)

// runBoth runs vigil and returns its stdout, stderr and exit status.
func runBoth(t *testing.T, env map[string]string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	c := vigilCmd(env, args...)
	var o, e bytes.Buffer
	c.Stdout, c.Stderr, c.Stdin = &o, &e, strings.NewReader(stdin)
	err := c.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("vigil %v: %v", args, err)
	}
	return o.String(), e.String(), code
}

// fileState is what must not change when a command only reads.
type fileState struct {
	sum   [32]byte
	mode  os.FileMode
	mtime time.Time
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{sha256.Sum256(data), fi.Mode(), fi.ModTime()}
}

func dirNames(t *testing.T, dir string) string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestReadingDoesNotWrite: a 0400 database (made after the data is in it)
// is listed, exported (to the screen and to a file), checked, and offered
// for completion, and its bytes, mode and time stay as they were, with no
// backup or other file made beside it. Tests run as root, so only a
// read-only open keeps it so.
func TestReadingDoesNotWrite(t *testing.T) {
	env := freshHome(t)
	seedSession(t, env, "read but never written")
	db := dbOf(env)
	// Let the seeding's daily backup be; then make the file read-only and
	// older than now, so that any write shows in its time.
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(db, old, old); err != nil {
		t.Fatal(err)
	}
	before, names := stateOf(t, db), dirNames(t, filepath.Dir(db))
	out := t.TempDir()
	for _, args := range [][]string{
		{"sessions"},
		{"export"},
		{"export", "--all", "--format", "json", "-o", filepath.Join(out, "all.json")},
		{"export", "1", "--format", "html", "-o", filepath.Join(out, "one.html")},
		{"doctor"},
		{"guides"},
		{"guide", "show", "cybersex-trafficking-faqs", "--plain"},
		{"__complete", "export", ""},
	} {
		stdout, stderr, code := runBoth(t, env, "", args...)
		if code != 0 {
			t.Errorf("vigil %v: exit %d\n%s%s", args, code, stdout, stderr)
		}
		if after := stateOf(t, db); after != before {
			t.Fatalf("vigil %v changed the database: %+v, was %+v", args, after, before)
		}
		if now := dirNames(t, filepath.Dir(db)); now != names {
			t.Fatalf("vigil %v made files beside the database: %s, was %s", args, now, names)
		}
		if args[0] == "sessions" && !strings.Contains(stdout, "Tuesday") {
			t.Errorf("sessions listed:\n%s", stdout)
		}
		if args[0] == "export" && len(args) == 1 && !strings.Contains(stdout, "read but never written") {
			t.Errorf("export printed:\n%s", stdout)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(out, "all.json")); !bytes.Contains(data, []byte("read but never written")) {
		t.Error("the JSON export lacks the note")
	}
}

// damage writes raw bytes over one key of session id, through bbolt,
// as a failing disk or a crash of an old vigil might leave it.
func damage(t *testing.T, path string, id uint64, child, key, value string) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		k := make([]byte, 8)
		for i := range 8 {
			k[7-i] = byte(id >> (8 * i))
		}
		b := tx.Bucket([]byte("sessions")).Bucket(k)
		if child != "" {
			b = b.Bucket([]byte(child))
		}
		return b.Put([]byte(key), []byte(value))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDamagedSessionLocksNothingOut: one session with damaged JSON is
// named, not a wall: sessions lists the rest (exit 0), export --all
// exports the rest and names it (exit 1), --raw rescues its bytes,
// doctor lists the record and fails, and delete removes it.
func TestDamagedSessionLocksNothingOut(t *testing.T) {
	env := freshHome(t)
	seedSession(t, env, "first whole note")
	bad := seedSession(t, env, "the damaged one's note")
	seedSession(t, env, "third whole note")
	damage(t, dbOf(env), bad, "", "session", `{"id": garbage`)

	stdout, stderr, code := runBoth(t, env, "", "sessions")
	if code != 0 || strings.Count(stdout, "Tuesday") != 2 || !strings.Contains(stderr, "Session 2 is damaged; `vigil doctor` says more.") {
		t.Errorf("sessions: exit %d\n%s---\n%s", code, stdout, stderr)
	}

	stdout, stderr, code = runBoth(t, env, "", "export", "--all", "--format", "txt")
	if code == 0 || !strings.Contains(stdout, "first whole note") || !strings.Contains(stdout, "third whole note") ||
		!strings.Contains(stderr, "Session 2 is damaged and was left out") {
		t.Errorf("export --all: exit %d\n%s---\n%s", code, stdout, stderr)
	}
	file := filepath.Join(t.TempDir(), "all.md")
	stdout, stderr, code = runBoth(t, env, "", "export", "--all", "-o", file)
	if data, _ := os.ReadFile(file); code == 0 || !bytes.Contains(data, []byte("third whole note")) || !strings.Contains(stdout, "Wrote 2 sessions") {
		t.Errorf("export --all -o: exit %d\n%s---\n%s", code, stdout, stderr)
	}

	rescue := filepath.Join(t.TempDir(), "rescue.json")
	if _, stderr, code := runBoth(t, env, "", "export", "2", "--raw"); code == 0 || !strings.Contains(stderr, "-o FILE") {
		t.Errorf("--raw to the screen: exit %d, %s", code, stderr)
	}
	run(t, env, "", "export", "2", "--raw", "-o", rescue)
	var r struct {
		Session uint64
		Entries []struct{ Bucket, Key, Value string }
	}
	data, _ := os.ReadFile(rescue)
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("the rescue file is not JSON: %v\n%s", err, data)
	}
	var head, note bool
	for _, e := range r.Entries {
		head = head || e.Key == "session" && e.Value == `{"id": garbage`
		note = note || e.Bucket == "notes" && strings.Contains(e.Value, "the damaged one's note")
	}
	if r.Session != 2 || !head || !note {
		t.Errorf("the rescue file holds:\n%s", data)
	}
	if fi, _ := os.Stat(rescue); fi.Mode().Perm() != 0o600 {
		t.Errorf("the rescue file is %v", fi.Mode())
	}

	stdout, stderr, code = runBoth(t, env, "", "doctor")
	if code == 0 || !strings.Contains(stdout, "session 2: header: its data cannot be read") || !strings.Contains(stderr, "Session 2 is damaged") {
		t.Errorf("doctor: exit %d\n%s---\n%s", code, stdout, stderr)
	}

	stdout, _, code = runBoth(t, env, "n\n", "sessions", "delete", "2")
	if code != 0 || !strings.Contains(stdout, "which is damaged") || !strings.Contains(stdout, "Nothing was deleted") {
		t.Errorf("delete, answering n: exit %d\n%s", code, stdout)
	}
	run(t, env, "", "sessions", "delete", "--yes", "2")
	if stdout, stderr, code := runBoth(t, env, "", "doctor"); code != 0 || !strings.Contains(stdout, "damaged:     none") {
		t.Errorf("doctor after the delete: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestRecoveryFilesAreMentioned: a recovery file left by a failed save is
// listed by doctor and mentioned when a session starts.
func TestRecoveryFilesAreMentioned(t *testing.T) {
	env := freshHome(t)
	id := seedSession(t, env, "saved")
	path, err := session.WriteRecovery(dbOf(env), []store.Change{{SessionID: id, Notes: []store.Note{{Key: "faq/x", Text: "not saved"}}}},
		os.ErrPermission, time.Now())
	if err != nil || filepath.Dir(path) != filepath.Dir(dbOf(env)) {
		t.Fatalf("WriteRecovery = %s, %v", path, err)
	}
	stdout, _, code := runBoth(t, env, "", "doctor")
	if code != 0 || !strings.Contains(stdout, "recovery files:") || !strings.Contains(stdout, path) {
		t.Errorf("doctor: exit %d\n%s", code, stdout)
	}
	_, stderr, _ := runBoth(t, env, "q\n", "resume", "--plain")
	if !strings.Contains(stderr, "could not be saved earlier is kept in "+path) {
		t.Errorf("resume said on stderr: %q", stderr)
	}
}

// TestOutputThatCannotBeWrittenFails: doctor and version exit non-zero
// when stdout is a full disk.
func TestOutputThatCannotBeWrittenFails(t *testing.T) {
	env := freshHome(t)
	seedSession(t, env, "x")
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	for _, args := range [][]string{{"doctor"}, {"version"}, {"sessions"}} {
		c := vigilCmd(env, args...)
		var stderr bytes.Buffer
		c.Stdout, c.Stderr = full, &stderr
		err := c.Run()
		if err == nil || !strings.Contains(stderr.String(), "vigil: Could not write its output") {
			t.Errorf("vigil %v to a full disk: %v, %q", args, err, stderr.String())
		}
	}
}

// TestSIGQUITSavesTheNote: SIGQUIT is a way out like SIGTERM: the note
// being typed is saved, and no goroutine dump reaches the screen.
func TestSIGQUITSavesTheNote(t *testing.T) {
	const text = "typed just before SIGQUIT"
	env := typeNoteThen(t, text, func(tm *term) {
		if err := syscall.Kill(tm.vigilPID(), syscall.SIGQUIT); err != nil {
			t.Fatal(err)
		}
		s := tm.waitFor("[exited]", wait)
		if strings.Contains(s, "goroutine") || strings.Contains(s, "SIGQUIT") || !strings.Contains(s, "[exited] 0") {
			t.Errorf("after SIGQUIT the screen shows:\n%s", s)
		}
	})
	if got := storedNote(t, env); got != text {
		t.Errorf("stored note %q, want %q", got, text)
	}
}
