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
	// revealed is set when r reads the text of a prayer request that the
	// gentler path shows by its headline only; moving on clears it.
	revealed bool
	// promptsNoted is set once a person alone has been told that some
	// prompts were written for a group.
	promptsNoted bool
	// removed is set when a request or commitment was deleted: stop then
	// scrubs it from the file and the backups.
	removed bool
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
	// Plain mode is the leader's view: the last meeting's debrief note
	// comes first, for the leader alone.
	if f := r.m.FollowUp(session.Leader); f != "" {
		r.say("%s:", session.FollowUpLabel)
		r.say("%s", f)
	}
}

// apply saves what a change of the meeting returned, at once. When the
// save fails, the meeting keeps the line (it is written again with the
// rest when plain mode ends), the changes go to a recovery file, and the
// user is told in one sentence; plain mode goes on.
func (r *run) apply(cs []store.Change) error {
	if err := r.saver.Apply(cs...); err != nil {
		r.say("%s", r.notSaved("That was not saved", cs, err))
		return errNotSaved
	}
	return nil
}

// holdsText reports whether changes carry anything typed: a note, a
// request or a commitment.
func holdsText(cs []store.Change) bool {
	for _, c := range cs {
		if len(c.Notes) > 0 || len(c.Requests) > 0 || len(c.Commitments) > 0 {
			return true
		}
	}
	return false
}

// errNotSaved is what apply returns when it has already said that a
// change was not saved: the caller says nothing more, and goes on.
var errNotSaved = errors.New("not saved")

// notSaved writes changes that could not be saved to a recovery file and
// says so in one sentence that begins with what.
func (r *run) notSaved(what string, cs []store.Change, err error) string {
	why := session.OneLine(err.Error())
	if !holdsText(cs) {
		// A move or a mark: nothing typed is at stake, and the meeting
		// writes it again with everything else when plain mode ends.
		return fmt.Sprintf("%s (%s).", what, why)
	}
	path, rerr := session.WriteRecovery(r.cfg.Store.Path(), cs, err, r.now())
	switch {
	case rerr != nil:
		return fmt.Sprintf("%s (%s), and no recovery file could be written either; copy what you typed somewhere safe.", what, why)
	case path == "":
		return fmt.Sprintf("%s (%s).", what, why)
	}
	return fmt.Sprintf("%s (%s); it is kept in %s.", what, why, path)
}

// walk shows the page, then reads lines until the summary, q or the end of
// the input.
func (r *run) walk() error {
	r.show(true)
	said := false
	for r.werr == nil {
		atSummary := r.m.Page().Kind == session.PageSummary
		if atSummary && !said {
			r.say("That is the end of the guide. Everything is saved in %s.", r.cfg.Store.Path())
		}
		said = atSummary
		line, ok, err := r.ask(r.promptLine())
		if err != nil {
			return err
		}
		if !ok {
			if atSummary {
				return nil // everything is saved; the input ends where the guide does
			}
			return r.stop()
		}
		done, err := r.handle(line)
		if errors.Is(err, errNotSaved) {
			err = nil // said, and kept in a recovery file: go on
		}
		if err != nil || done {
			return err
		}
	}
	return nil
}

// stop writes the meeting as it stands, with the time spent, and says
// where the session is kept and how to go on with it.
func (r *run) stop() error {
	final := r.m.Final(r.now())
	if err := r.saver.Apply(final...); err != nil {
		r.say("%s", r.notSaved("The session could not be saved as it stands", final, err))
		return nil
	}
	if r.removed {
		if err := r.cfg.Store.ScrubSession(r.m.ID()); err != nil {
			r.say("%s", session.Sentence(err.Error()))
		}
	}
	r.say("Everything is saved in %s. To go on from here later: vigil resume %d",
		r.cfg.Store.Path(), r.m.ID())
	return nil
}

// move goes to the next or previous page and saves the position, as the
// screens do, so that either goes on where the other stopped.
func (r *run) move(delta int) error {
	prev := r.m.Page()
	cs, moved := r.m.MoveIn(session.Leader, delta, r.now())
	if !moved {
		if delta < 0 {
			r.say("This is the first page.")
		}
		return nil
	}
	if err := r.apply(cs); err != nil {
		return err
	}
	r.revealed = false
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

// addNote adds a line to the group's note on the page. A line that would
// take the note over the limit is refused with a sentence.
func (r *run) addNote(line string) error {
	cs, err := r.m.AppendNote(line, r.now())
	if err != nil {
		r.say("%s", err)
		return nil
	}
	if err := r.apply(cs); err != nil {
		return nil // said, and kept in a recovery file
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
		r.say("%s Type pass again to take that back.", r.m.Words().Passed)
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
