package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// homeWithTwoWeeks is the home screen over a store where one group met
// twice and left requests: one open, one answered, one private.
func homeWithTwoWeeks(t *testing.T) (App, *store.Store) {
	t.Helper()
	st := openTestStore(t)
	g := tinyGuide()
	w1, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	w1.Record.Session.Prayed = map[string]time.Time{"prayer/a": fixedClock()}
	s := w1.Record.Session
	if err := st.Apply(store.Change{SessionID: s.ID, Session: &s, Requests: []store.Request{
		{ID: 1, Text: "OPEN-REQUEST", Name: "Ana", Prayed: true, Created: fixedClock()},
		{ID: 2, Text: "ANSWERED-REQUEST", Status: store.RequestAnswered, Answer: "she is home", Created: fixedClock()},
		{ID: 3, Text: "PRIVATE-REQUEST", Private: true, Created: fixedClock()},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock().Add(7 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
	a = drive(t, a, sizeMsg(100, 30), loadSessions(st)())
	return a, st
}

func TestHomeListsGroups(t *testing.T) {
	a, _ := homeWithTwoWeeks(t)
	mustContain(t, viewText(a), "Start a new session", "Prayer list", "Thursday group · last met 2026-12-03 · 2 open requests, 1 private", "Resume a session")
	// enter on the group starts its next session with the name filled in.
	for a.home.items()[a.home.sel].kind != itemGroup {
		a = drive(t, a, keyMsg("down"))
	}
	a = drive(t, a, keyMsg("enter"))
	if !a.home.starting || a.home.group.Value() != "Thursday group" {
		t.Errorf("starting %v with group %q", a.home.starting, a.home.group.Value())
	}
}

func TestPrayerList(t *testing.T) {
	a, _ := homeWithTwoWeeks(t)
	for a.home.items()[a.home.sel].kind != itemPrayerList {
		a = drive(t, a, keyMsg("down"))
	}
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, loadPrayerList(a.ctx.cfg.Store)())
	v := viewText(a)
	mustContain(t, v, "Prayer list", "OPEN-REQUEST — Ana", "added 2026-11-26 · prayed in 1 session",
		"Answered", "ANSWERED-REQUEST", "answered: she is home", "SHARED VIEW")
	// How often the group prayed the guide's request: on the line under it.
	mustContain(t, strings.Join(strings.Fields(v), " "), "✓ Pray for A prayed in 1 session")
	mustNotContain(t, v, "PRIVATE-REQUEST")
	if idxOpen, idxAns := strings.Index(v, "OPEN-REQUEST"), strings.Index(v, "ANSWERED-REQUEST"); idxAns < idxOpen {
		t.Error("answered requests are not shown apart, after the open ones")
	}
	a = drive(t, a, keyMsg("tab"))
	mustContain(t, viewText(a), "PRIVATE-REQUEST [private]", "LEADER VIEW")
	a = drive(t, a, keyMsg("esc"))
	if a.state != stateHome {
		t.Error("esc did not go back home")
	}
}

// TestHomeFitsSmallWindow: with many sessions the home screen still fits
// 60x20, and the chosen row stays in view.
func TestHomeFitsSmallWindow(t *testing.T) {
	st := openTestStore(t)
	g := tinyGuide()
	for i := 0; i < 12; i++ {
		if _, err := session.NewSession(st, g, session.Start{Group: "Group " + string(rune('A'+i)), Now: fixedClock()}); err != nil {
			t.Fatal(err)
		}
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
	a = drive(t, a, sizeMsg(60, 20), loadSessions(st)())
	mustContain(t, viewText(a), "Start a new session")
	for i := 0; i < len(a.home.items())-1; i++ {
		a = drive(t, a, keyMsg("down"))
		v := viewText(a)
		lines := strings.Split(v, "\n")
		if len(lines) > 20 {
			t.Fatalf("row %d: %d lines", a.home.sel, len(lines))
		}
		for _, l := range lines {
			if lipglossWidth(l) > 60 {
				t.Fatalf("a line %d wide: %q", lipglossWidth(l), l)
			}
		}
		if !strings.Contains(v, "› ") {
			t.Fatalf("row %d is out of view:\n%s", a.home.sel, v)
		}
	}
	mustContain(t, viewText(a), "Guides (enter starts a session with one)", "Tiny · us · 0 min · built in")
}

// TestHomeSaysWhenAGuideFileIsBroken: a broken guide of the user's does not
// stop vigil, and home says where to look.
func TestHomeSaysWhenAGuideFileIsBroken(t *testing.T) {
	st := openTestStore(t)
	g := tinyGuide()
	lib := guides.Library{Guides: []*guides.Guide{g}, Broken: []error{guides.Problems{{File: "mine.md", Line: 3, Msg: "bad"}}}}
	a := New(Config{Store: st, Library: lib, GlamourStyle: "notty", Now: fixedClock, ReduceMotion: true})
	a = drive(t, a, sizeMsg(100, 30), loadSessions(st)())
	mustContain(t, viewText(a), "1 guide file of yours has problems; `vigil guides` lists it.", "Start a new session")
}

// TestHomeSaysWhenTheBackupFailed: a daily backup that could not be
// written is said on the home screen, not swallowed.
func TestHomeSaysWhenTheBackupFailed(t *testing.T) {
	dir := t.TempDir()
	backups := filepath.Join(dir, "backups")
	if err := os.Mkdir(backups, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(backups, 0o755); err != nil { // whatever the umask: open to others
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, "vigil.db"), store.Options{Timeout: time.Second, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if st.BackupProblem() == "" {
		t.Fatal("the store saw no backup problem, so this test cannot tell")
	}
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{tinyGuide()}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true})
	a = drive(t, a, sizeMsg(100, 30), loadSessions(st)())
	if v := viewText(a); !strings.Contains(v, "backup") || !strings.Contains(v, "chmod 700") {
		t.Errorf("the home screen does not say the backup failed:\n%s", v)
	}
}
