package tui

import "github.com/charmbracelet/lipgloss"

// Theme is vigil's palette. Every colour is adaptive, so the same theme reads
// on light and dark terminals; with no colour profile (NO_COLOR) lipgloss
// drops them and the structure is carried by text and symbols alone.
type Theme struct {
	Text    lipgloss.AdaptiveColor
	Muted   lipgloss.AdaptiveColor
	Accent  lipgloss.AdaptiveColor
	Calm    lipgloss.AdaptiveColor
	Warn    lipgloss.AdaptiveColor
	Private lipgloss.AdaptiveColor
	Border  lipgloss.AdaptiveColor
}

// DefaultTheme is quiet on purpose: one accent, soft greys, nothing loud.
func DefaultTheme() Theme {
	return Theme{
		Text:    lipgloss.AdaptiveColor{Light: "#1f2328", Dark: "#e6e6e6"},
		Muted:   lipgloss.AdaptiveColor{Light: "#5c6370", Dark: "#9aa0a6"},
		Accent:  lipgloss.AdaptiveColor{Light: "#2f5d8a", Dark: "#8fb8de"},
		Calm:    lipgloss.AdaptiveColor{Light: "#3d7a5c", Dark: "#9fd3b5"},
		Warn:    lipgloss.AdaptiveColor{Light: "#9a5b00", Dark: "#e5b567"},
		Private: lipgloss.AdaptiveColor{Light: "#7a3d7a", Dark: "#d3a6d3"},
		Border:  lipgloss.AdaptiveColor{Light: "#aab0b8", Dark: "#4b5058"},
	}
}

// Styles are every lipgloss style vigil draws with, made once from a Theme.
type Styles struct {
	App        lipgloss.Style
	Title      lipgloss.Style
	Header     lipgloss.Style
	Muted      lipgloss.Style
	Badge      lipgloss.Style
	BadgeLead  lipgloss.Style
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
}

// NewStyles turns a theme into styles.
func NewStyles(t Theme) Styles {
	return Styles{
		App:        lipgloss.NewStyle().Padding(0, 1),
		Title:      lipgloss.NewStyle().Bold(true).Foreground(t.Accent),
		Header:     lipgloss.NewStyle().Foreground(t.Text),
		Muted:      lipgloss.NewStyle().Foreground(t.Muted),
		Badge:      lipgloss.NewStyle().Foreground(t.Calm).Bold(true),
		BadgeLead:  lipgloss.NewStyle().Foreground(t.Private).Bold(true),
		BarFull:    lipgloss.NewStyle().Foreground(t.Accent),
		BarEmpty:   lipgloss.NewStyle().Foreground(t.Border),
		NoteTitle:  lipgloss.NewStyle().Bold(true).Foreground(t.Muted),
		NoteBox:    lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(t.Border).Padding(0, 1),
		NoteActive: lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(t.Accent).Padding(0, 1),
		Selected:   lipgloss.NewStyle().Foreground(t.Accent).Bold(true),
		Item:       lipgloss.NewStyle().Foreground(t.Text),
		Done:       lipgloss.NewStyle().Foreground(t.Calm),
		Calm:       lipgloss.NewStyle().Foreground(t.Calm),
		Private:    lipgloss.NewStyle().Foreground(t.Private),
		Warn:       lipgloss.NewStyle().Foreground(t.Warn),
		Status:     lipgloss.NewStyle().Foreground(t.Muted),
		Error:      lipgloss.NewStyle().Foreground(t.Warn).Bold(true),
		Help:       lipgloss.NewStyle().Foreground(t.Muted),
		Overlay:    lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(t.Accent).Padding(0, 1),
	}
}
