package tui

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/timer"
	tea "github.com/charmbracelet/bubbletea"

	"vigil/guides"
)

// clockTickMsg moves the pacing shown in the header on, once a second.
type clockTickMsg struct{ sessionID uint64 }

func clockTick(id uint64) tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return clockTickMsg{sessionID: id} })
}

// spentSaveEvery is how many clock ticks pass between saves of the time
// spent, when nothing else is saved: a closed terminal loses at most this.
const spentSaveEvery = 15

// silenceChoices are the lengths of the silence or prayer timer, in minutes.
var silenceChoices = []int{1, 2, 3, 5}

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

// kindOf is the part kind a page counts its time to; "" for pages outside
// the parts (the content note, the summary).
func (m sessionModel) kindOf(p page) guides.Kind {
	if p.Part < 0 {
		return ""
	}
	return m.guide.Parts[p.Part].Kind
}

// pacing is the header's time line: this part and the whole meeting, spent
// against planned. Going over is said in a word and a colour, never more.
func (m sessionModel) pacing() string {
	st := m.ctx.styles
	plan := planned(m.guide, m.rec.Session)
	total := 0
	for _, v := range plan {
		total += v
	}
	var parts []string
	if k := m.kindOf(m.page()); k != "" {
		text, over := pace(m.clk.spent[k], plan[k])
		if over {
			parts = append(parts, st.Warn.Render("part "+text))
		} else {
			parts = append(parts, st.Muted.Render("part "+text))
		}
	}
	text, over := pace(m.clk.total(), total)
	if over {
		parts = append(parts, st.Warn.Render("meeting "+text))
	} else {
		parts = append(parts, st.Muted.Render("meeting "+text))
	}
	return strings.Join(parts, st.Muted.Render(" · "))
}

// openMinutes asks how long the meeting is, on the content note.
func (m sessionModel) openMinutes() (sessionModel, tea.Cmd) {
	m.minutes = lineInput(m.ctx, "Minutes for the meeting: ", "for example 60", 3, 6)
	cmd := m.minutes.Focus()
	m.refresh(false)
	return m, cmd
}

// updateMinutes handles keys while the meeting's length is asked. enter
// shares the minutes between the parts; esc leaves the plan as it was.
func (m sessionModel) updateMinutes(msg tea.KeyMsg) (sessionModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.ctx.keys.StopEdit):
		m.minutes = nil
		m.refresh(false)
		return m, nil
	case msg.Type == tea.KeyEnter:
		n, err := strconv.Atoi(strings.TrimSpace(m.minutes.Value()))
		if err != nil || n < 1 || n > 600 {
			m.minutesErr = "(a number from 1 to 600)"
			m.refresh(false)
			return m, nil
		}
		m.rec.Session.Budget = scaleBudget(m.guide, n)
		m.minutes, m.minutesErr = nil, ""
		m.dirty.session = true
		m.refresh(false)
		return m.scheduleSave()
	}
	var cmd tea.Cmd
	*m.minutes, cmd = m.minutes.Update(msg)
	m.refresh(false)
	return m, cmd
}

// planText is the plan on the content note: minutes per part and in all.
func (m sessionModel) planText() string {
	plan := planned(m.guide, m.rec.Session)
	var parts []string
	total := 0
	seen := map[guides.Kind]bool{}
	for _, p := range m.guide.Parts {
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

// startSilence starts the silence or prayer timer.
func (m sessionModel) startSilence(minutes int) (sessionModel, tea.Cmd) {
	m.choosingTimer = false
	m.silence = timer.NewWithInterval(time.Duration(minutes)*time.Minute, time.Second)
	m.silenceOn, m.silenceEnded = true, false
	return m, m.silence.Init()
}

// updateSilence moves the timer on; at its end the bell rings and the
// footer says so.
func (m sessionModel) updateSilence(msg tea.Msg) (sessionModel, tea.Cmd) {
	var cmd tea.Cmd
	m.silence, cmd = m.silence.Update(msg)
	if _, done := msg.(timer.TimeoutMsg); done && m.silenceOn {
		m.silenceOn, m.silenceEnded = false, true
		return m, tea.Batch(cmd, bell(m.ctx.cfg.Bell))
	}
	return m, cmd
}

// silenceStatus is the timer in the footer, or its end.
func (m sessionModel) silenceStatus() string {
	st := m.ctx.styles
	switch {
	case m.choosingTimer:
		return st.Selected.Render("Silence for how long? 1, 2, 3 or 5 minutes (esc: none)")
	case m.silenceOn:
		left := m.silence.Timeout.Round(time.Second)
		return st.Calm.Render(fmt.Sprintf("◷ silence · %d:%02d left", int(left.Minutes()), int(left.Seconds())%60))
	case m.silenceEnded:
		return st.Calm.Render("◉ The silence has ended.")
	}
	return ""
}

// openWho asks who is here: names or initials, optional, never needed to
// go on.
func (m sessionModel) openWho() (sessionModel, tea.Cmd) {
	m.who = lineInput(m.ctx, "Who is here: ", "names or initials, if you like", 300, m.lay.noteWidth-16)
	m.who.SetValue(m.rec.Session.Attendance)
	m.who.CursorEnd()
	cmd := m.who.Focus()
	m.refresh(false)
	return m, cmd
}

// updateWho keeps what is typed on enter or esc alike.
func (m sessionModel) updateWho(msg tea.KeyMsg) (sessionModel, tea.Cmd) {
	if msg.Type == tea.KeyEnter || key.Matches(msg, m.ctx.keys.StopEdit) {
		m.rec.Session.Attendance = strings.TrimSpace(m.who.Value())
		m.who = nil
		m.dirty.session = true
		m.refresh(false)
		return m.scheduleSave()
	}
	var cmd tea.Cmd
	*m.who, cmd = m.who.Update(msg)
	m.refresh(false)
	return m, cmd
}
