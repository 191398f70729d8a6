package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key vigil answers to. The session keys are a contract (see
// DESIGN.md): they mean the same thing on every screen that shows them.
type keyMap struct {
	Next     key.Binding
	Back     key.Binding
	Edit     key.Binding
	StopEdit key.Binding
	View     key.Binding
	Quit     key.Binding
	Help     key.Binding
	// Interrupt quits even while typing, where q is just a letter.
	Interrupt key.Binding

	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding

	Prayed  key.Binding
	Add     key.Binding
	Private key.Binding
	Full    key.Binding
	Gentle  key.Binding
	Open    key.Binding

	Pause     key.Binding
	Resources key.Binding
	Close     key.Binding

	Minutes   key.Binding
	Silence   key.Binding
	Outline   key.Binding
	Search    key.Binding
	NextMatch key.Binding
	Who       key.Binding
	Answered  key.Binding
	Archive   key.Binding
	Praying   key.Binding
	Export    key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Next:      key.NewBinding(key.WithKeys("right", "n"), key.WithHelp("→/n", "next")),
		Back:      key.NewBinding(key.WithKeys("left", "b"), key.WithHelp("←/b", "back")),
		Edit:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write a note")),
		StopEdit:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop editing")),
		View:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "shared/leader view")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit (saved)")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit while typing")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),

		Prayed:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "mark prayed")),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Private: key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "private on/off")),
		Full:    key.NewBinding(key.WithKeys("right", "n", "enter"), key.WithHelp("→/enter", "full guide")),
		Gentle:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "gentler path")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),

		Pause:     key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "pause: a calm, private screen")),
		Resources: key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "help and report resources")),
		Close:     key.NewBinding(key.WithKeys("esc", "H", "q"), key.WithHelp("esc", "close")),

		Minutes:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "meeting length")),
		Silence:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "silence timer")),
		Outline:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "outline: jump")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search the guide")),
		NextMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "next match")),
		Who:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "who is here")),
		Answered:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "revisit: answered")),
		Archive:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "revisit: archive")),
		Praying:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "revisit: still praying")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export this session")),
	}
}
