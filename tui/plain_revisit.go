package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"vigil/store"
)

// revisitN is a revisit command with a request's number: "s 2" still
// praying, "y 2 how it was answered" answered, "x 2" archived.
var revisitN = regexp.MustCompile(`(?i)^([syx])\s*(\d+)\s*(.*)$`)

// revisitLines lists the group's requests from earlier meetings, numbered.
func (p *plainRun) revisitLines(line func(string)) {
	line("Requests from earlier meetings")
	uid := p.rec.Session.UID
	for i, c := range p.carry {
		r := c.Request
		state := fmt.Sprintf("open, added %s, prayed in %d session(s)", c.SessionCreated.Local().Format("2006-01-02"), r.TimesPrayed())
		switch {
		case r.Status == store.RequestAnswered:
			state = "answered"
			if r.Answer != "" {
				state += ": " + r.Answer
			}
		case r.Status == store.RequestArchived:
			state = "archived"
		case slices.Contains(r.PrayedIn, uid):
			state = "prayed again tonight"
		}
		line(fmt.Sprintf("%d. %s (%s)", i+1, requestLine(r), state))
	}
}

// revisit acts on "s N", "y N [how]" or "x N" and saves the request in the
// session it was made in.
func (p *plainRun) revisit(cmd, original string) error {
	m := revisitN.FindStringSubmatch(cmd)
	n, _ := strconv.Atoi(m[2])
	if n < 1 || n > len(p.carry) {
		p.say("There is no request %d; the list has %d.", n, len(p.carry))
		return nil
	}
	item := &p.carry[n-1]
	r := item.Request
	uid := p.rec.Session.UID
	switch strings.ToLower(m[1]) {
	case "s":
		if i := slices.Index(r.PrayedIn, uid); i >= 0 {
			r.PrayedIn = slices.Delete(slices.Clone(r.PrayedIn), i, i+1)
		} else {
			r.PrayedIn = append(slices.Clone(r.PrayedIn), uid)
		}
	case "y":
		// The answer keeps the case it was typed in.
		how := strings.TrimSpace(revisitN.FindStringSubmatch(strings.TrimSpace(original))[3])
		r.Status, r.Answer, r.ClosedAt = store.RequestAnswered, how, p.now()
	case "x":
		r.Status, r.ClosedAt = store.RequestArchived, p.now()
	}
	if err := p.cfg.Store.Apply(store.Change{SessionID: item.SessionID, Requests: []store.Request{r}}); err != nil {
		return fmt.Errorf("the change to request %d was not saved (%w)", n, err)
	}
	item.Request = r
	p.say("saved.")
	return nil
}
