package session

import (
	"fmt"
	"time"

	"vigil/store"
)

// MaxText is the most text one note, request or commitment (or a name)
// may hold, in bytes: some 2,500 words, far more than a meeting says about
// one page, and little enough that a keystroke in the editor at the limit
// stays under one frame (6-7 ms measured on 2 cores; at 64 KiB it took
// 21 ms, because the editor re-wraps the whole note on each key). A longer
// text is refused with a sentence (TooLong) by the editor, plain mode and
// import alike.
const MaxText = 16 << 10

// TooLongError is the sentence for a text over MaxText. What is "note",
// "request", "commitment" or "name".
type TooLongError struct {
	What string
	Len  int
	// Paste is true when a paste would have made the text too long: it
	// is refused whole, never cut short unseen.
	Paste bool
}

func (e *TooLongError) Error() string {
	if e.Paste {
		return fmt.Sprintf("Nothing was pasted: it would make this %s longer than %d KiB, vigil's limit; paste it in parts, or a shorter text.", e.What, MaxText>>10)
	}
	advice := "shorten it"
	switch e.What {
	case "note":
		advice = "split it over two pages or shorten it"
	case "request", "commitment":
		advice = "split it in two or shorten it"
	}
	return fmt.Sprintf("This %s is longer than %d KiB, vigil's limit; %s.", e.What, MaxText>>10, advice)
}

// TooLong returns a *TooLongError when text is over MaxText, else nil.
func TooLong(what, text string) error {
	if len(text) > MaxText {
		return &TooLongError{What: what, Len: len(text)}
	}
	return nil
}

// SetNoteChecked is SetNote with the limit: a text over MaxText changes
// nothing and gives the sentence to show (a *TooLongError).
func (m *Meeting) SetNoteChecked(leader bool, text string, now time.Time) ([]store.Change, error) {
	if err := TooLong("note", text); err != nil {
		return nil, err
	}
	p := m.Page()
	return m.setNote(NoteKey(p, leader), NoteKindOf(p, leader), text, now), nil
}

// AddRequestChecked is AddRequest with the limit on its text and name.
func (m *Meeting) AddRequestChecked(text, name string, private bool, now time.Time) (store.Request, []store.Change, error) {
	if err := tooLongItem("request", text, name); err != nil {
		return store.Request{}, nil, err
	}
	r, cs := m.addRequest(text, name, private, now)
	return r, cs, nil
}

// AddCommitmentChecked is AddCommitment with the limit on its text and
// name.
func (m *Meeting) AddCommitmentChecked(text, name string, now time.Time) (store.Commitment, []store.Change, error) {
	if err := tooLongItem("commitment", text, name); err != nil {
		return store.Commitment{}, nil, err
	}
	c, cs := m.addCommitment(text, name, now)
	return c, cs, nil
}

func tooLongItem(what, text, name string) error {
	if err := TooLong(what, text); err != nil {
		return err
	}
	return TooLong("name", name)
}
