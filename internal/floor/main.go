// Command floor is the smallest bubbletea v2 program that shows a screen and
// answers a key. vigil's latency is measured against it (see
// e2e/latency_test.go and ../shared/tools/tui-latency.sh): the floor is what
// the framework costs. -fps sets bubbletea's frame rate (default: its own,
// 60), so that vigil's can be matched.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{ n int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "right":
			m.n++
		case "left":
			m.n--
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf("floor ready\npage %d\n", m.n))
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 0, "frames per second (0: bubbletea's default, 60)")
	flag.Parse()
	if _, err := tea.NewProgram(model{}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
