package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// scrollKeys moves a viewport for the keys that scroll everywhere (↑/↓ a
// line, pgup/pgdn half a page) and reports whether msg was one of them.
func scrollKeys(vp *viewport.Model, k keyMap, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.HalfPageUp()
	case key.Matches(msg, k.PageDown):
		vp.HalfPageDown()
	default:
		return false
	}
	return true
}
