package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"vigil/guides"
	"vigil/session"
)

// TestExportFromSummary: e on the summary asks the format and the view,
// writes the file (private, never over another) and says where. From the
// shared view the export is redacted by default, the leader's record is
// not offered, and the redacted copy is shown before it is written; from
// the leader's view the leader's record is offered, and the handout (HTML)
// turns redaction on.
func TestExportFromSummary(t *testing.T) {
	dir := t.TempDir()
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a.ctx.cfg.ExportDir = dir
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keys("tab", "enter")...)
	a = drive(t, a, typeText("LEADER-NOTE-ONE: check in with Carla privately")...)
	a = drive(t, a, keys("esc", "tab")...)
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("SECRET-ONE")...) // typing at once: private
	a = drive(t, a, keys("enter", "enter")...)
	a = drive(t, a, keyMsg("a"), keyMsg("r"))
	a = drive(t, a, typeText("open one")...)
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, typeText("Carla")...)
	a = drive(t, a, keyMsg("enter"))
	a = goTo(t, a, session.KeySummary)

	read := func(name string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%s: %v (screen: %s)", name, err, viewText(a))
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", name, fi.Mode().Perm())
		}
		data, _ := os.ReadFile(path)
		return string(data)
	}

	// From the shared view: redacted, and the leader's record not offered.
	a = drive(t, a, keyMsg("e"))
	v := viewText(a)
	mustContain(t, v, "Export session #1", "[md]", "(•) redacted", "( ) shared")
	mustNotContain(t, v, "leader's record")
	a = drive(t, a, keyMsg("right")) // json
	a = drive(t, a, keyMsg("enter"))
	v = viewText(a)
	mustContain(t, v, "Read it before you send it", "enter writes it as json")
	preview := ansi.Strip(a.top().(exportDialog).preview) // all of it, scrolled or not
	mustContain(t, preview, "open one", session.Participant)
	mustNotContain(t, preview, "SECRET-ONE", "LEADER-NOTE-ONE", "Carla")
	if d, ok := a.top().(exportDialog); !ok || !strings.Contains(d.preview, a.ctx.styles.Redacted.Render(session.Participant)) {
		t.Error("the preview does not highlight what replaced a name")
	}
	a = drive(t, a, keyMsg("esc")) // back to the choices
	mustContain(t, viewText(a), "(•) redacted")
	a = drive(t, a, keyMsg("enter"))
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, viewText(a), "Written to")
	a = drive(t, a, keyMsg("x")) // any key closes
	if a.top() != nil {
		t.Fatal("the export form stayed open")
	}
	data := read("vigil-2026-11-redacted.json")
	var doc map[string]any
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, bad := range []string{"SECRET-ONE", "LEADER-NOTE-ONE", "Carla"} {
		if strings.Contains(data, bad) {
			t.Errorf("the redacted export holds %q", bad)
		}
	}
	if !strings.Contains(data, "open one") {
		t.Error("the redacted export lacks the open request")
	}

	// Turning redaction off asks once.
	a = drive(t, a, keyMsg("e"), keyMsg("r"))
	mustContain(t, viewText(a), "This copy will hold names", "redaction off? y/n")
	a = drive(t, a, keyMsg("n"))
	mustContain(t, viewText(a), "(•) redacted")
	a = drive(t, a, keyMsg("down"), keyMsg("y"))
	mustContain(t, viewText(a), "(•) shared")
	a = drive(t, a, keyMsg("r"), keyMsg("r")) // on and off again: not asked twice
	mustContain(t, viewText(a), "(•) shared")
	a = drive(t, a, keyMsg("esc"))

	// From the leader's view: the leader's record, everything in it; the
	// handout turns redaction on.
	a = drive(t, a, keyMsg("tab"), keyMsg("e"))
	mustContain(t, viewText(a), "(•) leader's record")
	a = drive(t, a, keys("left")...) // md → html: the handout
	mustContain(t, viewText(a), "[html (handout)]", "(•) redacted")
	a = drive(t, a, keyMsg("right"), keyMsg("right")) // md → json, still redacted
	a = drive(t, a, keyMsg("up"), keyMsg("y"))        // redacted → leader's record (asked once)
	mustContain(t, viewText(a), "(•) leader's record")
	a = drive(t, a, keyMsg("enter"))
	mustContain(t, viewText(a), "Written to")
	a = drive(t, a, keyMsg("x"))
	data = read("vigil-2026-11-26-thursday-group.json")
	for _, want := range []string{"SECRET-ONE", "LEADER-NOTE-ONE", "Carla"} {
		if !strings.Contains(data, want) {
			t.Errorf("the leader's record lacks %q", want)
		}
	}
}

// TestExportAloneOffersTheWholeRecord: alone, the one view is the
// person's own, with their private requests in it (session.Meeting.Views):
// the export offers their whole record, as the leader's view does, and
// starts from it.
func TestExportAloneOffersTheWholeRecord(t *testing.T) {
	a, _ := newAloneApp(t, tinyGuide(), 100, 30)
	a = goTo(t, a, session.KeySummary)
	a = drive(t, a, keyMsg("e"))
	d, ok := a.top().(exportDialog)
	if !ok {
		t.Fatalf("e on the summary opened %T", a.top())
	}
	if d.chosen != session.Leader {
		t.Errorf("alone, the export starts from the %s, not the whole record", d.chosen)
	}
	mustContain(t, viewText(a), "(•) leader's record", "( ) redacted")
}

// TestHandoutIsRedactedByDefault: choosing html selects Redacted, and the
// handout written that way holds no leader's note.
func TestHandoutIsRedactedByDefault(t *testing.T) {
	dir := t.TempDir()
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a.ctx.cfg.ExportDir = dir
	a = goTo(t, a, "faq/one")
	a = drive(t, a, keys("tab", "enter")...)
	a = drive(t, a, typeText("Check in with Carla privately after; she went quiet.")...)
	a = drive(t, a, keyMsg("esc"))
	a = goTo(t, a, session.KeySummary)
	a = drive(t, a, keyMsg("e"), keyMsg("left")) // the leader's view; html
	mustContain(t, viewText(a), "[html (handout)]", "(•) redacted")
	a = drive(t, a, keyMsg("enter")) // the preview
	a = drive(t, a, keyMsg("enter")) // write it
	mustContain(t, viewText(a), "Written to")
	data, err := os.ReadFile(filepath.Join(dir, "vigil-2026-11-redacted.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Check in with") || strings.Contains(string(data), "Carla") {
		t.Error("the handout holds the leader's private note")
	}
}

// TestExportFromHome: e on a session in the home list exports it.
func TestExportFromHome(t *testing.T) {
	st := openTestStore(t)
	g := tinyGuide()
	if _, err := session.NewSession(st, g, session.Start{Group: "", Now: fixedClock()}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
		Now: fixedClock, SaveDelay: time.Millisecond, ReduceMotion: true, ExportDir: dir})
	a = drive(t, a, sizeMsg(100, 30), loadSessions(st)())
	a = drive(t, a, keyMsg("e")) // on "Start a new session": nothing to export
	if a.top() != nil {
		t.Fatal("e opened an export with no session chosen")
	}
	a = drive(t, a, keyMsg("down"), keyMsg("e"), keyMsg("enter"))
	mustContain(t, viewText(a), "Written to "+filepath.Join(dir, "vigil-2026-11-26-tiny.md"))
}
