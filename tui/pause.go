package tui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
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

// breathTickMsg moves the breathing animation on one frame.
type breathTickMsg struct{ pause int }

func breathTick(pause int) tea.Cmd {
	return tea.Tick(breathFrame, func(time.Time) tea.Msg { return breathTickMsg{pause: pause} })
}

// pauseView is the calm screen. It shows nothing of the guide or the notes:
// it is also what the room sees when someone walks in.
func (a App) pauseView() string {
	st := a.ctx.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Paused") + "\n\n")
	b.WriteString("Take a moment. There is no hurry.\n\n")
	if a.ctx.cfg.ReduceMotion {
		b.WriteString(st.Muted.Render("Breathe in slowly for four counts, and out for six.") + "\n\n")
	} else {
		in, full := breath(a.ctx.now().Sub(a.pausedAt))
		word := "breathe out"
		if in {
			word = "breathe in"
		}
		width := min(40, a.width-8)
		n := int(full*float64(width) + 0.5)
		b.WriteString(st.Calm.Render(strings.Repeat("●", max(1, n))) + "\n")
		b.WriteString(st.Muted.Render(word) + "\n\n")
	}
	b.WriteString(st.Muted.Render("Any key returns to where you were · H help and resources"))
	return lipglossPlace(a.width, a.height, b.String())
}
