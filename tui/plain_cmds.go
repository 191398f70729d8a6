package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"vigil/guides"
	"vigil/store"
)

// markN is "m" and a request's number: mark that request of the group.
var markN = regexp.MustCompile(`^m\s*(\d+)$`)

// plainCommands are the lines that are always commands, never a note, so
// that a stray letter is not saved as what the group said.
var plainCommands = map[string]bool{
	"n": true, "b": true, "q": true, "p": true, "h": true, "?": true, "r": true,
	"f": true, "g": true, "m": true, "a": true, "s": true, "y": true, "x": true,
}

// handle acts on one line typed on the current page. done means plain
// mode ends.
func (p *plainRun) handle(line string) (done bool, err error) {
	cmd := strings.ToLower(line)
	pg := p.page()
	switch {
	case cmd == "":
		return false, nil
	case cmd == "q":
		p.stopped()
		return true, nil
	case cmd == "?":
		p.write(plainHelp)
	case cmd == "h":
		p.write(resourcesPlain(p.guide))
	case cmd == "p":
		return p.pause()
	case cmd == "r":
		p.show(true)
	case pg.Kind == pageContentNote && (cmd == "f" || cmd == "n"):
		return false, p.choosePath(store.PathFull)
	case pg.Kind == pageContentNote && cmd == "g":
		return false, p.choosePath(store.PathGentle)
	case cmd == "n":
		return false, p.move(+1)
	case cmd == "b":
		return false, p.move(-1)
	case cmd == "m" && p.onGuideRequest():
		return false, p.togglePrayed()
	case cmd == "m" && pg.Kind == pageRequests:
		p.say("Type m and the request's number, for example m 1.")
	case markN.MatchString(cmd) && pg.Kind == pageRequests:
		n, _ := strconv.Atoi(markN.FindStringSubmatch(cmd)[1])
		return false, p.markRequest(n)
	case revisitN.MatchString(cmd) && pg.Kind == pageRevisit:
		return false, p.revisit(cmd, line)
	case (cmd == "s" || cmd == "y" || cmd == "x") && pg.Kind == pageRevisit:
		p.say("Type the letter and the request's number, for example s 1, or y 2 and how it was answered.")
	case cmd == "a" && pg.Kind == pageRequests:
		return p.addRequest()
	case cmd == "a" && pg.Kind == pageCommitments:
		return p.addCommitment()
	case plainCommands[cmd] || markN.MatchString(cmd):
		p.say("That command is not used on this page; ? lists the commands.")
	case pg.Kind == pageContentNote:
		p.say("Type f for the full guide, or g for the gentler path.")
	default:
		return false, p.addNote(line)
	}
	return false, nil
}

// onGuideRequest reports whether the page is one of the guide's own prayer
// requests, which m marks prayed.
func (p *plainRun) onGuideRequest() bool {
	pg := p.page()
	return pg.Kind == pageSection && p.guide.Parts[pg.Part].Kind == guides.KindPrayer
}

// promptLine is the short reminder of what can be typed on the page.
func (p *plainRun) promptLine() string {
	switch pg := p.page(); {
	case pg.Kind == pageContentNote:
		return "f full guide, g gentler path, q quit> "
	case pg.Kind == pageRequests:
		return "note, or a add a request, m N mark request N prayed, n next, b back, q quit> "
	case pg.Kind == pageCommitments:
		return "note, or a add a commitment, n next, b back, q quit> "
	case pg.Kind == pageRevisit:
		return "note, or s N still praying, y N [how] answered, x N archive, n next, b back, q quit> "
	case p.onGuideRequest():
		return "note, or m mark prayed, n next, b back, p pause, q quit> "
	}
	return "note, or n next, b back, p pause, q quit> "
}

// plainHelp lists the commands of plain mode.
const plainHelp = `Commands: type one and press enter.
  n  next page
  b  back
  r  read this page again
  p  pause: a calm line with nothing of the guide on it
  h  help and report: who to call
  q  quit; everything is already saved
  ?  this list
On the first page: f (or n) the full guide, g the gentler path (straight to reflection and prayer).
On one of the guide's prayer requests: m marks it prayed, or not.
On the group's requests: a adds one; m and a number (m 2) marks that one prayed, or not.
On the commitments: a adds one.
On the requests from earlier meetings: s 1 still praying, y 1 answered (a line on how may follow: y 1 she is well), x 1 archive.
Anything else you type is the note for the page, added as a new line and saved at once. An empty line does nothing.
`

// markRequest marks the group's request number n (as listed) prayed, or
// not.
func (p *plainRun) markRequest(n int) error {
	if n < 1 || n > len(p.rec.Requests) {
		p.say("There is no request %d; the list has %d.", n, len(p.rec.Requests))
		return nil
	}
	r := p.rec.Requests[n-1]
	r.Prayed = !r.Prayed
	if err := p.apply(store.Change{Requests: []store.Request{r}}); err != nil {
		return err
	}
	p.rec.Requests[n-1] = r
	if r.Prayed {
		p.say("Request %d marked prayed.", n)
	} else {
		p.say("Request %d marked not yet prayed.", n)
	}
	return nil
}

// addRequest asks for a request of the group, who asked, and whether it is
// private, and saves it. When the input ends before the last question, the
// request is kept private: nothing told in confidence is shared by default.
func (p *plainRun) addRequest() (done bool, err error) {
	text, ok, err := p.ask("Request: ")
	if err != nil || !ok {
		return p.endInForm(err)
	}
	if text == "" {
		p.say("Nothing added.")
		return false, nil
	}
	name, ok, err := p.ask("Name (optional): ")
	if err != nil {
		return true, err
	}
	private, ended := true, !ok
	if ok {
		var ans string
		ans, ok, err = p.ask("Private? (y/N): ")
		if err != nil {
			return true, err
		}
		ended = !ok
		private = !ok || strings.EqualFold(ans, "y") || strings.EqualFold(ans, "yes")
	}
	id := p.rec.NextRequestID()
	r := store.Request{ID: id, Text: text, Name: name, Private: private, Created: p.now()}
	if err := p.apply(store.Change{Requests: []store.Request{r}}); err != nil {
		return true, err
	}
	p.rec.Requests = append(p.rec.Requests, r)
	p.say("Added request %d: %s", len(p.rec.Requests), requestLine(r))
	if ended {
		p.stopped()
	}
	return ended, nil
}

// addCommitment asks for a next step someone takes on, and who, and saves
// it.
func (p *plainRun) addCommitment() (done bool, err error) {
	text, ok, err := p.ask("Commitment: ")
	if err != nil || !ok {
		return p.endInForm(err)
	}
	if text == "" {
		p.say("Nothing added.")
		return false, nil
	}
	name, ok, err := p.ask("Name (optional): ")
	if err != nil {
		return true, err
	}
	id := p.rec.NextCommitmentID()
	c := store.Commitment{ID: id, Text: text, Name: name, Created: p.now()}
	if err := p.apply(store.Change{Commitments: []store.Commitment{c}}); err != nil {
		return true, err
	}
	p.rec.Commitments = append(p.rec.Commitments, c)
	p.say("Added commitment %d: %s", len(p.rec.Commitments), itemLine(c.Text, c.Name))
	if !ok {
		p.stopped()
	}
	return !ok, nil
}

// endInForm ends plain mode when the input ends at the first question of
// a form: nothing was typed, so nothing is added.
func (p *plainRun) endInForm(err error) (bool, error) {
	if err == nil {
		p.stopped()
	}
	return true, err
}

// requestLine is one of the group's requests as a line: plain mode has one
// reader, the leader, so private requests show, marked.
func requestLine(r store.Request) string {
	s := itemLine(r.Text, r.Name)
	if r.Private {
		s += " [private]"
	}
	if r.Prayed {
		s += " [prayed]"
	}
	return s
}

func itemLine(text, name string) string {
	if name != "" {
		return fmt.Sprintf("%s (%s)", text, name)
	}
	return text
}
