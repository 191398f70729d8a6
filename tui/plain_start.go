package tui

import (
	"errors"
	"fmt"
	"strings"

	"vigil/guides"
	"vigil/store"
)

// choose asks whether to start a new session or resume the latest. It
// returns nil, nil when the person quits or the input ends.
func (p *plainRun) choose() (*Opened, error) {
	g := guides.Default()
	if len(p.cfg.Library.Guides) > 0 {
		g = p.cfg.Library.Guides[0]
	}
	latest, err := p.cfg.Store.Latest()
	hasLatest := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	prompt := "n start a new session of " + g.Meta.Title
	if hasLatest {
		prompt += fmt.Sprintf(", r resume the latest session (%s, %s, page %d of %d)",
			latest.GuideTitle, latest.Updated.Local().Format("2 January 2006"), latest.Seen, latest.Total)
	}
	prompt += ", q quit> "
	for {
		line, ok, err := p.ask(prompt)
		if err != nil || !ok {
			return nil, err
		}
		switch strings.ToLower(line) {
		case "":
		case "n":
			return NewSession(p.cfg.Store, g, "", "", p.now())
		case "r":
			if !hasLatest {
				p.say("There is no session to resume yet. Type n to start one.")
				continue
			}
			o, status, err := ResumeStatus(p.cfg.Store, p.cfg.Library, latest.ID)
			if status != "" {
				p.say("%s", status)
			}
			return o, err
		case "q":
			return nil, nil
		case "h":
			p.write(resourcesPlain(g))
		default:
			p.say("Type n to start a new session, r to resume the latest, or q to quit.")
		}
	}
}
