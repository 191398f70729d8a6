package tui

import (
	"fmt"
	"strings"

	"vigil/guides"
	"vigil/store"
)

// summaryPlain is everything captured in a session, part by part, as plain
// text. Plain mode has one reader, the leader, so private requests and the
// leader's own notes are in it, marked.
func summaryPlain(g *guides.Guide, rec *store.Record) string {
	var b strings.Builder
	b.WriteString("What the group captured\n")
	indented := func(text string) {
		b.WriteString("  " + strings.ReplaceAll(text, "\n", "\n  ") + "\n")
	}
	empty := true
	for _, part := range g.Parts {
		var pb strings.Builder
		for _, sec := range part.Sections {
			labels := map[string]string{sec.ID: sec.Title}
			keys := []string{sec.ID}
			for i := range sec.Prompts {
				k := promptKey(sec.ID, i)
				keys = append(keys, k)
				labels[k] = fmt.Sprintf("%s, prompt %d: %s", sec.Title, i+1, plainInline(sec.Prompts[i]))
			}
			for _, k := range keys {
				if n := rec.Notes[k]; strings.TrimSpace(n.Text) != "" {
					pb.WriteString(labels[k] + "\n  " + strings.ReplaceAll(n.Text, "\n", "\n  ") + "\n")
				}
				if n := rec.Notes[k+leaderSuffix]; strings.TrimSpace(n.Text) != "" {
					pb.WriteString(labels[k] + " (leader's own note)\n  " + strings.ReplaceAll(n.Text, "\n", "\n  ") + "\n")
				}
			}
			if _, ok := rec.Session.Prayed[sec.ID]; ok {
				pb.WriteString("Prayed: " + sec.Title + "\n")
			}
		}
		if pb.Len() > 0 {
			empty = false
			b.WriteString("\n" + part.Title + "\n" + pb.String())
		}
	}
	if n := rec.Notes[keyRequests]; strings.TrimSpace(n.Text) != "" || len(rec.Requests) > 0 {
		empty = false
		b.WriteString("\nThe group's requests\n")
		for _, r := range rec.Requests {
			indented(requestLine(r))
		}
		if strings.TrimSpace(n.Text) != "" {
			b.WriteString("Note\n")
			indented(n.Text)
		}
	}
	if n := rec.Notes[keyCommitments]; strings.TrimSpace(n.Text) != "" || len(rec.Commitments) > 0 {
		empty = false
		b.WriteString("\nCommitments\n")
		for _, c := range rec.Commitments {
			indented(itemLine(c.Text, c.Name))
		}
		if strings.TrimSpace(n.Text) != "" {
			b.WriteString("Note\n")
			indented(n.Text)
		}
	}
	if empty {
		b.WriteString("Nothing was written down in this session.\n")
	}
	return b.String()
}

// resourcesPlain is the help and report text of a guide, as plain text:
// the two lines every guide gets, then its resources word for word, grouped
// by need, and when they were checked.
func resourcesPlain(g *guides.Guide) string {
	var b strings.Builder
	b.WriteString("\nHelp and report\n")
	b.WriteString(emergencyLine + "\n")
	b.WriteString(painfulLine + "\n")
	if g == nil || len(g.Meta.Resources) == 0 {
		b.WriteString("This guide lists no other resources.\n")
		return b.String()
	}
	for _, grp := range g.Meta.Resources {
		b.WriteString("\n" + grp.Need + "\n")
		for _, r := range grp.Items {
			name := r.Name
			if r.By != "" {
				name += " (" + r.By + ")"
			}
			b.WriteString("- " + name + "\n")
			for _, f := range []struct{ label, value string }{
				{"Phone", r.Phone}, {"Text", r.Text}, {"TTY", r.TTY}, {"Web", r.Web},
			} {
				if f.value != "" {
					b.WriteString("  " + f.label + ": " + f.value + "\n")
				}
			}
			b.WriteString("  For: " + r.For + "\n")
		}
	}
	if g.Meta.ResourcesChecked != "" {
		b.WriteString("\nNumbers and addresses checked on " + g.Meta.ResourcesChecked + ". They can change.\n")
	}
	return b.String()
}
