// Command floor is the smallest bubbletea program that shows a screen and
// answers a key. vigil's latency is measured against it (see
// ../shared/tools/tui-latency.sh): the floor is what the framework costs.
package main

import (
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
)

type model struct{ n int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
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

func (m model) View() string { return fmt.Sprintf("floor ready\npage %d\n", m.n) }

func main() {
	if _, err := tea.NewProgram(model{}, tea.WithAltScreen()).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
