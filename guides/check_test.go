package guides

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckBroken checks that every broken guide in testdata/broken gives
// exactly the problems listed, at exactly these lines, and no others. Each
// want line is the problem without the file name.
func TestCheckBroken(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"alias-and-duplicate.md", []string{
			`:8: YAML aliases (*note) are not supported in a guide; write the value out.`,
			`:9: the field title is given twice in the front matter (first at line 3); keep one.`,
		}},
		{"bad-id.md", []string{
			`:2: the id "Bad_ID" may hold only lowercase letters, digits and dashes; try "bad-id".`,
		}},
		{"bad-yaml.md", []string{
			`:5: the front matter is not valid YAML (found unexpected end of stream); check the indentation, and that each field reads name: value.`,
		}},
		{"closing.md", []string{
			`:7: closing must be text on one line (or a YAML block of text), not a list or a set of fields.`,
			`:9: leader_note must be text on one line (or a YAML block of text), not a list or a set of fields.`,
		}},
		{"content-before.md", []string{
			`:1: the file must start with the --- line that opens the front matter (now at line 3); move or remove what is above it.`,
		}},
		{"detailed.md", []string{
			`:7: detailed names "faqs", which is neither a part kind nor a section of this guide; did you mean "faq"?`,
			`:7: detailed names "faq/what-is-thi", which is neither a part kind nor a section of this guide; did you mean "faq/what-is-this"?`,
		}},
		{"duplicate-section.md", []string{
			`:16: the section "What is this?" has the same ID "faq/what-is-this" as the section at line 12; give one of them a different title.`,
		}},
		{"empty-part.md", []string{
			`:16: the part "Prayer" has no sections; add at least one ## heading under it.`,
			`:19: text under a part heading before its first ## section is not shown by vigil; move it into a section.`,
		}},
		{"escape-sequence.md", []string{
			`:3: U+001B (escape) is not allowed in a guide; remove it.`,
			`:3: U+0007 (bell) is not allowed in a guide; remove it.`,
			`:14: U+001B (escape) is not allowed in a guide; remove it.`,
			`:14: U+0007 (bell) is not allowed in a guide; remove it.`,
			`:16: U+009B (control sequence introducer) is not allowed in a guide; remove it.`,
			`:18: U+202E (right-to-left override) is not allowed in a guide; remove it.`,
			`:18: U+202C (pop directional formatting) is not allowed in a guide; remove it.`,
			`:20: U+000D (carriage return) is not allowed in a guide; remove it.`,
		}},
		{"minutes.md", []string{
			`:8: minutes for faq cannot be negative; give the minutes the part should take, or 0.`,
			`:9: minutes for reflection is 900, more than 600; give the minutes for this part alone.`,
			`:10: minutes for prayer must be a whole number, like 20.`,
			`:11: unknown part kind "closing" in minutes; use one of faq, reflection, prayer, next.`,
		}},
		{"missing-fields.md", []string{
			`:1: the front matter has no attribution; add a line "attribution: ..." with the credit line shown with the guide.`,
			`:1: the front matter has no content_note; add a line "content_note: ..." with a calm sentence or two on what the guide covers, shown before it starts.`,
			`:4: source is empty; write where the text comes from: the organisation and the document.`,
		}},
		{"no-front-matter.md", []string{
			`:1: the guide has no front matter; start the file with a --- line, the fields (id, title, source, attribution, content_note), and another --- line. See FORMAT.md.`,
		}},
		{"no-part-comment.md", []string{
			`:9: the heading "Questions" has no part comment; add a line <!-- part: faq --> under it (the kinds are faq, reflection, prayer, next).`,
		}},
		{"no-parts.md", []string{
			`: the guide has no parts; add a part: a # heading, a line <!-- part: faq --> under it, and ## sections.`,
		}},
		{"not-utf8.md", []string{
			`:14: the file is not valid UTF-8 (the first bad byte is at column 4); save it as UTF-8 text.`,
		}},
		{"prompts-in-faq.md", []string{
			`:16: ### Prompts belongs in a reflection part; vigil does not show prompts in a faq part. Move the list or remove it.`,
			`:20: ### For the leader has nothing under it; write the note or remove the heading.`,
		}},
		{"prompts.md", []string{
			`:12: the reflection step "No prompts" has no prompts; add a ### Prompts heading and 1 to 3 lines starting with "- ".`,
			`:23: a reflection step has 1 to 3 prompts and this one has 4; keep the 3 that matter most, or split the step.`,
			`:29: only a list of prompts, each line starting with "- ", may follow ### Prompts; move this text above the ### Prompts heading.`,
		}},
		{"resources.md", []string{
			`:7: resources_checked must be the date the resources were checked, written YYYY-MM-DD (like 2026-11-26), not "26/11/2026".`,
			`:9: this resource group has no items; add at least one under items:, or remove the group.`,
			`:10: this resource group has no need; add a need: line saying what its resources are for.`,
			`:11: this resource does not say what it is for; add a for: line with a sentence saying so.`,
			`:13: this resource has no name; add a name: line with the name of the organisation or line.`,
			`:15: unknown field "fax" in a resource; use one of name, by, web, phone, text, tty, for.`,
		}},
		{"section-before-part.md", []string{
			`:9: the section "Early section" comes before any part; add a part heading (# Title, then <!-- part: faq -->) above it.`,
		}},
		{"shapes.md", []string{
			`:7: resources_checked must be the date the resources were checked, written YYYY-MM-DD (like 2026-11-26), not "2026-02-30".`,
			`:8: resources must be a list of groups, each with a need and items; see FORMAT.md.`,
			`:9: minutes must be a part kind and a number on each line, like faq: 20.`,
			`:10: edited must be text on one line (or a YAML block of text), not a list or a set of fields.`,
		}},
		{"stray-text.md", []string{
			`:12: text under a part heading before its first ## section is not shown by vigil; move it into a section.`,
			`:18: a part comment belongs on the line after a # heading; move it there or remove it.`,
		}},
		{"unclosed-fence.md", []string{
			":16: this code block is never closed, so everything after it is read as code; add a closing line of ```.",
		}},
		{"unclosed-front-matter.md", []string{
			`:1: the front matter opened here is never closed; add a --- line after its last field.`,
		}},
		{"unknown-field.md", []string{
			`:6: unknown field "atribution" in the front matter; did you mean "attribution"?`,
			`:9: unknown part kind "refelction" in minutes; did you mean "reflection"?`,
		}},
		{"unknown-kind.md", []string{
			`:10: unknown part kind "faqs"; did you mean "faq"?`,
		}},
	}
	files, err := filepath.Glob("testdata/broken/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("testdata/broken has %d guides and the table %d; keep them in step", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/broken", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			ps := Check(tt.file, data)
			var got []string
			for _, p := range ps {
				got = append(got, strings.TrimPrefix(p.Error(), tt.file))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			g, err := Parse(tt.file, data)
			if g != nil || err == nil || err.Error() != ps.Error() {
				t.Errorf("Parse = %v, %v; want nil and the problems Check gives", g, err)
			}
		})
	}
}
