package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"vigil/guides"
	"vigil/store"
)

// Plain mode walks a session line by line, for screen readers, pipes and
// scripts: no alternate screen, no cursor movement, no colour, no boxes. It
// shows the same pages as the TUI and writes the same notes, position and
// marks, each with store.Apply before the next prompt: with no UI goroutine
// to keep responsive, there is nothing to gain from saving later.

// PlainConfig is everything plain mode needs from the outside.
type PlainConfig struct {
	Store   *store.Store
	Library guides.Library
	// Start is the session to walk. When nil, the first line asks whether
	// to start a new session of the library's first guide or resume the
	// latest session.
	Start *Opened
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Interactive means a person types at a terminal and sees their own
	// typing. When false (a file or a pipe), a newline follows each line
	// read, so that the output reads as a transcript.
	Interactive bool
}

// RunPlain runs plain mode until the summary, q, or the end of the input,
// reading commands and notes from in and writing plain text to out. Every
// change is saved before the next prompt, so each way out leaves nothing
// unsaved.
func RunPlain(cfg PlainConfig, in io.Reader, out io.Writer) error {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	p := &plainRun{cfg: cfg, in: bufio.NewReader(in), out: out}
	p.say("vigil, plain mode. Type ? and enter for the commands.")
	o := cfg.Start
	if o == nil {
		var err error
		if o, err = p.choose(); err != nil || o == nil {
			return p.result(err)
		}
	}
	p.open(o)
	return p.result(p.walk())
}

// plainRun is one run of plain mode over one session.
type plainRun struct {
	cfg   PlainConfig
	in    *bufio.Reader
	out   io.Writer
	werr  error // the first failed write to out
	guide *guides.Guide
	rec   store.Record
	pages []page
	cur   int
	clk   clock // time spent per part, as in the screens
	carry []store.GroupRequest
}

func (p *plainRun) result(err error) error {
	if err != nil {
		return err
	}
	if p.werr != nil {
		return fmt.Errorf("plain mode could not write its output (%w); everything typed before is saved", p.werr)
	}
	return nil
}

// say writes lines, with every control character and escape sequence
// taken out: guide files and notes come from outside, and the output must
// stay plain text.
func (p *plainRun) say(format string, args ...any) {
	p.write(fmt.Sprintf(format, args...) + "\n")
}

func (p *plainRun) write(s string) {
	if p.werr != nil {
		return
	}
	_, p.werr = io.WriteString(p.out, stripControls(s, true))
}

// ask writes a prompt and reads one line. ok is false at the end of the
// input with nothing read.
func (p *plainRun) ask(prompt string) (line string, ok bool, err error) {
	p.write(prompt)
	line, ok, err = p.readLine()
	if !p.cfg.Interactive || !ok {
		p.write("\n")
	}
	return line, ok, err
}

// readLine reads one line, without its line ending and without control
// characters (arrow keys in a line-mode terminal type escape sequences).
// A last line without a newline still counts.
func (p *plainRun) readLine() (string, bool, error) {
	line, err := p.in.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("plain mode could not read its input (%w); everything typed before is saved", err)
	}
	if err != nil && line == "" {
		return "", false, nil
	}
	line = strings.ReplaceAll(strings.TrimRight(line, "\r\n"), "\t", " ")
	return strings.TrimSpace(stripControls(line, false)), true, nil
}

func (p *plainRun) now() time.Time { return p.cfg.Now() }

// open lays out the session's pages and finds where it was left.
func (p *plainRun) open(o *Opened) {
	p.guide = o.Guide
	p.rec = o.Record
	if p.rec.Notes == nil {
		p.rec.Notes = map[string]store.Note{}
	}
	if p.rec.Session.Path == "" {
		p.rec.Session.Path = store.PathFull
	}
	// The group's requests from earlier meetings come first, as on screen.
	// Reading them is not worth stopping for: without them there is no
	// revisit step.
	p.carry, _ = carried(p.cfg.Store, p.rec.Session)
	p.pages = withRevisit(buildPages(p.guide, p.rec.Session.Path), len(p.carry) > 0)
	p.cur = indexOf(p.pages, p.rec.Session.Position.Page)
	now := p.now()
	p.clk = newClock(p.rec.Session, now).show(partKindOf(p.guide, p.page()), now)
}

// partKindOf is the part kind a page counts its time to ("" for none).
func partKindOf(g *guides.Guide, pg page) guides.Kind {
	if pg.Part < 0 {
		return ""
	}
	return g.Parts[pg.Part].Kind
}

func (p *plainRun) page() page { return p.pages[p.cur] }

// walk shows the page, then reads lines until the summary, q or the end of
// the input.
func (p *plainRun) walk() error {
	p.show(true)
	for p.werr == nil {
		if p.page().Kind == pageSummary {
			p.say("That is the end of the guide. Everything is saved in %s.", p.cfg.Store.Path())
			return nil
		}
		line, ok, err := p.ask(p.promptLine())
		if err != nil {
			return err
		}
		if !ok {
			p.stopped()
			return nil
		}
		done, err := p.handle(line)
		if err != nil || done {
			return err
		}
	}
	return nil
}

// stopped saves the time spent, and says where the session is kept and
// how to go on with it.
func (p *plainRun) stopped() {
	p.clk = p.clk.advance(p.now())
	p.rec.Session.Spent = p.clk.seconds()
	if err := p.saveSession(); err != nil {
		p.say("The time spent was not saved: %v.", err)
	}
	p.say("Everything is saved in %s. To go on from here later: vigil resume %d",
		p.cfg.Store.Path(), p.rec.Session.ID)
}

// apply writes one change to the session now.
func (p *plainRun) apply(c store.Change) error {
	c.SessionID = p.rec.Session.ID
	if err := p.cfg.Store.Apply(c); err != nil {
		return fmt.Errorf("the last line was not saved (%w); what was typed before it is", err)
	}
	return nil
}

// saveSession writes the session header: position, path, prayed marks.
func (p *plainRun) saveSession() error {
	s := copySession(p.rec.Session)
	return p.apply(store.Change{Session: &s})
}

// move goes to the next or previous page and saves the position, as the
// TUI does, so that either mode goes on where the other stopped.
func (p *plainRun) move(delta int) error {
	next := p.cur + delta
	if next < 0 {
		p.say("This is the first page.")
		return nil
	}
	if next >= len(p.pages) {
		return nil
	}
	prev := p.page()
	p.cur = next
	p.clk = p.clk.show(partKindOf(p.guide, p.page()), p.now())
	s := &p.rec.Session
	s.Spent = p.clk.seconds()
	s.Position = store.Position{Stage: stageOf(p.page()), Page: p.page().Key}
	s.Total = len(p.pages)
	if p.cur+1 > s.Seen {
		s.Seen = p.cur + 1
	}
	if err := p.saveSession(); err != nil {
		return err
	}
	cur := p.page()
	sameStep := prev.Kind == pagePrompt && cur.Kind == pagePrompt && prev.Part == cur.Part && prev.Section == cur.Section
	p.show(!sameStep)
	return nil
}

// choosePath sets the way through the guide from the content note.
func (p *plainRun) choosePath(path store.Path) error {
	if path != p.rec.Session.Path {
		p.rec.Session.Path = path
		p.pages = withRevisit(buildPages(p.guide, path), len(p.carry) > 0)
	}
	p.cur = 0
	return p.move(+1)
}

// addNote appends a line to the page's note and saves it.
func (p *plainRun) addNote(line string) error {
	pg := p.page()
	kind := store.NoteSection
	if pg.Kind == pagePrompt {
		kind = store.NoteResponse
	}
	text := line
	if old := p.rec.Notes[pg.Key].Text; strings.TrimSpace(old) != "" {
		text = old + "\n" + line
	}
	n := store.Note{Key: pg.Key, Kind: kind, Text: text, Updated: p.now()}
	if err := p.apply(store.Change{Notes: []store.Note{n}}); err != nil {
		return err
	}
	p.rec.Notes[pg.Key] = n
	p.say("saved.")
	return nil
}

// togglePrayed marks the guide's prayer request on the page prayed, or
// not.
func (p *plainRun) togglePrayed() error {
	pg := p.page()
	sec := p.guide.Parts[pg.Part].Sections[pg.Section]
	s := &p.rec.Session
	_, was := s.Prayed[sec.ID]
	if was {
		delete(s.Prayed, sec.ID)
	} else {
		if s.Prayed == nil {
			s.Prayed = map[string]time.Time{}
		}
		s.Prayed[sec.ID] = p.now()
	}
	if err := p.saveSession(); err != nil {
		return err
	}
	if was {
		p.say("Marked not yet prayed.")
	} else {
		p.say("Marked prayed.")
	}
	return nil
}

// pause shows a calm line with nothing of the guide or the notes on it,
// and waits. h shows the help resources and q quits from the pause too.
func (p *plainRun) pause() (done bool, err error) {
	p.clk = p.clk.stop(p.now()) // a pause is not the part's time
	defer func() { p.clk = p.clk.start(p.now()) }()
	for {
		p.say("Paused. Take a moment. Press enter to go on.")
		line, ok, err := p.readLine()
		if err != nil {
			return true, err
		}
		switch {
		case !ok || strings.EqualFold(line, "q"):
			p.stopped()
			return true, nil
		case strings.EqualFold(line, "h"):
			p.write(resourcesPlain(p.guide))
			continue
		}
		p.say("Back at %s.", plainPosition(p.guide, p.pages, p.cur))
		return false, nil
	}
}
