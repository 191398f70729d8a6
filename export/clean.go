package export

import (
	"errors"
	"fmt"

	"vigil/session"
)

// What an import does with control characters (terminal escapes, C1
// codes, DEL, bidirectional controls): in what was typed (note, request,
// commitment and revisit texts, names, answers, attendance, group, title,
// guide title) they are dropped, \r\n and \r become \n, and tabs stay, so
// that the text is kept and safe. In keys and IDs (note keys, guide_id,
// guide_hash, the position's page, the keys of prayed, spent and budget,
// prayed_in) vigil never writes them, and the file is refused. So is a
// text over session.MaxText. Messages name the item by position, never by
// its text.

// checkText refuses a session with controls in a key or ID, or a text
// over the limit. The error finishes the sentence "session N ...".
func checkText(s sessionJSON) error {
	keys := []string{s.GuideID, s.GuideHash, s.Position.Page}
	for k := range s.Prayed {
		keys = append(keys, k)
	}
	for k := range s.Spent {
		keys = append(keys, k)
	}
	for k := range s.Budget {
		keys = append(keys, k)
	}
	for _, k := range keys {
		if session.HasControls(k) {
			return errors.New("has control characters in a key or ID (guide_id, guide_hash, position, prayed, spent or budget), which vigil never writes")
		}
	}
	for i, n := range s.Notes {
		if session.HasControls(n.Key) {
			return fmt.Errorf("note %d has control characters in its key, which vigil never writes", i+1)
		}
		if len(n.Text) > session.MaxText {
			return tooLong("note", i)
		}
	}
	for i, r := range s.Requests {
		if len(r.Text) > session.MaxText || len(r.Name) > session.MaxText || len(r.Answer) > session.MaxText {
			return tooLong("request", i)
		}
		for _, uid := range r.PrayedIn {
			if session.HasControls(uid) {
				return fmt.Errorf("request %d has control characters in prayed_in, which vigil never writes", i+1)
			}
		}
	}
	for i, c := range s.Commitments {
		if len(c.Text) > session.MaxText || len(c.Name) > session.MaxText {
			return tooLong("commitment", i)
		}
	}
	for i, rv := range s.Revisited {
		if len(rv.Text) > session.MaxText || len(rv.Name) > session.MaxText || len(rv.Answer) > session.MaxText {
			return tooLong("revisit", i)
		}
	}
	for what, t := range map[string]string{"group": s.Group, "title": s.Title, "guide_title": s.GuideTitle, "attendance": s.Attendance} {
		if len(t) > session.MaxText {
			return fmt.Errorf("has a %s longer than %d KiB, vigil's limit", what, session.MaxText>>10)
		}
	}
	return nil
}

func tooLong(what string, i int) error {
	return fmt.Errorf("%s %d is longer than %d KiB, vigil's limit; shorten it in the file or leave it out", what, i+1, session.MaxText>>10)
}

// cleanSession drops control characters from what was typed (see the top
// of this file).
func cleanSession(s sessionJSON) sessionJSON {
	strip := session.Strip
	s.GuideTitle, s.Group, s.Title, s.Attendance = strip(s.GuideTitle), strip(s.Group), strip(s.Title), strip(s.Attendance)
	s.Notes = append([]noteJSON(nil), s.Notes...)
	for i := range s.Notes {
		s.Notes[i].Text = strip(s.Notes[i].Text)
	}
	s.Requests = append([]requestJSON(nil), s.Requests...)
	for i := range s.Requests {
		r := &s.Requests[i]
		r.Text, r.Name, r.Answer = strip(r.Text), strip(r.Name), strip(r.Answer)
	}
	s.Commitments = append([]commitmentJSON(nil), s.Commitments...)
	for i := range s.Commitments {
		c := &s.Commitments[i]
		c.Text, c.Name = strip(c.Text), strip(c.Name)
	}
	s.Revisited = append([]revisitJSON(nil), s.Revisited...)
	for i := range s.Revisited {
		rv := &s.Revisited[i]
		rv.Text, rv.Name, rv.Answer = strip(rv.Text), strip(rv.Name), strip(rv.Answer)
	}
	return s
}
