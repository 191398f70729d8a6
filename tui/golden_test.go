package tui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"vigil/guides"
	"vigil/session"
)

// TestGoldenScreens runs the real program (teatest) at a fixed size with the
// seed guide, walks to a screen and compares its View with a golden file
// under testdata/. Regenerate with -update, and read the files before
// committing them.
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []tea.Msg
		wait string
	}{
		{"content-note", nil, "How shall we go on?"},
		{"first-question", keys("right"), "What is cybersex trafficking?"},
		{"reflection-prompt", keys("g"), "Prompt 1 of"},
		{"help", keys("?"), "any other key closes"},
		{"pause", keys(" "), "Any key returns"},
		{"resources", keys("H"), "Help and report"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := openTestStore(t)
				g := guides.Default()
				o, err := session.NewSession(st, g, session.Start{Group: "Thursday group", Now: fixedClock()})
				if err != nil {
					t.Fatal(err)
				}
				app := New(Config{Store: st, Library: guides.Library{Guides: []*guides.Guide{g}}, GlamourStyle: "notty",
					Now: fixedClock, ReduceMotion: true, SaveDelay: time.Millisecond, Start: o})
				tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(size[0], size[1]))
				for _, k := range sc.keys {
					tm.Send(k)
				}
				// The screen, and every save it started has finished.
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
					return bytes.Contains(b, []byte(sc.wait)) &&
						bytes.LastIndex(b, []byte("✓ saved")) >= bytes.LastIndex(b, []byte("saving…"))
				}, teatest.WithDuration(5*time.Second))
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
				golden.RequireEqual(t, []byte(final.View()))
			})
		}
	}
}
