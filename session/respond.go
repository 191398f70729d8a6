package session

import (
	"errors"
	"time"

	"vigil/store"
)

// ErrNoSuchPage says that a page key names no page of the meeting (the
// path changed since it was on screen).
var ErrNoSuchPage = errors.New("that page is no longer in this meeting")

// AppendResponse adds a line to the group's note on the page with the
// given key, whatever page is on screen now: a participant's written
// response to a prompt, accepted by the leader after the group moved on.
// A note that would go over MaxText is left as it was, and the error (a
// *TooLongError) is the sentence to show.
func (m *Meeting) AppendResponse(pageKey, line string, now time.Time) ([]store.Change, error) {
	i := indexOfKey(m.Pages, pageKey)
	if i < 0 {
		return nil, ErrNoSuchPage
	}
	p := m.Pages[i]
	key := NoteKey(p, false)
	text := line
	if old := m.Rec.Notes[key].Text; old != "" {
		text = old + "\n" + line
	}
	if err := TooLong("note", text); err != nil {
		return nil, err
	}
	return m.setNote(key, NoteKindOf(p, false), text, now), nil
}
