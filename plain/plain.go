// Package plain is vigil's line-by-line front end, for screen readers,
// pipes and scripts: no alternate screen, no cursor movement, no colour, no
// boxes. It walks the same meeting as the screens, through session.Meeting:
// every move and change is a Meeting method, and what it returns is saved
// with session.Saver.Apply before the next prompt. With no UI goroutine to
// keep responsive, there is nothing to gain from saving later, and every
// way out (q, the end of the input, a signal) leaves nothing unsaved.
package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// Config is everything plain mode needs from the outside.
type Config struct {
	Store   *store.Store
	Library guides.Library
	// Start is the session to walk. When nil, the first line asks whether
	// to start a new session of the library's first guide or resume the
	// latest session.
	Start *session.Opened
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Interactive means a person types at a terminal and sees their own
	// typing. When false (a file or a pipe), a newline follows each line
	// read, so that the output reads as a transcript.
	Interactive bool
}

// Run runs plain mode until the summary, q, or the end of the input,
// reading commands and notes from in and writing plain text to out.
func Run(cfg Config, in io.Reader, out io.Writer) error {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &run{cfg: cfg, in: bufio.NewReader(in), out: out, saver: session.NewSaver(cfg.Store)}
	r.say("vigil, plain mode. Type ? and enter for the commands.")
	o := cfg.Start
	if o == nil {
		var err error
		if o, err = r.choose(); err != nil || o == nil {
			return r.result(err)
		}
	}
	r.open(o)
	return r.result(r.walk())
}

// run is one run of plain mode over one meeting.
type run struct {
	cfg   Config
	in    *bufio.Reader
	out   io.Writer
	werr  error // the first failed write to out
	saver *session.Saver
	m     session.Meeting
}

func (r *run) result(err error) error {
	if err != nil {
		return err
	}
	if r.werr != nil {
		return fmt.Errorf("plain mode could not write its output (%w); everything typed before is saved", r.werr)
	}
	return nil
}

// say writes a line. Everything written is cleaned: guide files and notes
// come from outside, and the output must stay plain text.
func (r *run) say(format string, args ...any) {
	r.write(fmt.Sprintf(format, args...) + "\n")
}

func (r *run) write(s string) {
	if r.werr != nil {
		return
	}
	_, r.werr = io.WriteString(r.out, clean(s, true))
}

// ask writes a prompt and reads one line. ok is false at the end of the
// input with nothing read.
func (r *run) ask(prompt string) (line string, ok bool, err error) {
	r.write(prompt)
	line, ok, err = r.readLine()
	if !r.cfg.Interactive || !ok {
		r.write("\n")
	}
	return line, ok, err
}

// readLine reads one line, without its line ending and without control
// characters (arrow keys in a line-mode terminal type escape sequences).
// A last line without a newline still counts.
func (r *run) readLine() (string, bool, error) {
	line, err := r.in.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("plain mode could not read its input (%w); everything typed before is saved", err)
	}
	if err != nil && line == "" {
		return "", false, nil
	}
	return strings.TrimSpace(clean(strings.TrimRight(line, "\r\n"), false)), true, nil
}

func (r *run) now() time.Time { return r.cfg.Now() }

// open lays the session out and finds where it was left. The group's
// requests and commitments from earlier meetings come first, as on
// screen; when they cannot be read, the meeting goes on without them.
func (r *run) open(o *session.Opened) {
	if o.Notice != "" {
		r.say("%s", o.Notice)
	}
	r.m = session.Open(o, r.now())
	c, err := session.LoadCarry(r.cfg.Store, r.m.Rec.Session)
	r.m.TakeCarry(c, err)
	if err != nil {
		r.say("What earlier meetings left open could not be read (%v); the meeting goes on without it.", err)
	}
}

// apply saves what a change of the meeting returned, at once.
func (r *run) apply(cs []store.Change) error {
	if err := r.saver.Apply(cs...); err != nil {
		return fmt.Errorf("the last line was not saved (%w); what was typed before it is", err)
	}
	return nil
}

// walk shows the page, then reads lines until the summary, q or the end of
// the input.
func (r *run) walk() error {
	r.show(true)
	for r.werr == nil {
		if r.m.Page().Kind == session.PageSummary {
			r.say("That is the end of the guide. Everything is saved in %s.", r.cfg.Store.Path())
			return nil
		}
		line, ok, err := r.ask(r.promptLine())
		if err != nil {
			return err
		}
		if !ok {
			return r.stop()
		}
		done, err := r.handle(line)
		if err != nil || done {
			return err
		}
	}
	return nil
}

// stop writes the meeting as it stands, with the time spent, and says
// where the session is kept and how to go on with it.
func (r *run) stop() error {
	if err := r.saver.Apply(r.m.Final(r.now())...); err != nil {
		r.say("The time spent was not saved: %v.", err)
	}
	r.say("Everything is saved in %s. To go on from here later: vigil resume %d",
		r.cfg.Store.Path(), r.m.ID())
	return nil
}

// move goes to the next or previous page and saves the position, as the
// screens do, so that either goes on where the other stopped.
func (r *run) move(delta int) error {
	prev := r.m.Page()
	cs, moved := r.m.Move(delta, r.now())
	if !moved {
		if delta < 0 {
			r.say("This is the first page.")
		}
		return nil
	}
	if err := r.apply(cs); err != nil {
		return err
	}
	cur := r.m.Page()
	sameStep := prev.Kind == session.PagePrompt && cur.Kind == session.PagePrompt && prev.Part == cur.Part && prev.Section == cur.Section
	r.show(!sameStep)
	return nil
}

// choosePath sets the way through the guide from the content note.
func (r *run) choosePath(path store.Path) error {
	if err := r.apply(r.m.ChoosePath(path, r.now())); err != nil {
		return err
	}
	r.show(true)
	return nil
}

// addNote adds a line to the group's note on the page.
func (r *run) addNote(line string) error {
	if err := r.apply(r.m.AppendNote(line, r.now())); err != nil {
		return err
	}
	r.say("saved.")
	return nil
}

// togglePrayed marks the guide's prayer request on the page prayed, or
// not.
func (r *run) togglePrayed() error {
	if err := r.apply(r.m.ToggleGuidePrayed(r.now())); err != nil {
		return err
	}
	if r.m.GuideRequestPrayed() {
		r.say("Marked prayed.")
	} else {
		r.say("Marked not yet prayed.")
	}
	return nil
}

// togglePass records that the group passes the prompt, or takes it back.
func (r *run) togglePass() error {
	if err := r.apply(r.m.TogglePass(r.now())); err != nil {
		return err
	}
	if r.m.Passed() {
		r.say("Passed: the group passes this prompt. Type pass again to take that back.")
	} else {
		r.say("No longer passed.")
	}
	return nil
}

// pause shows a calm line with nothing of the guide or the notes on it,
// and waits. h shows the help resources and q quits from the pause too.
func (r *run) pause() (done bool, err error) {
	r.m.Pause(r.now()) // a pause is not the part's time
	for {
		r.say("Paused. Take a moment. Press enter to go on.")
		line, ok, err := r.readLine()
		if err != nil {
			return true, err
		}
		switch {
		case !ok || strings.EqualFold(line, "q"):
			return true, r.stop()
		case strings.EqualFold(line, "h"):
			r.write(helpText(session.HelpOf(r.m.Guide)))
			continue
		}
		r.m.Unpause(r.now())
		r.say("Back at %s.", r.position())
		return false, nil
	}
}
