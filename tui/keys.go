package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
)

// keyMap is every key vigil answers to. The session keys are a contract (see
// DESIGN.md): they mean the same thing on every screen that shows them.
// Screens choose which of them they answer to, and say so in their
// ShortHelp and FullHelp.
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
	Home    key.Binding // leave the prayer list

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
	Ongoing   key.Binding
	Done      key.Binding
	LetGo     key.Binding
	Export    key.Binding
	// Reveal shows the text of a prayer request the gentler path shows
	// by its headline only; Pass records that nobody answers a prompt.
	Reveal key.Binding
	Pass   key.Binding

	// Keys of the small forms and questions.
	Confirm key.Binding // enter: save, find, go there, begin
	// ArrowUp and ArrowDown are the arrows alone, for where j and k are
	// letters being typed: between the add form's fields, between guides.
	ArrowUp   key.Binding
	ArrowDown key.Binding
	// Arrows is the two together, for a footer that names what they
	// choose between (withHelp): the export's view, the start form's guide.
	Arrows     key.Binding
	Cancel     key.Binding // esc where it throws nothing typed away
	FormatPrev key.Binding
	FormatNext key.Binding
	Redact     key.Binding
	// SilenceFor are the lengths of the silence timer, one key each.
	SilenceFor []key.Binding
	// Items are the keys of the request and commitment lists and their
	// form (keys_items.go).
	Items itemKeyMap
	// Room is the keys of the room and its panel (room_keys.go).
	Room roomKeyMap
}

// silenceChoices are the lengths of the silence or prayer timer, in minutes.
var silenceChoices = []int{1, 2, 3, 5}

func newKeyMap() keyMap {
	k := keyMap{
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
		Home:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back home")),

		Pause:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause: a calm, private screen")),
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
		Ongoing:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "revisit: kept going")),
		Done:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "revisit: done")),
		LetGo:     key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "revisit: let go")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export this session")),
		Reveal:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read the details")),
		Pass:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "pass (or take back)")),

		Confirm:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		ArrowUp:    key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		ArrowDown:  key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
		Arrows:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		FormatPrev: key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "format")),
		FormatNext: key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "format")),
		Redact:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "redact on/off")),
	}
	k.Items = newItemKeyMap()
	k.Room = newRoomKeyMap()
	for _, n := range silenceChoices {
		s := strconv.Itoa(n)
		k.SilenceFor = append(k.SilenceFor, key.NewBinding(key.WithKeys(s), key.WithHelp(s, s+" min")))
	}
	return k
}

// withHelp is a binding with other words in the help: the same keys, said
// for what they do where they are shown.
func withHelp(b key.Binding, keys, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(keys, desc))
}
