package session

import (
	"strings"
	"time"

	"vigil/store"
)

// A group's meeting has two views: the shared one, for the room, and the
// leader's. One person alone has one view, private to them: the leader's
// view's reach (everything they wrote), with the words of one person, no
// leader's notes of its own and no debrief. Front ends ask these methods
// rather than test Alone themselves.

// Alone reports whether the session is one person's reflection.
func (m *Meeting) Alone() bool { return m.Rec.Session.Alone }

// Words are the words the session speaks with: to a group, or to one
// person.
func (m *Meeting) Words() Words { return WordsFor(m.Alone()) }

// Views are the views a front end offers, the first shown at the start:
// the shared view and the leader's for a group; alone, one private view.
func (m *Meeting) Views() []View {
	if m.Alone() {
		return []View{Leader}
	}
	return []View{Shared, Leader}
}

// LeaderNoteIn reports whether the note written in view v is the leader's
// own (private) note rather than the group's. Alone, the one view writes
// the person's own notes: there is no leader to keep them from.
func (m *Meeting) LeaderNoteIn(v View) bool { return v == Leader && !m.Alone() }

// GuideLeaderNotesIn reports whether view v shows the guide's notes for
// the leader (its "For the leader" notes and its leader_note): the
// leader's view of a group's meeting only. Alone, nobody leads, and notes
// on leading a group would speak past the one person there.
func (m *Meeting) GuideLeaderNotesIn(v View) bool { return v == Leader && !m.Alone() }

// PageIn is the page view v shows now: the page on screen, or, when view v
// does not show it (the shared screen while the leader is on the debrief),
// the nearest page before it that v shows.
func (m *Meeting) PageIn(v View) Page { return m.Pages[m.indexIn(v)] }

// indexIn is the index of PageIn(v).
func (m *Meeting) indexIn(v View) int {
	for i := m.Cur; i >= 0; i-- {
		if m.Pages[i].ShownIn(v) {
			return i
		}
	}
	return 0
}

// MoveIn goes to the next (+1) or previous (-1) page that view v shows,
// stepping over the others (the debrief, in the shared view), and records
// the position. moved is false at either end.
func (m *Meeting) MoveIn(v View, delta int, now time.Time) (cs []store.Change, moved bool) {
	if delta == 0 {
		return nil, false
	}
	step := 1
	if delta < 0 {
		step = -1
	}
	i := m.Cur
	for n := 0; n < abs(delta); n++ {
		j := i + step
		for j >= 0 && j < len(m.Pages) && !m.Pages[j].ShownIn(v) {
			j += step
		}
		if j < 0 || j >= len(m.Pages) {
			break
		}
		i = j
	}
	if i == m.Cur {
		return nil, false
	}
	return m.GoTo(i, now)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// FollowUp is the leader's note from the group's last debrief (who may
// need a follow-up), for view v: the leader's view of a group's meeting
// only, "" in any other.
func (m *Meeting) FollowUp(v View) string {
	if v != Leader || m.Alone() {
		return ""
	}
	return strings.TrimSpace(Clean(m.Carry.FollowUp))
}
