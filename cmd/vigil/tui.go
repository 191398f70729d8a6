package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/mattn/go-isatty"
	"golang.org/x/term"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
	"vigil/tui"
)

// frameRate is how often bubbletea may draw a changed screen. At its
// default of 60 a key waits for the next frame 8 ms on average, at 120
// (its most) 4 ms; a frame with nothing changed costs a comparison of two
// strings. The room's SSH screens keep bubbletea's default.
const frameRate = 120

// gcPercent is the screens' garbage collection target (see runTUI).
const gcPercent = 400

// lockTimeout is how long vigil waits for a database another vigil holds
// before it says so.
const lockTimeout = time.Second

// openStore opens the notes database with a lock timeout.
func openStore(o *options) (*store.Store, error) {
	return store.Open(o.dbPath(), store.Options{Timeout: lockTimeout})
}

// library loads the built-in guides and the user's. Broken user guides do
// not stop the TUI; `vigil guides` shows them.
func library(o *options) guides.Library {
	return guides.Load(o.guidesDir())
}

// glamourStyle decides, before anything starts and without asking the
// terminal, how guide text is coloured: no colour, the theme given, or dark.
// With --theme auto the TUI then follows the terminal's answer about its
// background (askBackground); `vigil guide show` stays dark.
func glamourStyle(o *options) string {
	if !o.colour() {
		return "notty"
	}
	if o.theme == "light" {
		return "light"
	}
	return "dark"
}

// askBackground reports whether the TUI should ask the terminal for its
// background: colour is on and no theme was chosen.
func askBackground(o *options) bool {
	return o.colour() && o.theme != "dark" && o.theme != "light"
}

func checkTheme(o *options) error {
	if err := checkThemeValue(o.theme, false); err != nil {
		return fmt.Errorf("--theme: %w", err)
	}
	return nil
}

// isTerminal reports whether vigil talks to a terminal both ways; when not,
// it runs in plain mode rather than fail to open /dev/tty.
func isTerminal() bool {
	return isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd())
}

// startFunc opens a session before the screens start (vigil new, vigil
// resume); nil means the home screen.
type startFunc func(*store.Store, guides.Library) (*session.Opened, error)

// runTUI opens the store and runs the program. start, when not nil, opens a
// session at once; it is given the store. Whatever the way out (q, ctrl+c,
// SIGTERM, SIGHUP), the open session is written before vigil exits.
func runTUI(o *options, start startFunc) error {
	if err := checkTheme(o); err != nil {
		return err
	}
	noticeRecovery(o)
	if o.room && (o.plain || !isTerminal()) {
		return errors.New("--room needs vigil's screens: it cannot be used with --plain or without a terminal")
	}
	if o.plain || !isTerminal() {
		return runPlain(o, start)
	}
	// The screens keep a small heap (some 3 MB live), so Go's default
	// (collect when the heap doubles, from 4 MB) collected four times
	// between main and the first screen, and on 2 cores a collection
	// competes with drawing it. At 400 the heap may grow to five times
	// what is live, some 15 MB, and none runs before the first screen.
	debug.SetGCPercent(gcPercent)
	style := glamourStyle(o)
	st, err := openStore(o)
	if err != nil {
		return err
	}
	defer st.Close()
	lib := library(o)
	cwd, _ := os.Getwd() // exports from the screens go where vigil was started
	cfg := tui.Config{Store: st, Saver: session.NewSaver(st), Library: lib, GlamourStyle: style,
		AskBackground: askBackground(o), ReduceMotion: o.reduceMotion, ExportDir: cwd, Bell: os.Stdout,
		Room: roomConfig(o)}
	if start != nil {
		if cfg.Start, err = start(st, lib); err != nil {
			return err
		}
	}
	// The first frame is laid out at the terminal's size now, not after
	// bubbletea's size message; if the size cannot be read, it waits.
	if w, h, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
		cfg.Width, cfg.Height = w, h
	}
	p := tea.NewProgram(tui.New(cfg), tea.WithColorProfile(colourProfile(o)), tea.WithFPS(frameRate))

	// bubbletea (v2.1.1 too) turns SIGINT and SIGTERM into a quit; a closed
	// terminal or SSH connection (SIGHUP) would kill vigil with nothing
	// saved.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP, syscall.SIGQUIT) // SIGQUIT too: no goroutine dump, the typing saved
	defer signal.Stop(hup)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer func() { _ = recover() }()
		select {
		case <-hup:
			p.Quit()
		case <-done:
		}
	}()

	final, runErr := p.Run()
	app, ok := final.(tui.App)
	if !ok {
		return fmt.Errorf("the screen stopped unexpectedly (%v); notes typed before the last second may be lost", runErr)
	}
	// The room, if open, tells everyone the meeting has ended while the
	// last changes are written; a stalled client can take a few seconds.
	roomClosed := make(chan struct{})
	go func() {
		defer close(roomClosed)
		defer func() { _ = recover() }()
		app.CloseRoom()
	}()
	recovery, saveErr := cfg.Saver.Close(app.Final()...)
	<-roomClosed
	if saveErr != nil {
		return notSaved(st.Path(), recovery, saveErr)
	}
	if final := app.Final(); app.Removed() && len(final) > 0 {
		// A request or commitment was deleted: make it gone from the
		// file and the backups too, as a deleted session is.
		if err := st.ScrubSession(final[0].SessionID); err != nil {
			fmt.Fprintln(os.Stderr, "vigil: "+session.Sentence(err.Error()))
		}
	}
	if what, crashed := app.Crashed(); crashed {
		return fmt.Errorf("vigil stopped on an internal error (%s); everything typed before it is saved, and `vigil resume` opens the session again", what)
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrInterrupted) {
		return fmt.Errorf("the screen stopped unexpectedly (%v); your notes are saved", runErr)
	}
	if line := resumeLine(app.Final()); line != "" {
		fmt.Println(line)
	}
	return nil
}

// colourProfile is the colours vigil may use on stdout: none for
// --no-color or NO_COLOR (and no other attribute either: Ascii would keep
// bold; the note's cursor is the terminal's own, so it still shows), else
// what lipgloss found for stdout when the program started. bubbletea
// would find the same again (colorprofile.Detect on the same stdout and
// environment), and inside tmux that means running `tmux info` a second
// time, 10–25 ms before the first screen.
func colourProfile(o *options) colorprofile.Profile {
	if !o.colour() {
		return colorprofile.NoTTY
	}
	return lipgloss.Writer.Profile
}
