package plain

import (
	"errors"
	"fmt"
	"strings"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// choose asks whether to start a new session or resume the latest. It
// returns nil, nil when the person quits or the input ends.
func (r *run) choose() (*session.Opened, error) {
	g := guides.Default()
	if len(r.cfg.Library.Guides) > 0 {
		g = r.cfg.Library.Guides[0]
	}
	latest, err := r.cfg.Store.Latest()
	hasLatest := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	// One line: a title from a guide file or the database may hold line
	// ends, which write would keep.
	prompt := "n start a new session of " + session.OneLine(g.Meta.Title)
	if hasLatest {
		prompt += fmt.Sprintf(", r resume the latest session (%s, %s, page %d of %d)",
			session.OneLine(latest.GuideTitle), latest.Updated.Local().Format("2 January 2006"), latest.Seen, latest.Total)
	}
	prompt += ", q quit> "
	for {
		line, ok, err := r.ask(prompt)
		if err != nil || !ok {
			return nil, err
		}
		switch strings.ToLower(line) {
		case "":
		case "n":
			return session.NewSession(r.cfg.Store, g, session.Start{Now: r.now()})
		case "r":
			if !hasLatest {
				r.say("There is no session to resume yet. Type n to start one.")
				continue
			}
			return session.ResumeStatus(r.cfg.Store, r.cfg.Library, latest.ID)
		case "q":
			return nil, nil
		case "h":
			r.write(helpText(session.HelpOf(g)))
		default:
			r.say("Type n to start a new session, r to resume the latest, or q to quit.")
		}
	}
}
