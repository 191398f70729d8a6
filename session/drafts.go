package session

import (
	"strings"
	"time"

	"vigil/store"
)

// Drafts: what is typed into the form that adds or edits a request or a
// commitment is kept while it is typed, like a note, so that a crash loses
// none of it. A draft is the leader's (a private request may be being
// typed), so it is filed under a leader's key: only the leader's view and
// the leader's record show it. Saving or cancelling the form empties it.
const (
	DraftRequestKey    = "draft/request" + LeaderSuffix
	DraftCommitmentKey = "draft/commitment" + LeaderSuffix
)

func draftKey(request bool) (key, what string) {
	if request {
		return DraftRequestKey, "request"
	}
	return DraftCommitmentKey, "commitment"
}

// SetDraft keeps the form's text and name as the draft of a request
// (request true) or a commitment. Over MaxText it changes nothing, and the
// error (a *TooLongError) says so.
func (m *Meeting) SetDraft(request bool, text, name string, now time.Time) ([]store.Change, error) {
	key, what := draftKey(request)
	if err := tooLongItem(what, text, name); err != nil {
		return nil, err
	}
	body := strings.TrimSpace(text)
	if n := strings.TrimSpace(name); n != "" {
		body = strings.TrimSpace(body + "\n— " + n)
	}
	return m.setNote(key, store.NoteLeader, body, now), nil
}

// ClearDraft empties the draft once the form is saved or cancelled.
func (m *Meeting) ClearDraft(request bool, now time.Time) []store.Change {
	key, _ := draftKey(request)
	return m.setNote(key, store.NoteLeader, "", now)
}
