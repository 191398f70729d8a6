package tui

import "charm.land/bubbles/v2/key"

// itemKeyMap is the keys of the request and commitment lists, and of the
// form that adds or edits one: part of the one keyMap (keyMap.Items).
type itemKeyMap struct {
	// EditItem, DeleteItem and SharePrivate act on the selected item.
	EditItem     key.Binding
	DeleteItem   key.Binding
	SharePrivate key.Binding
	// ForRoom and Private answer the form's first question: who is this
	// request for? Typing anything else answers "private".
	ForRoom key.Binding
	Private key.Binding
	// Yes and No answer a question that would throw text away.
	Yes key.Binding
	No  key.Binding
	// Save saves the form; Discard closes it (asking first when typed
	// text would be lost); Field moves between its fields.
	Save    key.Binding
	Discard key.Binding
	Field   key.Binding
}

func newItemKeyMap() itemKeyMap {
	return itemKeyMap{
		EditItem:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		DeleteItem:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "delete")),
		SharePrivate: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "private/for the room")),
		ForRoom:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "for the room")),
		Private:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "private")),
		Yes:          key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:           key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		Save:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field / save")),
		Discard:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Field:        key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "field")),
	}
}
