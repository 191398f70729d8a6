package plain

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"vigil/session"
	"vigil/store"
)

// numbered is a command letter and an item's number, with words after it
// (only y takes them: how a request was answered): "m 2", "y 1 she is well".
var numbered = regexp.MustCompile(`(?i)^([a-z])\s*(\d+)(?:\s+(.*))?$`)

// commands are the lines that are always commands, never a note, so that
// a stray letter is not saved as what the group said.
var commands = map[string]bool{
	"n": true, "b": true, "q": true, "p": true, "h": true, "?": true, "r": true,
	"f": true, "g": true, "m": true, "a": true, "pass": true,
	"s": true, "y": true, "x": true, "k": true, "d": true, "l": true,
	"e": true, "v": true,
}

// handle acts on one line typed on the page on screen. done means plain
// mode ends.
func (r *run) handle(line string) (done bool, err error) {
	cmd := strings.ToLower(line)
	pg := r.m.Page()
	num := numbered.FindStringSubmatch(line)
	letter, n, rest := "", 0, ""
	if num != nil {
		letter, rest = strings.ToLower(num[1]), strings.TrimSpace(num[3])
		n, _ = strconv.Atoi(num[2])
	}
	switch {
	case cmd == "":
		return false, nil
	case cmd == "q":
		return true, r.stop()
	case cmd == "?":
		r.write(commandHelp)
	case cmd == "h":
		r.write(helpText(session.HelpOf(r.m.Guide)))
	case cmd == "p":
		return r.pause()
	case cmd == "r":
		r.revealed = true // r reads a headline-only request's text too
		r.show(true)
	case pg.Kind == session.PageSummary && (cmd == "next" || strings.HasPrefix(cmd, "next ")):
		return false, r.nextMeeting(strings.TrimSpace(line[len("next"):]))
	case pg.Kind == session.PageSummary && !commands[cmd]:
		r.say("Type next and a day to set the next meeting (next 2026-12-03), b to go back, or q to quit.")
	case pg.Kind == session.PageClosing && !commands[cmd]:
		r.say("Nothing needs to be written here; n goes on.")
	case pg.Kind == session.PageContentNote && (cmd == "f" || cmd == "n"):
		return false, r.choosePath(store.PathFull)
	case pg.Kind == session.PageContentNote && cmd == "g":
		return false, r.choosePath(store.PathGentle)
	case cmd == "n":
		return false, r.move(+1)
	case cmd == "b":
		return false, r.move(-1)
	case cmd == "pass" && r.m.CanPass():
		return false, r.togglePass()
	case cmd == "m" && r.m.OnGuideRequest():
		return false, r.togglePrayed()
	case cmd == "m" && pg.Kind == session.PageRequests:
		r.say("Type m and the request's number, for example m 1.")
	case letter == "m" && rest == "" && pg.Kind == session.PageRequests:
		return false, r.markRequest(n)
	case num != nil && pg.Kind == session.PageRevisit && strings.Contains("syxkdl", letter):
		return false, r.revisit(letter, n, num[3])
	case len(cmd) == 1 && strings.Contains("syxkdl", cmd) && pg.Kind == session.PageRevisit:
		r.say("Type the letter and the number, for example s 1, y 2 and how it was answered, or k 3.")
	case num != nil && rest == "" && pg.Kind == session.PageRequests && strings.Contains("exv", letter):
		return r.changeRequest(letter, n)
	case num != nil && rest == "" && pg.Kind == session.PageCommitments && strings.Contains("ex", letter):
		return r.changeCommitment(letter, n)
	case cmd == "a" && pg.Kind == session.PageRequests:
		return r.addRequest()
	case cmd == "a" && pg.Kind == session.PageCommitments:
		return r.addCommitment()
	case commands[cmd] || num != nil && rest == "" && commands[letter]:
		r.say("That command is not used on this page; ? lists the commands.")
	case pg.Kind == session.PageContentNote:
		r.say("Type f for the full guide, or g for the gentler path.")
	default:
		return false, r.addNote(line)
	}
	return false, nil
}

// promptLine is the short reminder of what can be typed on the page.
func (r *run) promptLine() string {
	switch pg := r.m.Page(); {
	case pg.Kind == session.PageContentNote:
		return "f full guide, g gentler path, q quit> "
	case pg.Kind == session.PageRequests:
		return "note, or a add, m N prayed, e N edit, v N private/room, x N delete, n next, b back, q quit> "
	case pg.Kind == session.PageCommitments:
		return "note, or a add a commitment, e N edit, x N delete, n next, b back, q quit> "
	case pg.Kind == session.PageRevisit:
		var what []string
		if len(r.m.Carry.Requests) > 0 {
			what = append(what, "s N still praying, y N [how] answered, x N archive")
		}
		if len(r.m.Carry.Commitments) > 0 {
			what = append(what, "k N kept going, d N done, l N let go")
		}
		return "note, or " + strings.Join(append(what, "n next, b back, q quit> "), ", ")
	case pg.Kind == session.PageSummary:
		return "next DATE sets the next meeting (next none clears it), b back, q quit> "
	case pg.Kind == session.PageClosing:
		return "n next, b back, h help, q quit> "
	case pg.Kind == session.PageCheckIn:
		return "a note if you like, or n next, b back, h help, q quit> "
	case r.m.Page().Headline:
		return "r read its text, note, or m mark prayed, n next, b back, p pause, q quit> "
	case r.m.CanPass():
		return "response, or pass, n next, b back, p pause, q quit> "
	case r.m.OnGuideRequest():
		return "note, or m mark prayed, n next, b back, p pause, q quit> "
	}
	return "note, or n next, b back, p pause, q quit> "
}

// commandHelp lists the commands of plain mode.
const commandHelp = `Commands: type one and press enter.
  n  next page
  b  back
  r  read this page again
  p  pause: a calm line with nothing of the guide on it
  h  help and report: who to call
  pass  on a reflection prompt: pass it (nobody has to answer)
  q  quit; everything is already saved
  ?  this list
On the first page: f (or n) the full guide, g the gentler path (straight to reflection and prayer).
On a reflection prompt: pass records that the group passes it (pass again takes that back).
On one of the guide's prayer requests: m marks it prayed, or not. On the gentler path, a request whose details describe abuse shows its headline only: r reads its text.
On the group's requests: a adds one; m and a number (m 2) marks that one prayed, or not; e 2 edits it; v 2 makes it private, or for the room; x 2 deletes it (after asking).
On the commitments: a adds one; e 2 edits one; x 2 deletes it (after asking).
On what earlier meetings left open, by number: for a request, s 1 still praying, y 1 answered (a line on how may follow: y 1 she is well), x 1 archive; for a commitment from last time, k 3 kept going, d 3 done, l 3 let go. The same command again takes it back.
At the end come a closing, a check-in with the help resources (its note is optional) and, for a group, the leader's debrief: who may need a follow-up, a note only the leader sees, shown again at the start of the group's next meeting.
On the summary: next and a day (next 2026-12-03, next 3 December) sets the day of the next meeting, which the exports end with; next none clears it.
Anything else you type is the note for the page, added as a new line and saved at once. An empty line does nothing.
`

// markRequest marks the group's request number n (as listed) prayed, or
// not.
func (r *run) markRequest(n int) error {
	list := r.m.RequestsIn(session.Leader)
	if n < 1 || n > len(list) {
		r.say("There is no request %d; the list has %d.", n, len(list))
		return nil
	}
	id := list[n-1].ID
	if err := r.apply(r.m.ToggleRequestPrayed(id)); err != nil {
		return err
	}
	if req, _ := r.m.Request(id); req.Prayed {
		r.say("Request %d marked prayed.", n)
	} else {
		r.say("Request %d marked not yet prayed.", n)
	}
	return nil
}

// itemAnswer is what an add form was told.
type itemAnswer struct {
	text, name string
	// ended is set when the input ended in the form after the text: the
	// item is added, and plain mode then stops.
	ended bool
}

// askItem asks an add form's first questions: the item's text (prompt),
// then an optional name. It returns nil when there is nothing to add: the
// text was left empty (it says so), or the input ended at the text (done).
func (r *run) askItem(prompt string) (a *itemAnswer, done bool, err error) {
	text, ok, err := r.ask(prompt)
	if err != nil || !ok {
		done, err = r.endInForm(err)
		return nil, done, err
	}
	if text == "" {
		r.say("Nothing added.")
		return nil, false, nil
	}
	name, ok, err := r.ask("Name (optional): ")
	if err != nil {
		return nil, true, err
	}
	return &itemAnswer{text: text, name: name, ended: !ok}, false, nil
}

// added saves what an add form made, or says why nothing was added (err),
// then says what was added; when the input ended in the form, plain mode
// stops.
func (r *run) added(a *itemAnswer, cs []store.Change, err error, said string) (done bool, _ error) {
	if err != nil {
		r.say("%s Nothing added.", err)
		return a.ended, nil
	}
	if err := r.apply(cs); err != nil {
		return a.ended, nil // said, and kept in a recovery file
	}
	r.say("%s", said)
	if a.ended {
		return true, r.stop()
	}
	return false, nil
}

// addRequest asks for a request of the group, who asked, and whether it is
// private, and saves it. When the input ends before the last question, the
// request is kept private: nothing told in confidence is shared by default.
func (r *run) addRequest() (done bool, err error) {
	a, done, err := r.askItem("Request: ")
	if a == nil {
		return done, err
	}
	private := true
	if !a.ended {
		ans, ok, err := r.ask("Private? (y/N): ")
		if err != nil {
			return true, err
		}
		a.ended, private = !ok, !ok || yes(ans)
	}
	req, cs, err := r.m.AddRequestChecked(a.text, a.name, private, r.now())
	return r.added(a, cs, err, fmt.Sprintf("Added request %d: %s", len(r.m.RequestsIn(session.Leader)), requestLine(req)))
}

// addCommitment asks for a next step someone takes on, and who, and saves
// it.
func (r *run) addCommitment() (done bool, err error) {
	a, done, err := r.askItem("Commitment: ")
	if a == nil {
		return done, err
	}
	c, cs, err := r.m.AddCommitmentChecked(a.text, a.name, r.now())
	return r.added(a, cs, err, fmt.Sprintf("Added commitment %d: %s", len(r.m.Rec.Commitments), itemLine(c.Text, c.Name)))
}

// endInForm ends plain mode when the input ends at the first question of
// a form: nothing was typed, so nothing is added.
func (r *run) endInForm(err error) (bool, error) {
	if err != nil {
		return true, err
	}
	return true, r.stop()
}

// requestLine is one of the group's requests as a line: plain mode has one
// reader, the leader, so private requests show, marked.
func requestLine(req store.Request) string {
	s := itemLine(req.Text, req.Name)
	if req.Private {
		s += " [private]"
	}
	if req.Prayed {
		s += " [prayed]"
	}
	return s
}

func itemLine(text, name string) string {
	name = session.OneLine(name)
	if name != "" {
		return fmt.Sprintf("%s (%s)", text, name)
	}
	return text
}

// nextMeeting sets the day of the next meeting from what was typed after
// "next"; "none" clears it.
func (r *run) nextMeeting(typed string) error {
	var day time.Time
	if !strings.EqualFold(typed, "none") {
		var err error
		if day, err = session.ParseMeetingDate(typed, r.now()); err != nil {
			r.say("%s", session.Sentence(err.Error()))
			return nil
		}
	}
	if err := r.apply(r.m.SetNextMeeting(day)); err != nil {
		return err
	}
	if day.IsZero() {
		r.say("No next meeting is set.")
	} else {
		r.say("Next meeting: %s. The exports end with it.", session.MeetingDate(day, session.Leader))
	}
	return nil
}
