package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/session"
)

// TestExportFromSummary: e on the summary asks the format and redaction,
// writes the file (private, never over another) and says where.
func TestExportFromSummary(t *testing.T) {
	dir := t.TempDir()
	a, _ := newTestApp(t, tinyGuide(), 100, 30)
	a.ctx.cfg.ExportDir = dir
	a = goTo(t, a, session.KeyRequests)
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("SECRET-ONE")...)
	a = drive(t, a, keyMsg("ctrl+p"), keyMsg("esc"))
	a = drive(t, a, keyMsg("a"))
	a = drive(t, a, typeText("open one")...)
	a = drive(t, a, keyMsg("esc"))
	a = goTo(t, a, session.KeySummary)

	for i, redact := range []bool{false, true} {
		a = drive(t, a, keyMsg("e"))
		mustContain(t, viewText(a), "Export session #1", "[md]")
		a = drive(t, a, keyMsg("right")) // json
		if redact {
			a = drive(t, a, keyMsg("r"))
		}
		a = drive(t, a, keyMsg("enter"))
		v := viewText(a)
		mustContain(t, v, "Written to")
		a = drive(t, a, keyMsg("x")) // any key closes
		if a.top() != nil {
			t.Fatal("the export form stayed open")
		}
		name := "vigil-2026-11-26-thursday-group.json"
		if i == 1 { // a redacted name tells neither group nor day
			name = "vigil-2026-11-redacted.json"
		}
		path := filepath.Join(dir, name)
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatalf("%s: %v (screen: %s)", name, err, v)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", name, fi.Mode().Perm())
		}
		data, _ := os.ReadFile(path)
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s is not JSON: %v", name, err)
		}
		if has := strings.Contains(string(data), "SECRET-ONE"); has == redact {
			t.Errorf("redact=%v: private request in the file: %v", redact, has)
		}
		if !strings.Contains(string(data), "open one") {
			t.Errorf("redact=%v: the open request is missing", redact)
		}
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
