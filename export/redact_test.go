package export

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vigil/session"
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
	rec.Session.Revisited = []store.Revisit{
		{Item: store.ItemRequest, SessionUID: "earlier", ItemID: 4, Text: "Xprivaterevisit12", Name: "Xprivaterevisitname13",
			Private: true, Action: store.ActionAnswered, Answer: "Xprivaterevisitanswer14", At: at(19, 40)},
		{Item: store.ItemRequest, SessionUID: "earlier", ItemID: 5, Text: "An earlier request", Name: "Xrevisitname15",
			Action: store.ActionPraying, At: at(19, 41)},
	}
	return rec, []string{"Xattendance1", "Xleadersection2", "Xleaderprompt3", "Xleaderrequests4", "Xleaderkind5",
		"Xleaderkey6", "Xprivaterequest7", "Xprivatename8", "Xprivateanswer9", "Xrequestname10", "Xcommitname11",
		"Xprivaterevisit12", "Xprivaterevisitname13", "Xprivaterevisitanswer14", "Xrevisitname15"}
}

// private and names split the phrases of secrets: what only the leader
// may see (told in confidence, or the leader's own), and people's names
// on what the room may see.
var (
	privatePhrases = []string{"Xleadersection2", "Xleaderprompt3", "Xleaderrequests4", "Xleaderkind5", "Xleaderkey6",
		"Xprivaterequest7", "Xprivatename8", "Xprivateanswer9", "Xprivaterevisit12", "Xprivaterevisitname13", "Xprivaterevisitanswer14"}
	namePhrases = []string{"Xattendance1", "Xrequestname10", "Xcommitname11", "Xrevisitname15"}
)

// TestRedactLeavesOutWhatIsPrivate: every private phrase is in every
// format without --redact (so the test can tell), and in none with it.
func TestRedactLeavesOutWhatIsPrivate(t *testing.T) {
	rec, phrases := secrets()
	st, ids := storeWith(t, rec)
	for _, f := range Formats {
		plain := export(t, st, ids, f, session.Leader)
		redacted := export(t, st, ids, f, session.Redacted)
		for _, p := range phrases {
			if !strings.Contains(plain, p) {
				t.Errorf("%s without --redact lacks %s: the test cannot tell anything", f, p)
			}
			if strings.Contains(redacted, p) {
				t.Errorf("%s with --redact shows %s", f, p)
			}
		}
		if !strings.Contains(redacted, session.Participant) || !strings.Contains(redacted, "An open request") || !strings.Contains(redacted, "An earlier request") {
			t.Errorf("%s with --redact lost what is not private", f)
		}
	}
}

// TestSharedViewKeepsNamesOnly: the shared view (a handout for the group)
// leaves out everything private and the leader's notes, in every format
// that may write it, and keeps people's names and the group's own notes.
// Its JSON copy is another session, with uids of its own (see SCHEMA.md).
func TestSharedViewKeepsNamesOnly(t *testing.T) {
	rec, all := secrets()
	if len(privatePhrases)+len(namePhrases) != len(all) {
		t.Fatal("privatePhrases and namePhrases do not split the phrases of secrets")
	}
	st, ids := storeWith(t, rec)
	for _, f := range []Format{Markdown, Text, HTML} {
		shared := export(t, st, ids, f, session.Shared)
		for _, p := range privatePhrases {
			if strings.Contains(shared, p) {
				t.Errorf("%s in the shared view shows %s", f, p)
			}
		}
		// Attendance is a fact line, which every format but JSON shows.
		for _, p := range namePhrases {
			if !strings.Contains(shared, p) {
				t.Errorf("%s in the shared view lacks the name %s", f, p)
			}
		}
		for _, kept := range []string{"An open request", "An earlier request", "A step", "None of us had known how young the children are."} {
			if !strings.Contains(shared, kept) {
				t.Errorf("%s in the shared view lost %q", f, kept)
			}
		}
		if strings.Contains(shared, session.Participant) {
			t.Errorf("%s in the shared view hides a name", f)
		}
	}
	// A JSON copy of the shared view is another session: importing it
	// first must not make the full session be skipped later.
	var shared, full bytes.Buffer
	if err := Write(&shared, st, ids, JSON, Options{Library: library(), View: session.Shared}); err != nil {
		t.Fatalf("a JSON export of the shared view: %v", err)
	}
	if err := Write(&full, st, ids, JSON, Options{Library: library(), View: session.Leader}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(shared.String(), "Xprivaterequest7") {
		t.Error("the shared JSON holds a private request")
	}
	dest := newStore(t)
	for i, b := range []*bytes.Buffer{&shared, &full} {
		recs, err := Decode(bytes.NewReader(b.Bytes()), "copy.json")
		if err != nil {
			t.Fatal(err)
		}
		if added, _, err := dest.Import(recs); err != nil || added != 1 {
			t.Fatalf("import %d: added %d, %v; the shared copy must not stand in for the full session", i, added, err)
		}
	}
}

// TestNoViewIsRefused: an export that does not say who it is for is
// refused before anything is written, in every format, to a writer or a
// file, so that a forgotten view never exports everything.
func TestNoViewIsRefused(t *testing.T) {
	rec, _ := secrets()
	st, ids := storeWith(t, rec)
	dir := t.TempDir()
	for _, f := range Formats {
		var buf bytes.Buffer
		err := Write(&buf, st, ids, f, Options{Library: library()})
		if !errors.Is(err, ErrNoView) || !strings.Contains(err.Error(), "choose what the export is for") || buf.Len() > 0 {
			t.Errorf("%s with no view: %v, %d bytes written; want ErrNoView and nothing", f, err, buf.Len())
		}
		path := filepath.Join(dir, "notes."+string(f))
		if err := ToFile(st, ids, f, Options{Library: library()}, path, false); !errors.Is(err, ErrNoView) {
			t.Errorf("ToFile %s with no view: %v; want ErrNoView", f, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ToFile %s with no view left a file: %v", f, err)
		}
	}
	if names := listing(t, dir); len(names) > 0 {
		t.Errorf("left behind: %q", names)
	}
}

// TestRedactingLeavesTheRecordAlone: laying a record out for a view that
// hides things does not change the record itself.
func TestRedactingLeavesTheRecordAlone(t *testing.T) {
	rec, _ := secrets()
	before := export(t, mustStore(t, rec), []uint64{1}, JSON, session.Leader)
	for _, v := range []session.View{session.Shared, session.Redacted} {
		_ = session.Capture(rec, nil, v)
	}
	if after := export(t, mustStore(t, rec), []uint64{1}, JSON, session.Leader); after != before {
		t.Error("laying the record out for the shared or redacted view changed it")
	}
}

func mustStore(t *testing.T, rec store.Record) *store.Store {
	st, _ := storeWith(t, rec)
	return st
}
