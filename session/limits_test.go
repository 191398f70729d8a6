package session

import (
	"errors"
	"strings"
	"testing"

	"vigil/store"
)

// noErr fails the test on an error and hands on the changes.
func noErr(t *testing.T) func([]store.Change, error) []store.Change {
	return func(cs []store.Change, err error) []store.Change {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
}

// TestTextLimit: a note, request or commitment over MaxText is refused
// with the sentence, by every change function, and nothing changes; at the
// limit it is kept.
func TestTextLimit(t *testing.T) {
	st, _ := openStore(t)
	t0 := day(5)
	m := newMeeting(t, st, seed(), "g", t0)
	goToKey(t, &m, "reflection/hope#1", t0)
	at := strings.Repeat("a", MaxText)
	over := at + "b"
	want := "This note is longer than 16 KiB, vigil's limit; split it over two pages or shorten it."

	cs, err := m.SetNoteChecked(false, over, t0)
	var tl *TooLongError
	if !errors.As(err, &tl) || err.Error() != want || cs != nil || m.Note(false).Text != "" {
		t.Errorf("SetNoteChecked over the limit = %v, %v", len(cs), err)
	}
	if cs := m.SetNote(false, over, t0); cs != nil {
		t.Error("SetNote stored a note over the limit")
	}
	if cs, err := m.SetNoteChecked(false, at, t0); err != nil || len(cs) != 1 {
		t.Errorf("a note at the limit: %v", err)
	}
	if cs, err := m.AppendNote("more", t0); err == nil || cs != nil || m.Note(false).Text != at {
		t.Errorf("AppendNote past the limit = %v, %v", cs, err)
	}

	if _, cs, err := m.AddRequestChecked(over, "", false, t0); err == nil || cs != nil || len(m.Rec.Requests) != 0 ||
		!strings.HasPrefix(err.Error(), "This request is longer than 16 KiB") {
		t.Errorf("AddRequestChecked = %v", err)
	}
	if _, cs := m.AddRequest(over, "", false, t0); cs != nil {
		t.Error("AddRequest stored a request over the limit")
	}
	r, _, err := m.AddRequestChecked("short", "", false, t0)
	if err != nil {
		t.Fatal(err)
	}
	if cs, err := m.EditRequest(r.ID, over, "", false); err == nil || cs != nil || m.Rec.Requests[0].Text != "short" {
		t.Errorf("EditRequest over the limit = %v", err)
	}
	if _, _, err := m.AddRequestChecked("short", over, false, t0); err == nil || !strings.HasPrefix(err.Error(), "This name is longer") {
		t.Errorf("a name over the limit: %v", err)
	}

	if _, cs, err := m.AddCommitmentChecked(over, "", t0); err == nil || cs != nil || len(m.Rec.Commitments) != 0 {
		t.Errorf("AddCommitmentChecked = %v", err)
	}
	c, _, err := m.AddCommitmentChecked("call", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	if cs, err := m.EditCommitment(c.ID, over, ""); err == nil || cs != nil || m.Rec.Commitments[0].Text != "call" {
		t.Errorf("EditCommitment over the limit = %v", err)
	}
}
