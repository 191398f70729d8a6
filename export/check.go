package export

import (
	"errors"
	"fmt"
	"slices"

	"vigil/store"
)

// maxUID is the longest session UID accepted; vigil makes 32 hex digits.
const maxUID = 128

// checkSession checks one session of an export before anything is
// written: the required fields are there and every value is one vigil
// writes. The error finishes the sentence "session N ...", and names
// fields, never their content.
func checkSession(s sessionJSON) error {
	switch {
	case s.UID == "":
		return errors.New("has no uid")
	case len(s.UID) > maxUID || !uidChars(s.UID):
		return errors.New("has a uid vigil did not make (letters, digits, - and _ only, at most 128)")
	case s.GuideID == "":
		return errors.New("has no guide_id")
	case s.Created.IsZero():
		return errors.New("has no created time")
	case s.Seen < 0 || s.Total < 0:
		return errors.New("has a negative page count")
	}
	switch store.Path(s.Path) {
	case "", store.PathFull, store.PathGentle:
	default:
		return fmt.Errorf("has the unknown path %q (full or gentle)", clip(s.Path))
	}
	switch store.Stage(s.Position.Stage) {
	case "", store.StageContentNote, store.StageSection, store.StageSummary:
	default:
		return fmt.Errorf("has the unknown position stage %q", clip(s.Position.Stage))
	}
	for k, v := range s.Spent {
		if k == "" || v < 0 {
			return errors.New("has a bad value in spent (seconds per part kind, not negative)")
		}
	}
	for k, v := range s.Budget {
		if k == "" || v < 0 {
			return errors.New("has a bad value in budget (minutes per part kind, not negative)")
		}
	}
	for k := range s.Prayed {
		if k == "" {
			return errors.New("has an empty key in prayed")
		}
	}
	keys := make(map[string]bool, len(s.Notes))
	for i, n := range s.Notes {
		switch store.NoteKind(n.Kind) {
		case store.NoteSection, store.NoteResponse, store.NoteLeader:
		default:
			return fmt.Errorf("note %d has the unknown kind %q (note, response or leader)", i+1, clip(n.Kind))
		}
		if n.Key == "" {
			return fmt.Errorf("note %d has no key", i+1)
		}
		if keys[n.Key] {
			return fmt.Errorf("has two notes with the key of note %d", i+1)
		}
		keys[n.Key] = true
	}
	ids := map[uint64]bool{}
	for i, r := range s.Requests {
		if err := newID("request", i, r.ID, ids); err != nil {
			return err
		}
		if r.Status != "" && r.Status != store.RequestAnswered && r.Status != store.RequestArchived {
			return fmt.Errorf("request %d has the unknown status %q (answered or archived)", i+1, clip(r.Status))
		}
	}
	clear(ids)
	for i, c := range s.Commitments {
		if err := newID("commitment", i, c.ID, ids); err != nil {
			return err
		}
	}
	for i, rv := range s.Revisited {
		if err := checkRevisit(rv); err != nil {
			return fmt.Errorf("revisit %d %s", i+1, err)
		}
	}
	return checkText(s)
}

// newID checks the id of item i of a kind (request or commitment): it is
// set, and not one in seen, which it then joins.
func newID(kind string, i int, id uint64, seen map[uint64]bool) error {
	switch {
	case id == 0:
		return fmt.Errorf("%s %d has no id", kind, i+1)
	case seen[id]:
		return fmt.Errorf("has two %ss with the id %d", kind, id)
	}
	seen[id] = true
	return nil
}

// checkRevisit checks one thing a meeting did with an earlier meeting's
// item: what kind of item, which one, and an action that kind can take.
func checkRevisit(rv revisitJSON) error {
	var actions []store.Action
	switch store.ItemKind(rv.Item) {
	case store.ItemRequest:
		actions = []store.Action{store.ActionPraying, store.ActionAnswered, store.ActionArchived}
	case store.ItemCommitment:
		actions = []store.Action{store.ActionOngoing, store.ActionDone, store.ActionLetGo}
	default:
		return fmt.Errorf("has the unknown item %q (request or commitment)", clip(rv.Item))
	}
	switch {
	// A session kept from before sessions had UIDs has none to name, so an
	// empty session_uid is allowed.
	case len(rv.SessionUID) > maxUID || !uidChars(rv.SessionUID):
		return errors.New("has a session_uid vigil did not make (letters, digits, - and _ only, at most 128)")
	case rv.ItemID == 0:
		return errors.New("has no item_id")
	case !slices.Contains(actions, store.Action(rv.Action)):
		return fmt.Errorf("has the action %q, which a %s cannot take", clip(rv.Action), rv.Item)
	}
	return nil
}

func uidChars(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// clip shortens a bad value for a message: these fields hold short words,
// never anything typed in confidence.
func clip(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}
