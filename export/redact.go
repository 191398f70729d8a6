package export

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"vigil/store"
)

// participant is what a redacted export says instead of a name.
const participant = "a participant"

// redactRecord returns rec without what was told in confidence, for an
// export that is handed on:
//   - requests marked private are left out;
//   - the leader's own notes are left out: those of kind NoteLeader, and
//     any note filed under a leader's key ("<page>@leader");
//   - every participant's name (who asked for prayer, who took on a next
//     step) becomes "a participant";
//   - the attendance (who was there) is left out.
//
// The session gets a UID of its own, made from the original (and so do
// the sessions a request names in PrayedIn): a redacted copy is another
// session, so importing it where the full session is later imported
// cannot make the full one be skipped as already there. rec itself is not
// changed.
func redactRecord(rec store.Record) store.Record {
	out := rec
	uid := rec.Session.UID
	if uid == "" {
		uid = derivedUID(rec.Session)
	}
	out.Session.UID = redactedUID(uid)
	out.Session.Attendance = ""
	out.Notes = make(map[string]store.Note, len(rec.Notes))
	for k, n := range rec.Notes {
		if n.Kind == store.NoteLeader || strings.HasSuffix(k, leaderSuffix) || strings.HasSuffix(n.Key, leaderSuffix) {
			continue
		}
		out.Notes[k] = n
	}
	out.Requests = nil
	for _, r := range rec.Requests {
		if r.Private {
			continue
		}
		if r.Name != "" {
			r.Name = participant
		}
		if r.PrayedIn != nil {
			uids := make([]string, len(r.PrayedIn))
			for i, u := range r.PrayedIn {
				uids[i] = redactedUID(u)
			}
			r.PrayedIn = uids
		}
		out.Requests = append(out.Requests, r)
	}
	out.Commitments = make([]store.Commitment, 0, len(rec.Commitments))
	for _, c := range rec.Commitments {
		if c.Name != "" {
			c.Name = participant
		}
		out.Commitments = append(out.Commitments, c)
	}
	return out
}

// redactedUID is the UID of the redacted copy of the session uid: the same
// for every redacted export of it, and never the UID of a full session.
func redactedUID(uid string) string {
	sum := sha256.Sum256([]byte("vigil redacted copy\x00" + uid))
	return hex.EncodeToString(sum[:16])
}
