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
	// GlamourStyle is "dark", "light" or "notty", decided once before the
	// program starts (never by asking the terminal from inside it).
	GlamourStyle string
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
}

// saveDelay is how long edits gather before they are written. With the
// write itself well under a millisecond, every edit is on disk within a
// second of being typed.
const saveDelay = 400 * time.Millisecond

// context is shared by every screen: styles, keys and the ways out to the
// store. It is made once and never changed, so screens hold a pointer.
type context struct {
	cfg    Config
	styles Styles
	keys   keyMap
	now    func() time.Time
	crash  *crash
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
	return &context{cfg: cfg, styles: NewStyles(DefaultTheme()), keys: newKeyMap(), now: now, crash: &crash{}}
}
