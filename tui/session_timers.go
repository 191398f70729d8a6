package tui

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"

	"vigil/guides"
	"vigil/session"
)

// Time on the session screen: the clock's tick, the meeting's length, the
// silence timer, and who is here (asked on the content note beside the
// length).

// clockTickMsg moves the pacing shown in the header on, once a second.
type clockTickMsg struct{ sessionID uint64 }

func clockTick(id uint64) tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return clockTickMsg{sessionID: id} })
}

// spentSaveEvery is how many clock ticks pass between saves of the time
// spent, when nothing else is saved: a closed terminal loses at most this.
const spentSaveEvery = 15

func (m sessionModel) clockTicked() (sessionModel, tea.Cmd) {
	m.ticks++
	next := clockTick(m.meet.ID())
	if m.ticks%spentSaveEvery == 0 {
		m, save := m.queue(m.meet.HeaderChange(m.ctx.now()))
		return m, tea.Batch(next, save)
	}
	return m, next
}

// bell rings the terminal bell through the writer vigil was given (the
// terminal), off the UI goroutine.
func bell(w io.Writer) tea.Cmd {
	if w == nil {
		return nil
	}
	return guard(func() tea.Msg {
		_, _ = io.WriteString(w, "\a")
		return nil
	})
}

// openMinutes asks how long the meeting is, on the content note.
func (m sessionModel) openMinutes() (sessionModel, tea.Cmd) {
	m.mode = modeMinutes
	m.input = lineInput(m.ctx, "Minutes for the meeting: ", "for example 60", 3, m.inputWidth())
	m.inputErr = ""
	cmd := m.input.Focus()
	m.refresh(false)
	return m, cmd
}

// updateMinutes handles keys while the meeting's length is asked. enter
// shares the minutes between the parts; esc leaves the plan as it was.
func (m sessionModel) updateMinutes(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.ctx.keys.Cancel):
		m.mode = modeBrowse
		m.refresh(false)
		return m, nil
	case key.Matches(msg, m.ctx.keys.Confirm):
		n, err := strconv.Atoi(strings.TrimSpace(m.input.Value()))
		if err != nil || n < 1 || n > 600 {
			m.inputErr = "(a number from 1 to 600)"
			m.refresh(false)
			return m, nil
		}
		cs := m.meet.SetMeetingLength(n)
		m.mode, m.inputErr = modeBrowse, ""
		m.refresh(false)
		return m.queue(cs)
	}
	return m.typeInField(msg)
}

// planText is the plan on the content note: minutes per part and in all.
func (m sessionModel) planText() string {
	plan := session.Planned(m.meet.Guide, m.meet.Rec.Session)
	var parts []string
	total := 0
	seen := map[guides.Kind]bool{}
	for _, p := range m.meet.Guide.Parts {
		if seen[p.Kind] {
			continue
		}
		seen[p.Kind] = true
		parts = append(parts, fmt.Sprintf("%s %d", kindLabel(p.Kind), plan[p.Kind]))
		total += plan[p.Kind]
	}
	return fmt.Sprintf("time: %s = %d min", strings.Join(parts, " · "), total)
}

// kindLabel names a part kind in a few letters, where titles are too long.
func kindLabel(k guides.Kind) string {
	switch k {
	case guides.KindFAQ:
		return "FAQ"
	case guides.KindNext:
		return "next steps"
	}
	return string(k)
}

// silence is the silence or prayer timer.
type silence struct {
	timer timer.Model
	on    bool
	ended bool
}

// toggleSilence stops the running timer, or asks how long the next is.
func (m sessionModel) toggleSilence() (sessionModel, tea.Cmd) {
	if m.silence.on {
		m.silence.on = false
		return m, m.silence.timer.Stop()
	}
	m.mode = modeTimer
	m.silence.ended = false
	return m, nil
}

// chooseSilence starts the timer for the length chosen; any other key
// chooses none.
func (m sessionModel) chooseSilence(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	m.mode = modeBrowse
	for i, b := range m.ctx.keys.SilenceFor {
		if key.Matches(msg, b) {
			m.silence = silence{timer: timer.New(time.Duration(silenceChoices[i])*time.Minute, timer.WithInterval(time.Second)), on: true}
			return m, m.silence.timer.Init()
		}
	}
	return m, nil
}

// updateSilence moves the timer on; at its end the bell rings and the
// footer says so.
func (m sessionModel) updateSilence(msg tea.Msg) (sessionModel, tea.Cmd) {
	var cmd tea.Cmd
	m.silence.timer, cmd = m.silence.timer.Update(msg)
	if _, done := msg.(timer.TimeoutMsg); done && m.silence.on {
		m.silence.on, m.silence.ended = false, true
		return m, tea.Batch(cmd, bell(m.ctx.cfg.Bell))
	}
	return m, cmd
}

// silenceStatus is the timer in the footer, or its end.
func (m sessionModel) silenceStatus() string {
	st := m.ctx.styles
	switch {
	case m.mode == modeTimer:
		return st.Selected.Render("Silence for how long? 1, 2, 3 or 5 minutes (esc: none)")
	case m.silence.on:
		left := m.silence.timer.Timeout.Round(time.Second)
		return st.Calm.Render(fmt.Sprintf("◷ silence · %d:%02d left", int(left.Minutes()), int(left.Seconds())%60))
	case m.silence.ended:
		return st.Calm.Render("◉ The silence has ended.")
	}
	return ""
}

// openWho asks who is here: names or initials, optional, never needed to
// go on.
func (m sessionModel) openWho() (sessionModel, tea.Cmd) {
	m.mode = modeWho
	m.input = lineInput(m.ctx, "Who is here: ", "names or initials, if you like", 300, m.inputWidth())
	m.input.SetValue(m.meet.Rec.Session.Attendance)
	m.input.CursorEnd()
	cmd := m.input.Focus()
	m.refresh(false)
	return m, cmd
}

// updateWho keeps what is typed on enter or esc alike.
func (m sessionModel) updateWho(msg tea.KeyPressMsg) (sessionModel, tea.Cmd) {
	if key.Matches(msg, m.ctx.keys.Confirm) || key.Matches(msg, m.ctx.keys.StopEdit) {
		cs := m.meet.SetAttendance(strings.TrimSpace(m.input.Value()))
		m.mode = modeBrowse
		m.refresh(false)
		return m.queue(cs)
	}
	return m.typeInWho(msg)
}

// typeInWho gives a key or a paste to the who-is-here field. It is saved
// as it is typed, like a note (issue 12.2), and the page shows it at once.
func (m sessionModel) typeInWho(msg tea.Msg) (sessionModel, tea.Cmd) {
	var cmd tea.Cmd
	m.input, cmd = updateInput(m.input, msg)
	cs := m.meet.SetAttendance(strings.TrimSpace(m.input.Value()))
	m.refresh(false) // after SetAttendance: the page's line of who is here shows this key too
	m, save := m.queue(cs)
	return m, tea.Batch(cmd, save)
}
