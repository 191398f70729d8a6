package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// paste pastes text into the pane as a terminal does: tmux wraps it in
// the bracketed-paste markers vigil asked for, and sends its bytes as they
// are (-r: no LF turned into CR).
func (tm *term) paste(text string) {
	tm.t.Helper()
	file := filepath.Join(tm.t.TempDir(), "paste")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		tm.t.Fatal(err)
	}
	tm.tmux("load-buffer", "-b", "vigil-paste", file)
	tm.tmux("paste-buffer", "-p", "-r", "-d", "-b", "vigil-paste", "-t", tm.name)
}

// TestPasteIsKept pastes into the note editor of the real binary in tmux:
// the pasted CRLF becomes one line break, and the paste is saved though
// no key follows it (esc straight after). Then a 100 KiB paste is refused
// whole with its sentence (the limit is 16 KiB; the editor alone would cut
// it short unseen), and typing goes on as before.
func TestPasteIsKept(t *testing.T) {
	env := freshHome(t)
	tm := startOnFirstNote(t, env, 100, 30)
	tm.paste("pasted first line\r\npasted second line")
	tm.waitFor("pasted second line", wait)
	tm.stopEditing()
	tm.quit()
	if got, want := storedNote(t, env), "pasted first line\npasted second line"; got != want {
		t.Fatalf("after a paste and esc the saved note is %q, want %q", got, want)
	}

	tm = startTerm(t, env, 100, 30, binary, "resume")
	tm.waitFor("pasted second line", wait)
	tm.keys("Enter")
	tm.waitFor("esc stop editing", wait)
	tm.keys("End") // the cursor to the end of the note's last line
	tm.paste(strings.Repeat("0123456789abcde\n", 100<<10/16))
	tm.waitFor("Nothing was pasted", wait)
	tm.typeText(" and typed")
	tm.waitFor("pasted second line and typed", wait)
	tm.stopEditing()
	tm.quit()
	if got, want := storedNote(t, env), "pasted first line\npasted second line and typed"; got != want {
		t.Errorf("after the refused paste the saved note is %q, want %q", got, want)
	}
}
