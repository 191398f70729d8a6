package session

import "vigil/guides"

// Lines every help screen shows, whatever the guide carries. They name no
// number on purpose: emergency numbers differ by country.
const (
	EmergencyLine = "In immediate danger, call local emergency services."
	PainfulLine   = "If this guide stirred something painful, talk to someone you trust or a counsellor."
)

// Help is a guide's help and report resources as every front end shows
// them: the two lines every guide gets, then the guide's own resources,
// word for word, grouped by need in the guide's order, and when they were
// checked.
type Help struct {
	Lines   []string // EmergencyLine, PainfulLine
	Groups  []HelpGroup
	Checked string // "Numbers and addresses checked on …", or ""
	None    string // said when the guide lists no resources, else ""
}

// HelpGroup is the resources for one need.
type HelpGroup struct {
	Need  string
	Items []HelpItem
}

// HelpItem is one resource: its name (with who runs it), its ways in, in
// one fixed order, and who it is for.
type HelpItem struct {
	Name   string
	Fields []Fact // Phone, Text, TTY, Web: those it has, in that order
	For    string
}

// HelpOf lays out a guide's resources; g may be nil.
func HelpOf(g *guides.Guide) Help {
	h := Help{Lines: []string{EmergencyLine, PainfulLine}}
	if g == nil || len(g.Meta.Resources) == 0 {
		h.None = "This guide lists no other resources."
		return h
	}
	for _, grp := range g.Meta.Resources {
		hg := HelpGroup{Need: OneLine(grp.Need)}
		for _, r := range grp.Items {
			name := r.Name
			if r.By != "" {
				name += " (" + r.By + ")"
			}
			it := HelpItem{Name: OneLine(name), For: OneLine(r.For)}
			for _, f := range []Fact{{"Phone", r.Phone}, {"Text", r.Text}, {"TTY", r.TTY}, {"Web", r.Web}} {
				if f.Value != "" {
					it.Fields = append(it.Fields, Fact{f.Label, OneLine(f.Value)})
				}
			}
			hg.Items = append(hg.Items, it)
		}
		h.Groups = append(h.Groups, hg)
	}
	if g.Meta.ResourcesChecked != "" {
		h.Checked = "Numbers and addresses checked on " + OneLine(g.Meta.ResourcesChecked) + ". They can change."
	}
	return h
}
