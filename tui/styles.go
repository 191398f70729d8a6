package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme is vigil's palette for one terminal background. The light and
// dark themes hold the same roles; with no colour profile (NO_COLOR) the
// colours are dropped and the structure is carried by text and symbols
// alone.
type Theme struct {
	Text    color.Color
	Muted   color.Color
	Accent  color.Color
	Calm    color.Color
	Warn    color.Color
	Private color.Color
	Border  color.Color
	// Leader frames the leader's view: a colour of its own, in both
	// themes, so that the leader's screen is never taken for the room's.
	Leader color.Color
}

// DarkTheme is for a dark background: quiet on purpose, one accent, soft
// greys, nothing loud.
func DarkTheme() Theme {
	return Theme{
		Text:    lipgloss.Color("#e6e6e6"),
		Muted:   lipgloss.Color("#9aa0a6"),
		Accent:  lipgloss.Color("#8fb8de"),
		Calm:    lipgloss.Color("#9fd3b5"),
		Warn:    lipgloss.Color("#e5b567"),
		Private: lipgloss.Color("#d3a6d3"),
		Border:  lipgloss.Color("#4b5058"),
		Leader:  lipgloss.Color("#e07a5f"),
	}
}

// LightTheme is DarkTheme's counterpart for a light background.
func LightTheme() Theme {
	return Theme{
		Text:    lipgloss.Color("#1f2328"),
		Muted:   lipgloss.Color("#5c6370"),
		Accent:  lipgloss.Color("#2f5d8a"),
		Calm:    lipgloss.Color("#3d7a5c"),
		Warn:    lipgloss.Color("#9a5b00"),
		Private: lipgloss.Color("#7a3d7a"),
		Border:  lipgloss.Color("#aab0b8"),
		Leader:  lipgloss.Color("#b3402a"),
	}
}

// themeFor is the theme for a background: dark unless it is light.
func themeFor(dark bool) Theme {
	if dark {
		return DarkTheme()
	}
	return LightTheme()
}

// Styles are every lipgloss style vigil draws with, made once from a Theme
// (again only when the terminal tells its background).
type Styles struct {
	// PrivateBorder is the note box's border colour in the leader's view:
	// the leader's frame colour.
	PrivateBorder color.Color
	// LeaderFrame is the frame colour of the leader's view, distinct from
	// every other colour of the theme; LeaderBadge says "not for the room"
	// in it (the words carry it alone with NO_COLOR).
	LeaderFrame color.Color
	LeaderBadge lipgloss.Style
	// Redacted marks, in the redacted preview, what replaced something.
	Redacted lipgloss.Style

	App        lipgloss.Style
	Title      lipgloss.Style
	Header     lipgloss.Style
	Muted      lipgloss.Style
	Badge      lipgloss.Style
	BarFull    lipgloss.Style
	BarEmpty   lipgloss.Style
	NoteTitle  lipgloss.Style
	NoteBox    lipgloss.Style
	NoteActive lipgloss.Style
	Selected   lipgloss.Style
	Item       lipgloss.Style
	Done       lipgloss.Style
	Calm       lipgloss.Style
	Private    lipgloss.Style
	Warn       lipgloss.Style
	Status     lipgloss.Style
	Error      lipgloss.Style
	Help       lipgloss.Style
	Overlay    lipgloss.Style

	// PrivateTitle heads what only the leader sees: the leader's note,
	// the follow-up, the guide's notes for the leader.
	PrivateTitle lipgloss.Style
	// Placeholder is a field's placeholder: muted and italic, so that it
	// is never taken for typed text.
	Placeholder lipgloss.Style
	// NoteBoxLeader and NoteActiveLeader are NoteBox and NoteActive in
	// the leader's view: bordered in PrivateBorder.
	NoteBoxLeader    lipgloss.Style
	NoteActiveLeader lipgloss.Style
}

// NewStyles turns a theme into styles.
func NewStyles(t Theme) Styles {
	noteBox := lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(t.Border).Padding(0, 1)
	noteActive := noteBox.BorderForeground(t.Accent)
	return Styles{
		PrivateBorder: t.Leader,
		LeaderFrame:   t.Leader,
		LeaderBadge:   lipgloss.NewStyle().Foreground(t.Leader).Bold(true),
		Redacted:      lipgloss.NewStyle().Foreground(t.Warn).Underline(true).Bold(true),
		App:           lipgloss.NewStyle().Padding(0, 1),
		Title:         lipgloss.NewStyle().Bold(true).Foreground(t.Accent),
		Header:        lipgloss.NewStyle().Foreground(t.Text),
		Muted:         lipgloss.NewStyle().Foreground(t.Muted),
		Badge:         lipgloss.NewStyle().Foreground(t.Calm).Bold(true),
		BarFull:       lipgloss.NewStyle().Foreground(t.Accent),
		BarEmpty:      lipgloss.NewStyle().Foreground(t.Border),
		NoteTitle:     lipgloss.NewStyle().Bold(true).Foreground(t.Muted),
		NoteBox:       noteBox,
		NoteActive:    noteActive,
		Selected:      lipgloss.NewStyle().Foreground(t.Accent).Bold(true),
		Item:          lipgloss.NewStyle().Foreground(t.Text),
		Done:          lipgloss.NewStyle().Foreground(t.Calm),
		Calm:          lipgloss.NewStyle().Foreground(t.Calm),
		Private:       lipgloss.NewStyle().Foreground(t.Private),
		PrivateTitle:  lipgloss.NewStyle().Foreground(t.Private).Bold(true),
		Placeholder:   lipgloss.NewStyle().Foreground(t.Muted).Italic(true),
		Warn:          lipgloss.NewStyle().Foreground(t.Warn),
		Status:        lipgloss.NewStyle().Foreground(t.Muted),
		Error:         lipgloss.NewStyle().Foreground(t.Warn).Bold(true),
		Help:          lipgloss.NewStyle().Foreground(t.Muted),
		Overlay:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(t.Accent).Padding(0, 1),

		NoteBoxLeader:    noteBox.BorderForeground(t.Leader),
		NoteActiveLeader: noteActive.BorderForeground(t.Leader),
	}
}

// sharedBadge marks the shared view, the one the room may see.
func sharedBadge(st Styles) string { return st.Badge.Render("◉ SHARED VIEW") }

// leaderBadge is the leader's view's mark in the header: its colour, and
// words that say it alone where there is no colour (NO_COLOR).
func leaderBadge(st Styles) string {
	return st.LeaderBadge.Render("◈ LEADER VIEW · not for the room")
}
