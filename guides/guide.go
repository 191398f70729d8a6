// Package guides reads, validates and holds vigil's prayer guides.
//
// A guide is a Markdown file with YAML front matter. It reads as ordinary
// Markdown in any viewer; vigil reads its structure from the headings. See
// FORMAT.md for the format written for guide authors.
package guides

// Kind names what a part of a guide is for. The order of a guide's parts is
// the order of the file, but every guide uses these kinds only.
type Kind string

// The part kinds a guide may use.
const (
	KindFAQ        Kind = "faq"        // questions and answers: what the issue is
	KindReflection Kind = "reflection" // steps, each with text and prompts
	KindPrayer     Kind = "prayer"     // prayer requests, a headline and a text each
	KindNext       Kind = "next"       // next steps: actions to take
)

// Kinds lists every part kind in the order a guide usually has them.
var Kinds = []Kind{KindFAQ, KindReflection, KindPrayer, KindNext}

// Guide is one parsed, valid guide.
type Guide struct {
	Meta  Meta
	Parts []Part
	// Source is the raw file content, kept so that a session can hold a copy
	// of the exact text it used.
	Source []byte
	// Origin says where the guide came from: "embedded" or a file path.
	Origin string
}

// Meta is the guide's front matter.
type Meta struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Source      string `yaml:"source"`      // where the text comes from (organisation, document)
	Attribution string `yaml:"attribution"` // credit line shown with the guide
	Edited      string `yaml:"edited"`      // what was changed for reading, if anything
	ContentNote string `yaml:"content_note"`
	// LeaderNote is the leader's note on the content note (Markdown): what
	// to say before the guide begins. Shown only in the leader's view.
	LeaderNote string `yaml:"leader_note"`
	// Closing is the guide's own close (Markdown), shown on the closing
	// page before the summary; empty for vigil's own.
	Closing string       `yaml:"closing"`
	Minutes map[Kind]int `yaml:"minutes"` // suggested minutes per part kind
	// Detailed lists part kinds ("faq") or section IDs whose text is detailed
	// about the abuse itself; the gentler path skips them and their screens
	// carry a reminder of how to pause.
	Detailed []string `yaml:"detailed"`
	// Resources are the help and reporting resources the guide carries,
	// grouped by need, and the date they were checked.
	Resources        []ResourceGroup `yaml:"resources"`
	ResourcesChecked string          `yaml:"resources_checked"` // YYYY-MM-DD
}

// ResourceGroup is a set of resources that meet one need.
type ResourceGroup struct {
	Need  string     `yaml:"need"` // for example "Report the online sexual exploitation of a child"
	Items []Resource `yaml:"items"`
}

// Resource is one organisation or line someone can reach. Every field but
// Name and For is optional.
type Resource struct {
	Name  string `yaml:"name"`
	By    string `yaml:"by"` // who runs it, and where
	Web   string `yaml:"web"`
	Phone string `yaml:"phone"`
	Text  string `yaml:"text"`
	TTY   string `yaml:"tty"`
	For   string `yaml:"for"`
}

// Part is one part of a guide: a run of sections of one kind.
type Part struct {
	Kind     Kind
	Title    string // the level-1 heading
	Line     int    // line of the heading in the file
	Sections []Section
}

// Section is one level-2 heading of a part and what follows it.
type Section struct {
	// ID is stable within the guide: the part kind and a slug of the title,
	// for example "faq/what-is-cybersex-trafficking". Notes are keyed by it.
	ID    string
	Title string // the heading text, without Markdown emphasis
	// Body is the section's Markdown, without the heading and without the
	// prompts list of a reflection step.
	Body string
	// Prompts are the reflection prompts (reflection parts only, 1 to 3).
	Prompts []string
	// Leader is the facilitator's note for this section (Markdown), shown
	// only in the leader's view. Empty when the guide has none.
	Leader string
	Line   int // line of the heading in the file
}

// Minutes returns the suggested minutes for a part, or 0 when the guide
// gives none.
func (g *Guide) Minutes(k Kind) int { return g.Meta.Minutes[k] }

// TotalMinutes returns the suggested length of the whole guide: the minutes
// of each part kind the guide has, counted once per kind.
func (g *Guide) TotalMinutes() int {
	total := 0
	seen := map[Kind]bool{}
	for _, p := range g.Parts {
		if !seen[p.Kind] {
			seen[p.Kind] = true
			total += g.Meta.Minutes[p.Kind]
		}
	}
	return total
}

// IsDetailed reports whether the section s, in a part of kind k, is detailed
// about the abuse itself: the guide's detailed list names the kind or the
// section's ID.
func (g *Guide) IsDetailed(s Section, k Kind) bool {
	for _, d := range g.Meta.Detailed {
		if d == string(k) || d == s.ID {
			return true
		}
	}
	return false
}
