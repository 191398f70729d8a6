package plain

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"vigil/guides"
	"vigil/internal/guidetest"
	"vigil/internal/storetest"
	"vigil/session"
	"vigil/store"
)

// fixedClock is an injected clock that stands still.
func fixedClock() time.Time { return time.Date(2026, 11, 26, 19, 30, 0, 0, time.UTC) }

// tinyGuide has every part kind, a reflection step with two prompts and a
// section marked detailed.
func tinyGuide() *guides.Guide { return guidetest.Tiny() }

// runScript runs plain mode over lines of input and returns its output. No
// output of plain mode may hold an escape character.
func runScript(t *testing.T, cfg Config, lines ...string) string {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = fixedClock
	}
	var out bytes.Buffer
	if err := Run(cfg, strings.NewReader(strings.Join(lines, "")), &out); err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	if i := strings.IndexByte(out.String(), 0x1b); i >= 0 {
		t.Errorf("an escape character in the output at %d:\n%q", i, out.String())
	}
	return out.String()
}

// newSession starts a session of g for a group in st.
func newSession(t *testing.T, st *store.Store, g *guides.Guide, group string) *session.Opened {
	t.Helper()
	o, err := session.NewSession(st, g, session.Start{Group: group, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// plainSession starts a session of g in a fresh store.
func plainSession(t *testing.T, g *guides.Guide) (Config, *store.Store) {
	t.Helper()
	st := storetest.Open(t, fixedClock)
	o := newSession(t, st, g, "Thursday group")
	return Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, Start: o}, st
}

func loadRecord(t *testing.T, st *store.Store, id uint64) store.Record {
	t.Helper()
	rec, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func repeat(line string, n int) string { return strings.Repeat(line+"\n", n) }

func mustContain(t testing.TB, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("missing %q in:\n%s", w, s)
		}
	}
}

func mustNotContain(t testing.TB, s string, bads ...string) {
	t.Helper()
	for _, b := range bads {
		if strings.Contains(s, b) {
			t.Errorf("%q must not show in:\n%s", b, s)
		}
	}
}
