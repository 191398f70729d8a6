package guides

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// The front-matter field names, as written in the file. A test keeps them in
// step with the yaml tags of Meta, ResourceGroup and Resource.
var (
	metaFields     = []string{"id", "title", "source", "attribution", "edited", "content_note", "leader_note", "closing", "minutes", "detailed", "resources", "resources_checked"}
	groupFields    = []string{"need", "items"}
	resourceFields = []string{"name", "by", "web", "phone", "text", "tty", "for"}
)

// maxMinutes is the most minutes a guide may suggest for one part; more is
// surely a slip (a total for the meeting, or seconds).
const maxMinutes = 600

// metaReader decodes the front matter into a Meta, field by field, so that
// every problem carries the line it is on.
type metaReader struct {
	pl   *problemList
	base int // the file line of the opening ---; YAML line n is file line base+n
	meta *Meta
	// keys holds the file line of each top-level field present, and
	// detailed the line of each entry of detailed, for checks made once the
	// whole guide is read.
	keys     map[string]int
	detailed []int
	// broken is set when the front matter is not YAML fields at all; the
	// checks of missing fields would then only repeat that problem.
	broken bool
	// suggested holds the fields that a misspelt field was taken for, so
	// that they are not reported missing as well.
	suggested map[string]bool
}

// read decodes src, the text between the two --- lines.
func (r *metaReader) read(src string) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		line, msg := yamlErrorLine(err.Error())
		r.broken = true
		r.pl.add(r.base+max(line, 1), "the front matter is not valid YAML (%s); check the indentation, and that each field reads name: value.", msg)
		return
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return // empty: the missing fields are reported later
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.broken = true
		r.pl.add(r.line(root), "the front matter must be fields written name: value, one a line.")
		return
	}
	r.mapping(root, "the front matter", "field", metaFields, func(key string, v *yaml.Node) {
		r.keys[key] = r.line(v)
		switch key {
		case "id":
			r.str(v, key, &r.meta.ID)
		case "title":
			r.str(v, key, &r.meta.Title)
		case "source":
			r.str(v, key, &r.meta.Source)
		case "attribution":
			r.str(v, key, &r.meta.Attribution)
		case "edited":
			r.str(v, key, &r.meta.Edited)
		case "content_note":
			r.str(v, key, &r.meta.ContentNote)
		case "leader_note":
			r.str(v, key, &r.meta.LeaderNote)
		case "closing":
			r.str(v, key, &r.meta.Closing)
		case "resources_checked":
			r.checked(v)
		case "minutes":
			r.minutes(v)
		case "detailed":
			r.detailedList(v)
		case "resources":
			r.resources(v)
		}
	})
}

// line returns the file line of a node.
func (r *metaReader) line(n *yaml.Node) int { return r.base + n.Line }

// isNull reports whether a node is empty: `field:` with no value.
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// mapping calls each for every field of a mapping node, after checking that
// the field is known and given once. An alias anywhere is refused: it would
// let a short file expand into a huge one.
func (r *metaReader) mapping(n *yaml.Node, where, what string, known []string, each func(key string, v *yaml.Node)) {
	seen := map[string]int{}
	var unused []string // the known fields n lacks, once an unknown one needs them
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.pl.add(r.line(k), "a field name in %s must be a plain word.", where)
			continue
		}
		if !slices.Contains(known, k.Value) {
			if unused == nil {
				unused = unusedFields(n, known)
			}
			r.pl.add(r.line(k), "unknown %s %q in %s; %s", what, k.Value, where, r.hint(k.Value, unused, known))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			r.pl.add(r.line(k), "the %s %s is given twice in %s (first at line %d); keep one.", what, k.Value, where, first)
			continue
		}
		seen[k.Value] = r.line(k)
		if r.alias(v) {
			continue
		}
		each(k.Value, v)
	}
}

// hint returns "did you mean X?" when an unknown field is close to one of
// the unused fields, and the list of known fields when not.
func (r *metaReader) hint(field string, unused, known []string) string {
	if r.pl.full() {
		return "" // the problem is not listed: spare the edit distances
	}
	if s := suggest(field, unused); s != "" {
		r.suggested[s] = true
		return fmt.Sprintf("did you mean %q?", s)
	}
	return "use one of " + strings.Join(known, ", ") + "."
}

// unusedFields returns the known fields a mapping does not have: a
// misspelt field is never a slip for one the mapping already has.
func unusedFields(n *yaml.Node, known []string) []string {
	unused := []string{}
	for _, name := range known {
		present := false
		for i := 0; i+1 < len(n.Content) && !present; i += 2 {
			present = n.Content[i].Value == name
		}
		if !present {
			unused = append(unused, name)
		}
	}
	return unused
}

// alias reports, and returns true for, an alias node.
func (r *metaReader) alias(n *yaml.Node) bool {
	if n.Kind != yaml.AliasNode {
		return false
	}
	r.pl.add(r.line(n), "YAML aliases (*%s) are not supported in a guide; write the value out.", n.Value)
	return true
}

// str decodes a text field.
func (r *metaReader) str(n *yaml.Node, name string, dst *string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.ScalarNode {
		r.pl.add(r.line(n), "%s must be text on one line (or a YAML block of text), not a list or a set of fields.", name)
		return
	}
	*dst = strings.TrimSpace(n.Value)
}

func (r *metaReader) checked(n *yaml.Node) {
	r.str(n, "resources_checked", &r.meta.ResourcesChecked)
	d := r.meta.ResourcesChecked
	if d == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil || len(d) != len(time.DateOnly) {
		r.pl.add(r.line(n), "resources_checked must be the date the resources were checked, written YYYY-MM-DD (like 2026-11-26), not %q.", d)
	}
}

func (r *metaReader) minutes(n *yaml.Node) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		r.pl.add(r.line(n), "minutes must be a part kind and a number on each line, like faq: 20.")
		return
	}
	r.meta.Minutes = map[Kind]int{}
	r.mapping(n, "minutes", "part kind", kindStrings(), func(key string, v *yaml.Node) {
		m, err := strconv.Atoi(v.Value)
		switch {
		case v.Kind != yaml.ScalarNode || err != nil:
			r.pl.add(r.line(v), "minutes for %s must be a whole number, like 20.", key)
		case m < 0:
			r.pl.add(r.line(v), "minutes for %s cannot be negative; give the minutes the part should take, or 0.", key)
		case m > maxMinutes:
			r.pl.add(r.line(v), "minutes for %s is %d, more than %d; give the minutes for this part alone.", key, m, maxMinutes)
		default:
			r.meta.Minutes[Kind(key)] = m
		}
	})
}

func (r *metaReader) detailedList(n *yaml.Node) {
	if isNull(n) {
		return
	}
	items := n.Content
	if n.Kind == yaml.ScalarNode {
		items = []*yaml.Node{n} // a single entry written without brackets
	} else if n.Kind != yaml.SequenceNode {
		r.pl.add(r.line(n), "detailed must be a list of part kinds or section IDs, like [faq].")
		return
	}
	for _, it := range items {
		if r.alias(it) {
			continue
		}
		if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" {
			r.pl.add(r.line(it), "each entry of detailed must be a part kind (like faq) or a section ID (like faq/what-is-it).")
			continue
		}
		r.meta.Detailed = append(r.meta.Detailed, strings.TrimSpace(it.Value))
		r.detailed = append(r.detailed, r.line(it))
	}
}

func (r *metaReader) resources(n *yaml.Node) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.pl.add(r.line(n), "resources must be a list of groups, each with a need and items; see FORMAT.md.")
		return
	}
	for _, gn := range n.Content {
		if r.alias(gn) {
			continue
		}
		if gn.Kind != yaml.MappingNode {
			r.pl.add(r.line(gn), "each resource group must have a need and items; see FORMAT.md.")
			continue
		}
		var g ResourceGroup
		r.mapping(gn, "a resource group", "field", groupFields, func(key string, v *yaml.Node) {
			if key == "need" {
				r.str(v, "need", &g.Need)
				return
			}
			g.Items = r.items(v)
		})
		if g.Need == "" {
			r.pl.add(r.line(gn), "this resource group has no need; add a need: line saying what its resources are for.")
		}
		if len(g.Items) == 0 {
			r.pl.add(r.line(gn), "this resource group has no items; add at least one under items:, or remove the group.")
		}
		r.meta.Resources = append(r.meta.Resources, g)
	}
}

func (r *metaReader) items(n *yaml.Node) []Resource {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.pl.add(r.line(n), "items must be a list of resources, each starting with \"- name:\".")
		return nil
	}
	var out []Resource
	for _, in := range n.Content {
		if r.alias(in) {
			continue
		}
		if in.Kind != yaml.MappingNode {
			r.pl.add(r.line(in), "each resource must be fields like name:, phone: and for:.")
			continue
		}
		var it Resource
		fields := map[string]*string{"name": &it.Name, "by": &it.By, "web": &it.Web, "phone": &it.Phone, "text": &it.Text, "tty": &it.TTY, "for": &it.For}
		r.mapping(in, "a resource", "field", resourceFields, func(key string, v *yaml.Node) {
			r.str(v, key, fields[key])
		})
		if it.Name == "" {
			r.pl.add(r.line(in), "this resource has no name; add a name: line with the name of the organisation or line.")
		}
		if it.For == "" {
			r.pl.add(r.line(in), "this resource does not say what it is for; add a for: line with a sentence saying so.")
		}
		out = append(out, it)
	}
	return out
}

// yamlErrorLine splits "yaml: line 3: did not find expected key" into 3 and
// the message; the line is 0 when the error names none.
func yamlErrorLine(msg string) (int, string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg
	}
	num, text, ok := strings.Cut(rest, ": ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil {
		return 0, msg
	}
	return n, text
}
