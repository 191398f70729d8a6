package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// breathCycle is one slow breath: in for four seconds, out for six. Six
// breaths a minute, the slowest pace the pause screen may ask for.
const (
	breathIn    = 4 * time.Second
	breathCycle = 10 * time.Second
	breathFrame = 200 * time.Millisecond
)

// breath says, for the time since the pause began, whether to breathe in or
// out and how full the breath is (0 to 1). Pure, so tests need no clock.
func breath(elapsed time.Duration) (in bool, fullness float64) {
	t := elapsed % breathCycle
	if t < breathIn {
		return true, float64(t) / float64(breathIn)
	}
	return false, 1 - float64(t-breathIn)/float64(breathCycle-breathIn)
}

// breathTickMsg moves the breathing animation of pause n on one frame.
type breathTickMsg struct{ pause int }

func breathTick(pause int) tea.Cmd {
	return tea.Tick(breathFrame, func(time.Time) tea.Msg { return breathTickMsg{pause: pause} })
}

// pauseDialog is the calm screen (space). It shows nothing of the guide or
// the notes: it is also what the room sees when someone walks in. Any key
// returns; H opens help and report resources over it.
type pauseDialog struct {
	ctx    *context
	at     time.Time // when the pause began
	n      int       // which pause, so a tick of an earlier one is dropped
	width  int
	height int
}

func newPauseDialog(ctx *context, n int) (pauseDialog, tea.Cmd) {
	d := pauseDialog{ctx: ctx, at: ctx.now(), n: n}
	if ctx.cfg.ReduceMotion {
		return d, nil
	}
	return d, breathTick(n)
}

// SetSize centres the screen in the window.
func (d pauseDialog) SetSize(w, h int) dialog {
	d.width, d.height = w, h
	return d
}

func (d pauseDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case breathTickMsg:
		if msg.pause == d.n {
			return d, breathTick(d.n)
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, d.ctx.keys.Resources) {
			return d, func() tea.Msg { return openResourcesMsg{} }
		}
		return nil, nil
	}
	return d, nil
}

func (d pauseDialog) view() string {
	st := d.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Paused") + "\n\n")
	b.WriteString("Take a moment. There is no hurry.\n\n")
	if d.ctx.cfg.ReduceMotion {
		b.WriteString(st.Muted.Render("Breathe in slowly for four counts, and out for six.") + "\n\n")
	} else {
		in, full := breath(d.ctx.now().Sub(d.at))
		word := "breathe out"
		if in {
			word = "breathe in"
		}
		width := min(40, d.width-8)
		n := int(full*float64(width) + 0.5)
		b.WriteString(st.Calm.Render(strings.Repeat("●", max(1, n))) + "\n")
		b.WriteString(st.Muted.Render(word) + "\n\n")
	}
	b.WriteString(st.Muted.Render("Any key returns to where you were · H help and resources"))
	return place(d.width, d.height, b.String())
}

// ShortHelp is the pause's keys.
func (d pauseDialog) ShortHelp() []key.Binding {
	return []key.Binding{d.ctx.keys.Resources}
}

// FullHelp is the same.
func (d pauseDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
