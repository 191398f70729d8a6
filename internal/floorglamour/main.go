// Command floorglamour is the stack floor: the floor program (../floor) that
// also links glamour v2 and renders one short Markdown string once at
// start-up. vigil's first screen is measured against it (see
// e2e/latency_test.go): linking glamour costs its package init (chroma's
// lexers and styles), which every vigil start pays too.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
)

const markdown = "# Stack floor\n\nA *short* paragraph, rendered **once** at start-up.\n"

type model struct {
	n        int
	rendered string
}

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
	v := tea.NewView(fmt.Sprintf("floor ready\npage %d\n%s", m.n, m.rendered))
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 0, "frames per second (0: bubbletea's default, 60)")
	flag.Parse()
	if err := run(*fps); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run renders the Markdown once, then runs the program.
func run(fps int) error {
	// A fixed standard style: never glamour's auto style, which asks the
	// terminal and waits when nothing answers.
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		return err
	}
	out, err := r.Render(markdown)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(model{rendered: out}, tea.WithFPS(fps)).Run()
	return err
}
