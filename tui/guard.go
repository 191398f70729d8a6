package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// panicMsg reports a panic in a command. The app stops cleanly on it, and
// vigil saves what it has: bubbletea would otherwise print a stack trace.
type panicMsg struct{ value any }

// guard runs a command and turns a panic in it into a panicMsg. Every
// command vigil makes itself goes through it (bubbletea runs commands on
// their own goroutines, where a panic would print a stack trace).
func guard(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{value: r}
			}
		}()
		return c()
	}
}

// crash is what vigil knows of an internal error: kept behind a pointer in
// the context, so View (which cannot change the model) can report one too.
type crash struct{ value any }

// Crashed says whether the app stopped on an internal error, and what it
// was, in a few words for the user's one sentence.
func (a App) Crashed() (string, bool) {
	if a.ctx.crash.value == nil {
		return "", false
	}
	return fmt.Sprint(a.ctx.crash.value), true
}

// Update handles a message. A panic anywhere below it stops the app with
// the state it had before the message, so the final save keeps everything
// up to the key before.
func (a App) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			a.ctx.crash.value = r
			m, cmd = a, tea.Quit
		}
	}()
	if p, ok := msg.(panicMsg); ok {
		a.ctx.crash.value = p.value
		return a, tea.Quit
	}
	if a.ctx.crash.value != nil {
		return a, tea.Quit
	}
	m, cmd = a.update(msg)
	if app, ok := m.(App); ok && app.ctx.room.open() {
		// The room follows from here, whatever the message changed.
		var follow tea.Cmd
		m, follow = app.afterUpdate(msg)
		cmd = tea.Batch(cmd, follow)
	}
	return m, cmd
}

// View draws the screen in the alternate screen; a panic while drawing is
// reported instead of a broken terminal, and the next message ends the app.
func (a App) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			a.ctx.crash.value = r
			v = tea.NewView("vigil met an internal error. Everything typed is saved. Press any key to quit.")
			v.AltScreen = true
		}
	}()
	v = tea.NewView(a.view())
	v.AltScreen = true
	v.Cursor = a.cursor()
	return v
}
