package session

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"vigil/guides"
	"vigil/store"
)

// View is who a rendering of a session is for. Every front end and every
// export renders one of these, and asks this file, and only this file,
// what it may show.
type View int

// The views. The zero value is not a view, so a forgotten one shows
// nothing rather than everything.
const (
	// Shared is what the room may see: the screen on the wall, a
	// participant's terminal, a handout given to the group.
	Shared View = iota + 1
	// Leader is everything, for the leader's eyes: private requests and the
	// leader's own notes, marked as such.
	Leader
	// Redacted is for handing on to someone who was not there: the shared
	// view with every name and the attendance taken out too.
	Redacted
)

// String names a view as people say it.
func (v View) String() string {
	switch v {
	case Shared:
		return "shared view"
	case Leader:
		return "leader's view"
	case Redacted:
		return "redacted"
	}
	return "no view"
}

// Privacy is how private one thing a session holds is.
type Privacy int

// The kinds of privacy.
const (
	// Public things are for everyone: the guide, the group's notes and
	// responses, requests for the room, commitments.
	Public Privacy = iota + 1
	// Private things were told in confidence: a request marked private,
	// and what became of it.
	Private
	// LeaderOnly things are the leader's: the leader's own notes.
	LeaderOnly
	// Personal things name people: who asked, who took a step on, who was
	// there.
	Personal
)

// Shows is the privacy rule, the one place it is written:
//
//	           Public  Private  LeaderOnly  Personal
//	Shared     yes     no       no          yes
//	Leader     yes     yes      yes         yes
//	Redacted   yes     no       no          no
func (v View) Shows(p Privacy) bool {
	switch v {
	case Leader:
		return p >= Public && p <= Personal
	case Shared:
		return p == Public || p == Personal
	case Redacted:
		return p == Public
	}
	return false
}

// NotePrivacy is how private a note is: a leader's note (by its kind, or
// by a key filed under a leader's page key) is the leader's only.
func NotePrivacy(key string, n store.Note) Privacy {
	if n.Kind == store.NoteLeader || strings.HasSuffix(key, LeaderSuffix) || strings.HasSuffix(n.Key, LeaderSuffix) {
		return LeaderOnly
	}
	return Public
}

// RequestPrivacy is how private a request is.
func RequestPrivacy(private bool) Privacy {
	if private {
		return Private
	}
	return Public
}

// ShowsRequest reports whether the view shows a request at all.
func (v View) ShowsRequest(r store.Request) bool { return v.Shows(RequestPrivacy(r.Private)) }

// ShowsNote reports whether the view shows a note.
func (v View) ShowsNote(key string, n store.Note) bool { return v.Shows(NotePrivacy(key, n)) }

// ShowsNames reports whether the view shows people's names.
func (v View) ShowsNames() bool { return v.Shows(Personal) }

// Participant is what a view that shows no names says instead of one.
const Participant = "a participant"

// Filter returns the record as the view may show it; rec is not changed.
// The leader's view is the record itself. The shared view leaves out
// private requests (and revisits of private requests) and the leader's
// notes. The redacted view also puts "a participant" for every name,
// leaves out who was there, the group's name and the title, replaces in
// free text what would tell who someone is (see redact.go) and keeps every
// time to its month. Both give the copy's session a UID of its own, made
// from the original (and so for the sessions a request names in PrayedIn
// and those the meeting revisited).
func Filter(rec store.Record, v View) store.Record { return filter(rec, v, nil) }

// filter is Filter knowing the session's guide, when there is one, so
// that redacting keeps the guide's own links and phone numbers.
func filter(rec store.Record, v View, g *guides.Guide) store.Record {
	if v == Leader {
		return rec
	}
	out := rec
	out.Session = copySession(rec.Session)
	out.Notes = make(map[string]store.Note, len(rec.Notes))
	for k, n := range rec.Notes {
		if v.ShowsNote(k, n) {
			out.Notes[k] = n
		}
	}
	name := func(s string) string {
		if s == "" || v.ShowsNames() {
			return s
		}
		return Participant
	}
	out.Requests = nil
	for _, r := range rec.Requests {
		if !v.ShowsRequest(r) {
			continue
		}
		r.Name = name(r.Name)
		out.Requests = append(out.Requests, r)
	}
	out.Commitments = make([]store.Commitment, 0, len(rec.Commitments))
	for _, c := range rec.Commitments {
		if !v.Shows(Public) {
			continue // the zero view shows nothing
		}
		c.Name = name(c.Name)
		out.Commitments = append(out.Commitments, c)
	}
	out.Session.Revisited = nil
	for _, rv := range rec.Session.Revisited {
		if !v.Shows(RequestPrivacy(rv.Private)) {
			continue
		}
		rv.Name = name(rv.Name)
		out.Session.Revisited = append(out.Session.Revisited, rv)
	}
	if !v.ShowsNames() {
		out.Session.Attendance = ""
	}
	if v == Redacted {
		redact(&out, rec, g)
	}
	// A copy that leaves anything out is another session: it gets UIDs of
	// its own, so importing it where the full session is later imported
	// cannot make the full one be skipped as already there.
	uid := rec.Session.UID
	if uid == "" {
		uid = DerivedUID(rec.Session)
	}
	out.Session.UID = v.copyUID(uid)
	for i := range out.Requests {
		if out.Requests[i].PrayedIn != nil {
			uids := make([]string, len(out.Requests[i].PrayedIn))
			for j, u := range out.Requests[i].PrayedIn {
				uids[j] = v.copyUID(u)
			}
			out.Requests[i].PrayedIn = uids
		}
	}
	for i := range out.Session.Revisited {
		out.Session.Revisited[i].SessionUID = v.copyUID(out.Session.Revisited[i].SessionUID)
	}
	return out
}

// copyUID is the UID of the view's copy of the session uid: the same for
// every copy in that view, and never the UID of a full session or of
// another view's copy.
func (v View) copyUID(uid string) string {
	tag := "vigil redacted copy\x00"
	if v == Shared {
		tag = "vigil shared copy\x00"
	}
	sum := sha256.Sum256([]byte(tag + uid))
	return hex.EncodeToString(sum[:16])
}

// DerivedUID names a session that has no UID by what never changes about
// it in its database: guide, creation time and local ID. Exporting it twice
// gives the same UID, so importing both exports adds it once.
func DerivedUID(s store.Session) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%d", s.GuideID, s.Created.UTC().Format(time.RFC3339Nano), s.ID))
	return hex.EncodeToString(sum[:16])
}
