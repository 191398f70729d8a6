package tui

import "charm.land/bubbles/v2/key"

// roomKeyMap is the keys of the room: R in the session opens it (or its
// panel), the rest answer in the panel, with ↑/↓ (keyMap.Up, Down) to
// choose someone in the room and tab (keyMap.View) to turn the view.
type roomKeyMap struct {
	Open    key.Binding // R: open the room, or its panel
	Back    key.Binding // esc: back to the session, the room stays open
	Accept  key.Binding // a: the request onto the shared list, the response into the note
	Private key.Binding // p: the request kept as a private request
	Dismiss key.Binding // d: drop what waits
	Remove  key.Binding // x: remove who is chosen (asks)
	Close   key.Binding // C: close the room (asks)
	Yes, No key.Binding
}

func newRoomKeyMap() roomKeyMap {
	return roomKeyMap{
		Open:    key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "open the room")),
		Back:    key.NewBinding(key.WithKeys("esc", "R"), key.WithHelp("esc", "back (the room stays open)")),
		Accept:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accept")),
		Private: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "keep private")),
		Dismiss: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dismiss")),
		Remove:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove from the room")),
		Close:   key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "close the room")),
		Yes:     key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
	}
}
