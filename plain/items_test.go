package plain

import "testing"

// TestPlainChangesItsMind: on the requests page, e edits a request, v
// makes it private or for the room, x deletes it after asking (n keeps
// it); on the commitments, e and x likewise. A deleted item is gone from
// the database (its scrubbing from the file is store's
// TestScrubSessionLeavesNoTraceOfARemovedItem and tui's
// TestDeletedRequestLeavesTheLiveFile: here later writes reuse the freed
// page, so a raw search could not tell).
func TestPlainChangesItsMind(t *testing.T) {
	cfg, st := plainSession(t, tinyGuide())
	out := runScript(t, cfg,
		"f\n", "n\n", "n\n", "n\n", "n\n", "n\n", // faq/one → … → prayer#group
		"a\n", "XDELETEDREQUEST for rain\n", "\n", "n\n",
		"a\n", "For Ana's mother\n", "Ana\n", "y\n",
		"e 2\n", "For Ana's mother, in hospital\n", "-\n", // edited; the name cleared
		"v 2\n",        // now for the room
		"x 1\n", "n\n", // kept
		"x 1\n", "y\n", // deleted
		"n\n", "n\n", // next#commitments
		"a\n", "XDELETEDSTEP\n", "Ben\n",
		"a\n", "Call the helpline\n", "\n",
		"e 2\n", "\n", "Ben\n", // the text kept, a name given
		"x 1\n", "y\n",
		"q\n",
	)
	mustContain(t, out, "Kept.", "Request 1 deleted.", "Commitment 1 deleted.", "is now for the room")
	rec := loadRecord(t, st, cfg.Start.Record.Session.ID)
	if len(rec.Requests) != 1 {
		t.Fatalf("requests = %+v", rec.Requests)
	}
	if r := rec.Requests[0]; r.Text != "For Ana's mother, in hospital" || r.Name != "" || r.Private {
		t.Errorf("the edited request = %+v; want the new text, no name, for the room", r)
	}
	if len(rec.Commitments) != 1 || rec.Commitments[0].Text != "Call the helpline" || rec.Commitments[0].Name != "Ben" {
		t.Errorf("commitments = %+v", rec.Commitments)
	}
}
