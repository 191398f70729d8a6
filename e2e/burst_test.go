package e2e

import (
	"strings"
	"testing"
	"time"

	"vigil/store"
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
	tm := startOnFirstNote(t, env, 140, 30)

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

	tm.stopEditing()
	tm.waitFor(strings.TrimSpace(typed), wait)
	tm.keys("C-c")
	tm.waitFor("[exited] 0", wait)
	if got := storedNote(t, env); strings.TrimSpace(got) != strings.TrimSpace(typed) {
		t.Errorf("the saved note is %q, want %q", got, typed)
	}
}

// burstWidth and burstHeight open a field's screens at a width where every field holds
// the whole burst text (73 characters) without scrolling sideways.
const burstWidth, burstHeight = 160, 30

// fieldText is what a one-line field shows after its prompt: the rest of
// the first line holding prompt, without the spaces and the box's border
// after it. ok is false when no line holds prompt. The screen drops the
// spaces at the end of a line: an empty field's prompt is looked for
// without its own.
func fieldText(screen, prompt string) (text string, ok bool) {
	prompt = strings.TrimRight(prompt, " ")
	for line := range strings.SplitSeq(screen, "\n") {
		if _, rest, found := strings.Cut(line, prompt); found {
			return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "│")), true
		}
	}
	return "", false
}

// waitField polls until the field after prompt reads want (spaces at
// either end aside) while open is on the screen too (the footer of the
// field: it is still open), and fails with the screen when it does not
// within three seconds.
func waitField(t *testing.T, tm *term, prompt, want, open string) {
	t.Helper()
	want = strings.TrimSpace(want)
	var s, got string
	var ok bool
	if poll(3*time.Second, func() bool {
		s = tm.screen()
		got, ok = fieldText(s, prompt)
		return ok && got == want && strings.Contains(s, open)
	}) {
		return
	}
	switch {
	case !ok:
		t.Fatalf("the field %q is not on the screen (want it to read %q):\n%s", prompt, want, s)
	case !strings.Contains(s, open):
		t.Fatalf("the field %q reads %q, but %q is gone: the field closed; the screen shows:\n%s", prompt, got, open, s)
	}
	t.Fatalf("the field %q reads %q, want %q; the screen shows:\n%s", prompt, got, want, s)
}

// burstInto types a marker, then each burst word and a space as one chunk
// of input, into the open field after prompt; after each chunk it waits
// until the field reads everything typed so far and open (the field's
// footer) is still shown: no word acted as its key. It returns what was
// typed.
func burstInto(t *testing.T, tm *term, prompt, marker, open string) string {
	t.Helper()
	typed := marker
	tm.typeText(typed)
	waitField(t, tm, prompt, typed, open)
	for _, w := range burstWords {
		chunk := w + " "
		tm.typeText(chunk) // one send-keys -l: one write to the pty
		typed += chunk
		waitField(t, tm, prompt, typed, open)
	}
	return typed
}

// sameText fails unless a stored value is what was typed (spaces at
// either end aside).
func sameText(t *testing.T, what, got, typed string) {
	t.Helper()
	if strings.TrimSpace(got) != strings.TrimSpace(typed) {
		t.Errorf("the stored %s is %q, want %q", what, got, strings.TrimSpace(typed))
	}
}

// startGroupMeeting opens a new meeting of the burst group and waits for
// its content note.
func startGroupMeeting(t *testing.T, env map[string]string) *term {
	t.Helper()
	tm := startTerm(t, env, burstWidth, burstHeight, binary, "new", "--group", "Burst group")
	tm.waitFor("Before we begin", wait)
	tm.waitFor("m meeting length", wait)
	return tm
}

// toRequests takes the gentler path from the content note to the group's
// own requests.
func toRequests(tm *term) {
	tm.t.Helper()
	tm.keys("g")
	tm.waitFor("The group's response", wait)
	tm.nextUntil("The group's own requests")
	tm.waitFor("Press a to add one", wait)
}

// TestKeyNameBurstsInTheGroupField: on the home screen's start form the
// group's name takes every burst as text, and the session begun with it
// is the group's.
func TestKeyNameBurstsInTheGroupField(t *testing.T) {
	env := freshHome(t)
	tm := startTerm(t, env, burstWidth, burstHeight, binary)
	tm.waitFor("› Start a new session", wait)
	tm.keys("Enter")
	tm.waitFor("Group (optional):  for example Thursday group", wait)
	tm.waitFor("enter begin", wait)

	typed := burstInto(t, tm, "Group (optional): ", "group: ", "enter begin")

	tm.keys("Enter")
	tm.waitFor("Before we begin", wait)
	tm.waitFor("m meeting length", wait)
	tm.quit()
	rec := storedRecord(t, env)
	sameText(t, "group", rec.Session.Group, typed)
}

// TestKeyNameBurstsInTheMinutesField: the meeting's length takes three
// characters; each burst, typed into the empty field, leaves it open with
// the word's first three characters in it.
func TestKeyNameBurstsInTheMinutesField(t *testing.T) {
	env := freshHome(t)
	tm := startGroupMeeting(t, env)
	tm.keys("m")
	const prompt, open = "Minutes for the meeting: ", "enter share the time"
	for _, w := range burstWords {
		// Empty first: the placeholder shows.
		waitField(t, tm, prompt, "for example 60", open)
		tm.typeText(w + " ")
		waitField(t, tm, prompt, (w + " ")[:3], open)
		if s := tm.screen(); strings.Contains(s, "a number from 1 to 600") {
			t.Fatalf("the chunk %q was taken for enter:\n%s", w+" ", s)
		}
		tm.keys("BSpace", "BSpace", "BSpace")
	}
	waitField(t, tm, prompt, "for example 60", open)
	tm.keys("Escape")
	tm.waitOff(open)
	tm.waitFor("= 60 min", wait) // the plan as it was
	tm.quit()
}

// TestKeyNameBurstsInWhoIsHere: who is here takes every burst as text,
// and keeps it.
func TestKeyNameBurstsInWhoIsHere(t *testing.T) {
	env := freshHome(t)
	tm := startGroupMeeting(t, env)
	tm.keys("w")
	// The page says who is here too ("Who is here: … (w to change)"); the
	// field is the one in the box.
	const prompt, open = "│ Who is here: ", "enter keep • esc keep"
	waitField(t, tm, prompt, "names or initials, if you like", open)

	typed := burstInto(t, tm, prompt, "who: ", open)

	tm.keys("Escape") // esc keeps what is typed
	tm.waitOff(open)
	tm.waitFor("(w to change)", wait)
	tm.quit()
	rec := storedRecord(t, env)
	sameText(t, "attendance", rec.Session.Attendance, typed)
}

// TestKeyNameBurstsInSearch: the search prompt takes every burst as text.
func TestKeyNameBurstsInSearch(t *testing.T) {
	env := freshHome(t)
	tm := startGroupMeeting(t, env)
	tm.keys("/")
	const prompt, open = "Search the guide: ", "enter find • esc cancel"
	waitField(t, tm, prompt, "a word or phrase", open)

	burstInto(t, tm, prompt, "find: ", open)

	tm.keys("Escape")
	tm.waitOff(open)
	tm.quit()
}

// TestKeyNameBurstsInTheAddForms: the add form's text and name fields,
// for a request and for a commitment, take every burst as text. The
// request is saved with enter; the commitment is still being written
// when ctrl+c quits, and is kept all the same.
func TestKeyNameBurstsInTheAddForms(t *testing.T) {
	env := freshHome(t)
	tm := startGroupMeeting(t, env)
	toRequests(tm)

	tm.keys("a")
	tm.waitFor("For the room, or private?", wait)
	tm.keys("r")
	const text, name = "│ Text: ", "│ Name (optional): "
	const onText, onName = "enter name, then save", "enter save • esc cancel"
	waitField(t, tm, text, "the request, in their words", onText)
	reqText := burstInto(t, tm, text, "request: ", onText)
	tm.keys("Enter")
	waitField(t, tm, name, "leave empty if they prefer", onName)
	reqName := burstInto(t, tm, name, "asked by: ", onName)
	waitField(t, tm, text, reqText, onName) // the text is as it was typed
	tm.keys("Enter")
	tm.waitOff("Add the group's request")
	tm.waitFor("› ○ "+strings.TrimSpace(reqText)+" — ", wait)

	tm.nextUntil("What we will do")
	tm.waitFor("Press a to add one", wait)
	tm.keys("a")
	tm.waitFor("Add a commitment", wait)
	waitField(t, tm, text, "what someone will do", onText)
	comText := burstInto(t, tm, text, "commitment: ", onText)
	tm.keys("Enter")
	waitField(t, tm, name, "leave empty if they prefer", onName)
	comName := burstInto(t, tm, name, "taken by: ", onName)
	tm.keys("C-c") // the form still open: its draft is kept
	tm.waitFor("[exited] 0", wait)

	rec := storedRecord(t, env)
	if len(rec.Requests) != 1 {
		t.Fatalf("stored requests: %+v, want the one typed", rec.Requests)
	}
	sameText(t, "request's text", rec.Requests[0].Text, reqText)
	sameText(t, "request's name", rec.Requests[0].Name, reqName)
	if len(rec.Commitments) != 1 {
		t.Fatalf("stored commitments: %+v, want the one typed", rec.Commitments)
	}
	sameText(t, "commitment's text", rec.Commitments[0].Text, comText)
	sameText(t, "commitment's name", rec.Commitments[0].Name, comName)
}

// TestKeyNameBurstsInTheRevisitAnswer: at a group's second meeting, how a
// request of the first was answered takes every burst as text, and is
// kept with the request.
func TestKeyNameBurstsInTheRevisitAnswer(t *testing.T) {
	env := freshHome(t)

	// The first meeting leaves a request.
	tm := startGroupMeeting(t, env)
	toRequests(tm)
	addRequest(tm, "for Ana's mother", "")
	tm.waitFor("› ○ for Ana's mother", wait)
	tm.quit()

	// The second meeting answers it.
	tm = startGroupMeeting(t, env)
	tm.keys("Right")
	tm.waitFor("Requests from earlier meetings", wait)
	tm.waitFor("› ○ for Ana's mother", wait)
	tm.keys("y")
	const prompt, open = "How was it answered? (optional) ", "enter keep • esc keep"
	tm.waitFor(strings.TrimSpace(prompt), wait)
	waitField(t, tm, prompt, "", open)

	typed := burstInto(t, tm, prompt, "answer: ", open)

	tm.keys("Enter")
	tm.waitOff(open)
	tm.waitFor("answered: answer: home end up", wait)
	tm.quit()

	rec := storedRecord(t, env)
	if len(rec.Session.Revisited) != 1 {
		t.Fatalf("the second meeting's revisits: %+v, want the one answered", rec.Session.Revisited)
	}
	sameText(t, "answer of the revisit", rec.Session.Revisited[0].Answer, typed)
	st := openStored(t, env)
	defer st.Close()
	grs, err := st.GroupRequests("Burst group")
	if err != nil {
		t.Fatal(err)
	}
	if len(grs) != 1 || grs[0].Request.Status != store.RequestAnswered {
		t.Fatalf("the group's requests: %+v, want the one, answered", grs)
	}
	sameText(t, "answer of the request", grs[0].Request.Answer, typed)
}
