package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// tooSmallView says that the window is too small, wrapped to its width
// so that nothing of the sentence is cut off (at 40×10, say).
func tooSmallView(w, h int) string {
	s := fmt.Sprintf("The terminal is too small for vigil: it is %d×%d and needs at least %d×%d. Make the window larger; everything is saved. Press q to quit.",
		w, h, minWidth, minHeight)
	return lipgloss.NewStyle().Width(max(1, w)).MaxHeight(max(1, h)).Render(s)
}

// tooSmallInput is what input does while the window is too small: q and
// ctrl+c quit, and nothing else acts behind the message (done reports
// that the message was taken here).
func (a App) tooSmallInput(msg tea.Msg) (_ App, _ tea.Cmd, done bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := a.ctx.keys
		// q quits even while a field was being typed in: the screen says
		// "Press q to quit", and everything typed is saved on the way out.
		if key.Matches(msg, k.Interrupt) || key.Matches(msg, k.Quit) {
			return a, tea.Quit, true
		}
		return a, nil, true
	case tea.PasteMsg:
		return a, nil, true
	}
	return a, nil, false
}
