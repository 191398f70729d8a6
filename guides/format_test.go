package guides

import (
	"os"
	"strings"
	"testing"
)

// TestTemplatePasses checks that the skeleton authors copy is a valid guide.
func TestTemplatePasses(t *testing.T) {
	data, err := os.ReadFile("template.md")
	if err != nil {
		t.Fatal(err)
	}
	if ps := Check("template.md", data); ps != nil {
		t.Errorf("template.md has problems:\n%v", ps)
	}
}

// TestFormatExamplePasses checks the complete example in FORMAT.md, the
// block fenced with ````markdown.
func TestFormatExamplePasses(t *testing.T) {
	data, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "\n````markdown\n")
	example, _, closed := strings.Cut(rest, "\n````")
	if !ok || !closed {
		t.Fatal("FORMAT.md has no ````markdown example")
	}
	g, err := Parse("FORMAT.md example", []byte(example+"\n"))
	if err != nil {
		t.Fatalf("the example in FORMAT.md has problems:\n%v", err)
	}
	if len(g.Parts) != len(Kinds) || len(g.Meta.Resources) != 1 {
		t.Errorf("the example should show every part kind and a resource: %d parts", len(g.Parts))
	}
}

// TestFormatNamesEveryField keeps FORMAT.md in step with the fields the
// checker knows.
func TestFormatNamesEveryField(t *testing.T) {
	data, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range metaFields {
		if !strings.Contains(string(data), "| `"+f+"` |") {
			t.Errorf("FORMAT.md does not describe the field %s", f)
		}
	}
	for _, f := range append(append([]string{}, groupFields...), resourceFields...) {
		if !strings.Contains(string(data), "`"+f+"`") && !strings.Contains(string(data), "`items[]."+f+"`") {
			t.Errorf("FORMAT.md does not describe the resource field %s", f)
		}
	}
}
