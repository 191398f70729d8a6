package session

import (
	"fmt"
	"strings"
	"testing"

	"vigil/store"
)

// benchRecord is a long meeting of the seed guide: a note of some 500
// characters with names in it on every page (every other one with a date
// and an e-mail address too), a leader's note on every other page, 20
// requests and 10 commitments.
func benchRecord() store.Record {
	rec := redactFixture()
	text := strings.Repeat("Carla said the children were on her mind all week; Ben prayed for them by name. ", 6)
	for i, key := range keysOf(BuildPages(seed(), store.PathFull)) {
		note := text
		if i%2 == 0 {
			note += "We meet again on 3 December; write to maria.g@example.com."
			rec.Notes[key+LeaderSuffix] = store.Note{Key: key + LeaderSuffix, Kind: store.NoteLeader, Text: note}
		}
		rec.Notes[key] = store.Note{Key: key, Kind: store.NoteSection, Text: note}
	}
	for i := range 20 {
		rec.Requests = append(rec.Requests, store.Request{ID: uint64(10 + i), Text: fmt.Sprintf("For Dolores's family, request %d", i),
			Name: "Dolores", Private: i%4 == 0, Created: rec.Session.Created})
	}
	for i := range 10 {
		rec.Commitments = append(rec.Commitments, store.Commitment{ID: uint64(10 + i), Text: "Call Bea about the next meeting", Name: "Rosario"})
	}
	return rec
}

// BenchmarkCapture lays a long meeting out for each view: what the
// summary page and every export pay once per rendering. The redacted view
// runs every note through the redactor.
func BenchmarkCapture(b *testing.B) {
	rec, g := benchRecord(), seed()
	for _, v := range []View{Leader, Shared, Redacted} {
		b.Run(v.String(), func(b *testing.B) {
			for b.Loop() {
				if c := Capture(rec, g, v); c.Empty() {
					b.Fatalf("%v captured nothing", v)
				}
			}
		})
	}
}
