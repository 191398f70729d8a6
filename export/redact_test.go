package export

import (
	"strings"
	"testing"

	"vigil/store"
)

// secrets puts a unique phrase in every place the store keeps something
// told in confidence, and returns the record with the phrases.
func secrets() (store.Record, []string) {
	rec := fixture()
	rec.Session.UID = "secrets"
	rec.Session.Attendance = "Present Xattendance1"
	put := func(key string, kind store.NoteKind, text string) {
		rec.Notes[key] = store.Note{Key: key, Kind: kind, Text: text, Updated: at(20, 0)}
	}
	put("faq/what-is-cybersex-trafficking@leader", store.NoteLeader, "Xleadersection2")
	put("reflection/clarity#1@leader", store.NoteLeader, "Xleaderprompt3")
	put("prayer#group@leader", store.NoteLeader, "Xleaderrequests4")
	put("leader#private", store.NoteLeader, "Xleaderkind5")         // a leader's note under another key
	put("next/next-steps@leader", store.NoteSection, "Xleaderkey6") // a leader's key, whatever its kind
	rec.Requests = []store.Request{
		{ID: 1, Text: "Xprivaterequest7", Name: "Xprivatename8", Private: true, Answer: "Xprivateanswer9", Status: store.RequestAnswered, Created: at(20, 1)},
		{ID: 2, Text: "An open request", Name: "Xrequestname10", Created: at(20, 2)},
	}
	rec.Commitments = []store.Commitment{{ID: 1, Text: "A step", Name: "Xcommitname11", Created: at(20, 3)}}
	return rec, []string{"Xattendance1", "Xleadersection2", "Xleaderprompt3", "Xleaderrequests4", "Xleaderkind5",
		"Xleaderkey6", "Xprivaterequest7", "Xprivatename8", "Xprivateanswer9", "Xrequestname10", "Xcommitname11"}
}

// TestRedactLeavesOutWhatIsPrivate: every private phrase is in every
// format without --redact (so the test can tell), and in none with it.
func TestRedactLeavesOutWhatIsPrivate(t *testing.T) {
	rec, phrases := secrets()
	st, ids := storeWith(t, rec)
	for _, f := range Formats {
		plain := export(t, st, ids, f, false)
		redacted := export(t, st, ids, f, true)
		for _, p := range phrases {
			if !strings.Contains(plain, p) {
				t.Errorf("%s without --redact lacks %s: the test cannot tell anything", f, p)
			}
			if strings.Contains(redacted, p) {
				t.Errorf("%s with --redact shows %s", f, p)
			}
		}
		if !strings.Contains(redacted, participant) || !strings.Contains(redacted, "An open request") {
			t.Errorf("%s with --redact lost what is not private", f)
		}
	}
}

func TestRedactRecordLeavesTheRecordAlone(t *testing.T) {
	rec, _ := secrets()
	before := export(t, mustStore(t, rec), []uint64{1}, JSON, false)
	_ = redactRecord(rec)
	if after := export(t, mustStore(t, rec), []uint64{1}, JSON, false); after != before {
		t.Error("redactRecord changed the record it was given")
	}
}

func mustStore(t *testing.T, rec store.Record) *store.Store {
	st, _ := storeWith(t, rec)
	return st
}
