package e2e

import (
	"strings"
	"testing"
	"time"
)

// burstWords are the key names that a burst of typed input can spell. Each
// is sent as one chunk of input, as it arrives over SSH, on a slow screen or
// from an input method; in a text field it must stay text.
var burstWords = []string{"home", "end", "up", "down", "left", "right", "enter", "esc", "tab", "backspace", "delete", "ctrl+c"}

// TestKeyNameBurstsAreText types each key name as one chunk into the note
// editor of the real binary in tmux, and finds every word on the screen
// and, after quitting, in the saved note.
func TestKeyNameBurstsAreText(t *testing.T) {
	// On bubbletea v1 / bubbles v1 the first burst already acted as a key
	// (bubbles matched keys on msg.String()).

	env := freshHome(t)
	// Wide enough that the whole note stays on one line of the editor.
	tm := startTerm(t, env, 140, 30, binary, "new")
	tm.waitFor("Before we begin", wait)
	tm.keys("Right")
	tm.waitFor("What is cybersex trafficking?", wait)
	tm.keys("Enter")
	tm.waitFor("esc stop editing", wait)

	// A marker first, so the words are looked for where they were typed,
	// not in the help line ("esc stop editing", "enter ...").
	// The screen drops spaces at the end of a line, so it is searched for
	// the text typed so far without them.
	typed := "burst: "
	tm.typeText(typed)
	tm.waitFor(strings.TrimSpace(typed), wait)
	for _, w := range burstWords {
		chunk := w + " "
		tm.typeText(chunk) // one send-keys -l: one write to the pty
		typed += chunk
		if !tm.shows(strings.TrimSpace(typed), 3*time.Second) {
			t.Fatalf("after the chunk %q the note does not read %q; the screen shows:\n%s", chunk, typed, tm.screen())
		}
	}

	tm.keys("Escape") // stop editing: the note is saved
	waitOff(t, tm, "esc stop editing")
	tm.waitFor(strings.TrimSpace(typed), wait)
	tm.keys("C-c")
	tm.waitFor("[exited] 0", wait)
	if got := storedNote(t, env); strings.TrimSpace(got) != strings.TrimSpace(typed) {
		t.Errorf("the saved note is %q, want %q", got, typed)
	}
}

// shows polls the pane until it shows text, and reports whether it did
// within the timeout.
func (tm *term) shows(text string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for !strings.Contains(tm.screen(), text) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
