package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"vigil/store"
)

// hostileText holds every sequence seen reaching a terminal: OSC 52 (a
// clipboard write), OSC 0 (the window title), ESC[2J (clear), OSC 8 (a
// link), U+009B (C1 CSI), a lone CR, and U+202E (right-to-left override).
const hostileText = "in\x1b]52;c;cHduZWQ=\x07to\x1b]0;owned\x07the\x1b[2Jscreen\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\u009b2Jcsi\rcr\u202eevil"

// unsafeOutput names the first byte sequence a terminal must never get:
// ESC, a C1 control (U+0080–U+009F as UTF-8, or a raw 8-bit C1 byte
// outside UTF-8), or a bidi control (U+202A–202E, U+2066–2069).
func unsafeOutput(out []byte) string {
	if i := bytes.IndexByte(out, 0x1b); i >= 0 {
		return "ESC at byte " + strconv.Itoa(i)
	}
	for _, r := range string(out) {
		switch {
		case r >= 0x80 && r <= 0x9f:
			return "a C1 control"
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return "a bidi control"
		}
	}
	return ""
}

// noHostileOutput runs vigil and fails when stdout or stderr holds an
// unsafe sequence.
func noHostileOutput(t *testing.T, env map[string]string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	stdout, stderr, code := runBoth(t, env, stdin, args...)
	for name, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
		if what := unsafeOutput([]byte(s)); what != "" {
			t.Errorf("vigil %v wrote %s to %s:\n%q", args, what, name, s)
		}
	}
	return stdout, stderr, code
}

// hostileGuide is a guide file with the sequences in its title, content
// note, part and section titles, body, prompts and resources.
func hostileGuide() string {
	h := strings.ReplaceAll(hostileText, "\r", "") // one line of YAML
	return "---\nid: hostile\ntitle: \"T" + jsonish(h) + "\"\nsource: \"S" + jsonish(h) + "\"\nattribution: A\ncontent_note: \"N" + jsonish(h) + "\"\n---\n\n" +
		"# Part " + h + "\n<!-- part: faq -->\n\n## Section " + h + "\n\nBody " + hostileText + "\n\n### Prompts\n\n- Prompt " + h + "\n"
}

// jsonish escapes s for a double-quoted YAML string.
func jsonish(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

// TestHostileTextNeverReachesTheTerminal: text with escape sequences, from
// an import, from an old database written before any check, and from a
// guide file (its name too), never reaches a terminal or an export: every
// command prints it clean.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	// 1. An import: a JSON export with the sequences in every text field.
	src := freshHome(t)
	seedSession(t, src, "a plain note")
	exp := filepath.Join(t.TempDir(), "notes.json")
	run(t, src, "", "export", "--format", "json", "-o", exp)
	var f map[string]any
	data, _ := os.ReadFile(exp)
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	s := f["sessions"].([]any)[0].(map[string]any)
	for _, k := range []string{"group", "title", "guide_title", "attendance"} {
		s[k] = hostileText
	}
	s["notes"] = []any{map[string]any{"key": "faq/what-is-cybersex-trafficking", "kind": "note", "text": hostileText, "updated": "2026-11-26T19:30:00Z"}}
	s["requests"] = []any{map[string]any{"id": 1, "text": hostileText, "name": hostileText, "private": false, "prayed": false, "created": "2026-11-26T19:30:00Z"}}
	s["commitments"] = []any{map[string]any{"id": 1, "text": hostileText, "name": hostileText, "created": "2026-11-26T19:30:00Z"}}
	write := func(name string) string {
		data, _ := json.Marshal(f)
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	clean := write("hostile.json")
	// A note key with escapes is refused, with a sentence and no escapes.
	notes := s["notes"].([]any)
	s["notes"] = append(notes, map[string]any{"key": "faq/" + hostileText, "kind": "note", "text": "x", "updated": "2026-11-26T19:30:00Z"})
	badKey := write("hostile-key.json")
	s["notes"] = notes

	env := freshHome(t)
	_, stderr, code := noHostileOutput(t, env, "", "import", badKey)
	if code == 0 || !strings.Contains(stderr, "note 2 has control characters in its key") {
		t.Errorf("import of a note key with escapes: exit %d, %s", code, stderr)
	}
	if _, stderr, code := noHostileOutput(t, env, "", "import", clean); code != 0 {
		t.Fatalf("import of the export with the sequences: exit %d, %s", code, stderr)
	}

	// 2. An old database: the same bytes written straight through the
	// store, note keys included, as a vigil before any check could have.
	st, err := store.Open(dbOf(env), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	old, err := st.CreateSession(store.Session{GuideID: "cybersex-trafficking-faqs", GuideTitle: hostileText, Group: hostileText,
		Title: hostileText, Attendance: hostileText})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Apply(store.Change{SessionID: old.ID,
		Notes: []store.Note{{Key: "faq/what-is-cybersex-trafficking", Kind: store.NoteSection, Text: hostileText},
			{Key: "faq/" + hostileText, Kind: store.NoteSection, Text: hostileText}},
		Requests:    []store.Request{{ID: 1, Text: hostileText, Name: hostileText}},
		Commitments: []store.Commitment{{ID: 1, Text: hostileText, Name: hostileText}}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	// 3. A guide file with the sequences, one named with them too.
	dir := filepath.Join(env["XDG_CONFIG_HOME"], "vigil", "guides")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	guide := filepath.Join(dir, "hostile.md")
	for name, text := range map[string]string{guide: hostileGuide(), filepath.Join(dir, "name\x1b]0;owned\x07\u202e.md"): "no front matter\n"} {
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	stdout, _, _ := noHostileOutput(t, env, "", "sessions")
	if !strings.Contains(stdout, "1 ") || !strings.Contains(stdout, "2 ") {
		t.Errorf("sessions:\n%s", stdout)
	}
	for _, id := range []string{"1", "2"} {
		stdout, _, _ = noHostileOutput(t, env, "n\n", "sessions", "delete", id)
		if !strings.Contains(stdout, "Nothing was deleted") {
			t.Errorf("delete %s, answering n:\n%s", id, stdout)
		}
		for _, format := range []string{"md", "txt", "html"} {
			stdout, _, code := noHostileOutput(t, env, "", "export", id, "--format", format)
			if code != 0 || !strings.Contains(stdout, "screen") {
				t.Errorf("export %s as %s: exit %d\n%s", id, format, code, stdout)
			}
		}
	}
	// Each names the guide file, and the two that read the whole folder
	// the file named with escapes too: what is checked above was printed.
	for _, args := range [][]string{{"guides"}, {"guide", "show", guide}, {"guide", "show", guide, "--plain"}, {"guide", "check", dir}} {
		stdout, stderr, _ := noHostileOutput(t, env, "", args...)
		out := stdout + stderr
		wholeFolder := args[0] == "guides" || args[1] == "check"
		if !strings.Contains(out, "hostile.md") || wholeFolder && !strings.Contains(out, "owned") {
			t.Errorf("vigil %q does not name the guide files:\n%s", args, out)
		}
	}
}
