package plain

import (
	"fmt"
	"strings"

	"vigil/session"
)

// Changing one's mind about a request or commitment already added: e N
// edits it, x N deletes it after asking, and on requests v N switches it
// between private and for the room. Items are found by their number as
// listed, then changed by ID through the session.

// changeRequest acts on "e N", "x N" or "v N" on the group's requests.
func (r *run) changeRequest(letter string, n int) (done bool, err error) {
	list := r.m.RequestsIn(session.Leader)
	if n < 1 || n > len(list) {
		r.say("There is no request %d; the list has %d.", n, len(list))
		return false, nil
	}
	req := list[n-1]
	switch letter {
	case "v":
		if err := r.apply(r.m.SetRequestPrivate(req.ID, !req.Private)); err != nil {
			return false, nil
		}
		if !req.Private {
			r.say("Request %d is now private: only in the leader's view.", n)
		} else {
			r.say("Request %d is now for the room.", n)
		}
	case "x":
		if del, ended, err := r.confirmDelete("request", n); !del {
			return ended, err
		}
		if err := r.apply(r.m.RemoveRequest(req.ID)); err != nil {
			return false, nil
		}
		r.removed = true
		r.say("Request %d deleted.", n)
	case "e":
		text, name, ended, err := r.askEdit("Request", req.Text, req.Name)
		if err != nil || ended {
			return ended, err
		}
		cs, err := r.m.EditRequest(req.ID, text, name, req.Private)
		if err != nil {
			r.say("%s Nothing changed.", err)
			return false, nil
		}
		if err := r.apply(cs); err != nil {
			return false, nil
		}
		got, _ := r.m.Request(req.ID)
		r.say("Request %d is now: %s", n, requestLine(got))
	}
	return false, nil
}

// changeCommitment acts on "e N" or "x N" on the commitments.
func (r *run) changeCommitment(letter string, n int) (done bool, err error) {
	list := r.m.Rec.Commitments
	if n < 1 || n > len(list) {
		r.say("There is no commitment %d; the list has %d.", n, len(list))
		return false, nil
	}
	c := list[n-1]
	switch letter {
	case "x":
		if del, ended, err := r.confirmDelete("commitment", n); !del {
			return ended, err
		}
		if err := r.apply(r.m.RemoveCommitment(c.ID)); err != nil {
			return false, nil
		}
		r.removed = true
		r.say("Commitment %d deleted.", n)
	case "e":
		text, name, ended, err := r.askEdit("Commitment", c.Text, c.Name)
		if err != nil || ended {
			return ended, err
		}
		cs, err := r.m.EditCommitment(c.ID, text, name)
		if err != nil {
			r.say("%s Nothing changed.", err)
			return false, nil
		}
		if err := r.apply(cs); err != nil {
			return false, nil
		}
		r.say("Commitment %d is now: %s", n, itemLine(text, name))
	default:
		r.say("That command is not used on this page; ? lists the commands.")
	}
	return false, nil
}

// askEdit asks for an item's new text and name; an empty answer keeps what
// was there, and "-" clears the name. ended is true at the end of input.
func (r *run) askEdit(what, text, name string) (newText, newName string, ended bool, err error) {
	r.say("%s now: %s", what, itemLine(text, name))
	t, ok, err := r.ask(what + " (enter keeps it): ")
	if err != nil || !ok {
		return "", "", true, err
	}
	if t == "" {
		t = text
	}
	nm, ok, err := r.ask("Name (enter keeps it, - for none): ")
	if err != nil || !ok {
		return "", "", true, err
	}
	switch nm {
	case "":
		nm = name
	case "-":
		nm = ""
	}
	return t, nm, false, nil
}

// confirmDelete asks before item n (what: "request") is deleted; no is
// the answer unless y is typed, and says "Kept.". ended is true at the end
// of the input.
func (r *run) confirmDelete(what string, n int) (del, ended bool, err error) {
	ans, ok, err := r.ask(fmt.Sprintf("Delete %s %d for good? (y/N): ", what, n))
	if err != nil || !ok {
		return false, !ok, err
	}
	if !yes(ans) {
		r.say("Kept.")
		return false, false, nil
	}
	return true, false, nil
}

// yes reports whether an answer to a y/N question is yes.
func yes(ans string) bool {
	return strings.EqualFold(ans, "y") || strings.EqualFold(ans, "yes")
}
