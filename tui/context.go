package tui

import (
	"io"
	"time"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// Config is everything the TUI needs from the outside. Nothing in tui reads
// flags or the environment: cmd/vigil fills this in.
type Config struct {
	Store *store.Store
	// Saver writes the open session's changes; nil makes one over Store.
	// cmd/vigil closes it with App.Final once the program has ended.
	Saver   *session.Saver
	Library guides.Library
	// GlamourStyle is "dark", "light" or "notty": the theme the screens
	// start with, decided before the program starts without asking the
	// terminal.
	GlamourStyle string
	// AskBackground asks the terminal for its background colour when the
	// program starts (no --theme was given) and follows the answer. Until
	// one arrives, if ever, GlamourStyle holds; nothing waits for it.
	AskBackground bool
	// Now is the clock; nil means time.Now. Tests inject one.
	Now func() time.Time
	// SaveDelay is how long edits gather before they are written; 0 means
	// the default. Tests shorten it.
	SaveDelay time.Duration
	// Bell is where the silence timer rings the terminal bell at its end
	// (the terminal); nil rings nothing.
	Bell io.Writer
	// ExportDir is the folder exports from the screens go into.
	ExportDir string
	// ReduceMotion turns off every animation, the blinking cursor included.
	ReduceMotion bool
	// Start opens a session straight away (vigil new, vigil resume); nil
	// opens the home screen.
	Start *session.Opened
	// Room is how the room opens (R in a session, or --room at start).
	Room RoomConfig
	// Width and Height are the terminal's size when the program starts,
	// if known: the first frame is then laid out before bubbletea's size
	// message comes (which changes nothing when it agrees). 0 waits for
	// the message.
	Width, Height int
}

// saveDelay is how long edits gather before they are written. With the
// write itself well under a millisecond, every edit is on disk within a
// second of being typed.
const saveDelay = 400 * time.Millisecond

// context is shared by every screen: styles, keys and the ways out to the
// store. It is made once, so screens hold a pointer; only the theme
// changes, once, when the terminal tells its background (setTheme).
type context struct {
	cfg    Config
	styles Styles
	glamur string // the glamour style guide text is rendered in
	keys   keyMap
	now    func() time.Time
	crash  *crash
	room   *roomState // the room, when one is open (room_state.go)
}

func newContext(cfg Config) *context {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	if cfg.Saver == nil {
		cfg.Saver = session.NewSaver(cfg.Store)
	}
	if cfg.SaveDelay == 0 {
		cfg.SaveDelay = saveDelay
	}
	return &context{cfg: cfg, styles: NewStyles(themeFor(cfg.GlamourStyle != "light")), glamur: cfg.GlamourStyle,
		keys: newKeyMap(), now: now, crash: &crash{}, room: &roomState{}}
}

// setTheme rebuilds the styles for a dark or light background. It reports
// whether anything changed; with no colour (notty) nothing does.
func (c *context) setTheme(dark bool) bool {
	style := "light"
	if dark {
		style = "dark"
	}
	if c.glamur == "notty" || c.glamur == style {
		return false
	}
	c.glamur = style
	c.styles = NewStyles(themeFor(dark))
	return true
}
