package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// dialog is a modal screen over the screen in front: the keys, the pause,
// help and report resources, the export form. The root keeps them on a
// stack; keys go to the top one only, the window size to all of them.
type dialog interface {
	// update handles a message. It returns nil when the dialog closes.
	update(msg tea.Msg) (dialog, tea.Cmd)
	// SetSize lays the dialog out for a window.
	SetSize(w, h int) dialog
	// view draws the whole window.
	view() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// top is the dialog in front, or nil.
func (a App) top() dialog {
	if len(a.dialogs) == 0 {
		return nil
	}
	return a.dialogs[len(a.dialogs)-1]
}

// push opens a dialog over everything, sized to the window.
func (a App) push(d dialog) App {
	a.dialogs = append(a.dialogs[:len(a.dialogs):len(a.dialogs)], d.SetSize(a.width, a.height))
	return a
}

// updateTop gives a message to the dialog in front. When it closes, it
// leaves the stack; a pause ending starts the meeting's clock again.
func (a App) updateTop(msg tea.Msg) (App, tea.Cmd) {
	n := len(a.dialogs) - 1
	d, cmd := a.dialogs[n].update(msg)
	a.dialogs = append([]dialog(nil), a.dialogs...)
	if d != nil {
		a.dialogs[n] = d
		return a, cmd
	}
	if _, paused := a.dialogs[n].(pauseDialog); paused && a.state == stateSession {
		a.session.meet.Unpause(a.ctx.now())
	}
	a.dialogs = a.dialogs[:n]
	return a, cmd
}

// updateDialogs gives an async result to every dialog: each takes only its
// own (a breath tick to the pause, an export's end to the export form).
func (a App) updateDialogs(msg tea.Msg) (App, tea.Cmd) {
	if len(a.dialogs) == 0 {
		return a, nil
	}
	out := make([]dialog, 0, len(a.dialogs))
	var cmds []tea.Cmd
	for _, d := range a.dialogs {
		d, cmd := d.update(msg)
		cmds = append(cmds, cmd)
		if d != nil {
			out = append(out, d)
		}
	}
	a.dialogs = out
	return a, tea.Batch(cmds...)
}
