package tui

import (
	"bytes"
	"strings"
	"testing"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// evening returns a small guide whose one answer reads answer, parsed from
// its text as a user's guide file would be.
func evening(t *testing.T, answer string) *guides.Guide {
	t.Helper()
	src := "---\nid: evening\ntitle: An Evening Guide\nsource: vigil tests\n" +
		"attribution: Written for vigil's tests.\ncontent_note: A short guide about nothing hard.\n---\n\n" +
		"# Questions\n<!-- part: faq -->\n\n## What is this?\n\n" + answer + "\n\n" +
		"# Reflection\n<!-- part: reflection -->\n\n## Quiet\n\nBe still.\n\n### Prompts\n\n- What do you notice?\n"
	g, err := guides.Parse("evening.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func libraryOf(gs ...*guides.Guide) guides.Library {
	return guides.Library{Guides: gs, Shadowed: map[string]string{}}
}

// answerOf is the body of the guide's first section, which tells the two
// texts of the guide apart.
func answerOf(o *session.Opened) string { return o.Guide.Parts[0].Sections[0].Body }

func TestNewSessionKeepsItsGuide(t *testing.T) {
	st := openTestStore(t)
	g := evening(t, "The answer as it was.")
	o, err := session.NewSession(st, g, session.Start{Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	if o.Record.Session.GuideHash != session.GuideHash(g) {
		t.Errorf("session hash %q, want %q", o.Record.Session.GuideHash, session.GuideHash(g))
	}
	src, err := st.GuideCopy(session.GuideHash(g))
	if err != nil || !bytes.Equal(src, g.Source) {
		t.Fatalf("kept copy = %q, %v", src, err)
	}
	// A second session of the same text shares the copy.
	if _, err := session.NewSession(st, g, session.Start{Now: fixedClock()}); err != nil {
		t.Fatal(err)
	}
}

func TestResumeStatus(t *testing.T) {
	old := evening(t, "The answer as it was.")
	changed := evening(t, "The answer as it is now.")
	cases := []struct {
		name       string
		lib        guides.Library
		wantAnswer string
		wantNote   string // a part of the sentence; "" means no sentence
	}{
		{"unchanged", libraryOf(old), "The answer as it was.", ""},
		{"changed", libraryOf(changed), "The answer as it was.", "“An Evening Guide” has changed since this session; it is shown as it was then."},
		{"gone", libraryOf(), "The answer as it was.", "“An Evening Guide” is no longer installed; it is shown as it was when this session used it."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openTestStore(t)
			o, err := session.NewSession(st, old, session.Start{Now: fixedClock()})
			if err != nil {
				t.Fatal(err)
			}
			got, err := session.ResumeStatus(st, c.lib, o.Record.Session.ID)
			if err != nil {
				t.Fatal(err)
			}
			note := got.Notice
			if answerOf(got) != c.wantAnswer {
				t.Errorf("the guide shown reads %q, want %q", answerOf(got), c.wantAnswer)
			}
			if !bytes.Equal(got.Guide.Source, old.Source) {
				t.Error("the guide shown is not the text the session used")
			}
			if c.wantNote == "" && note != "" || !strings.Contains(note, c.wantNote) {
				t.Errorf("sentence %q, want %q", note, c.wantNote)
			}
			if got.Record.Session.ID != o.Record.Session.ID {
				t.Errorf("resumed session %d, want %d", got.Record.Session.ID, o.Record.Session.ID)
			}
			// Resume gives the same guide, without the sentence.
			plain, err := session.Resume(st, c.lib, o.Record.Session.ID)
			if err != nil || answerOf(plain) != c.wantAnswer {
				t.Errorf("Resume = %v, %v", plain, err)
			}
		})
	}
}

// TestResumeWithoutACopy: a session from before copies were kept (or one
// imported) opens with the guide as it is now, and says so; with its guide
// gone too, it cannot open and the error names the guide.
func TestResumeWithoutACopy(t *testing.T) {
	old := evening(t, "The answer as it was.")
	changed := evening(t, "The answer as it is now.")
	st := openTestStore(t)
	sess, err := st.CreateSession(store.Session{GuideID: "evening", GuideTitle: "An Evening Guide", GuideHash: session.GuideHash(old)})
	if err != nil {
		t.Fatal(err)
	}

	o, err := session.ResumeStatus(st, libraryOf(changed), sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	note := o.Notice
	if answerOf(o) != "The answer as it is now." || !strings.Contains(note, "is shown as it is now") {
		t.Errorf("guide %q, sentence %q", answerOf(o), note)
	}

	_, err = session.ResumeStatus(st, libraryOf(), sess.ID)
	if err == nil || !strings.Contains(err.Error(), "evening") || !strings.Contains(err.Error(), "no longer installed") {
		t.Errorf("err = %v, want one naming the missing guide", err)
	}
}

// TestResumeOldSessionWithoutHash: sessions from before the hash was kept
// open with the library's guide and no sentence.
func TestResumeOldSessionWithoutHash(t *testing.T) {
	g := evening(t, "The answer.")
	st := openTestStore(t)
	sess, err := st.CreateSession(store.Session{GuideID: "evening", GuideTitle: "An Evening Guide"})
	if err != nil {
		t.Fatal(err)
	}
	o, err := session.ResumeStatus(st, libraryOf(g), sess.ID)
	if err != nil || o.Guide != g || o.Notice != "" {
		t.Errorf("ResumeStatus = %v, %v", o, err)
	}
}

// TestResumeNeverReadsAFileByID: a guide id from the store is matched
// against the library only, even when it looks like a path.
func TestResumeNeverReadsAFileByID(t *testing.T) {
	g := evening(t, "The answer.")
	st := openTestStore(t)
	sess, err := st.CreateSession(store.Session{GuideID: "testdata/../open_test.go"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := session.ResumeStatus(st, libraryOf(g), sess.ID); err == nil {
		t.Error("a session of a guide not in the library opened")
	}
}

// TestNoticeShowsUntilTheFirstMove: the sentence about a changed guide is
// on the first screen of the resumed session, and goes with the first move.
func TestNoticeShowsUntilTheFirstMove(t *testing.T) {
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	o := &session.Opened{Record: a.session.meet.Rec, Guide: a.session.meet.Guide, Notice: "The guide has changed since this session."}
	b := New(Config{Store: a.ctx.cfg.Store, Library: a.ctx.cfg.Library, GlamourStyle: "notty", Now: fixedClock,
		SaveDelay: a.ctx.cfg.SaveDelay, ReduceMotion: true, Start: o})
	b = drive(t, b, sizeMsg(100, 30))
	mustContain(t, viewText(b), "The guide has changed since this session.")
	b = drive(t, b, keyMsg("right"))
	mustNotContain(t, viewText(b), "has changed since")
}
