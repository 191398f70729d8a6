package e2e

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyGuide puts a test guide into a guides folder.
func copyGuide(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestGuideCheck: the template and a guide written from FORMAT.md pass;
// two broken files report every problem as file:line: message, exactly,
// and exit 1.
func TestGuideCheck(t *testing.T) {
	env := freshHome(t)
	template, err := filepath.Abs("../guides/template.md")
	if err != nil {
		t.Fatal(err)
	}
	out, err := vigilCmd(env, "guide", "check", template, "testdata/street-prayer.md").CombinedOutput()
	if err != nil {
		t.Fatalf("check of good guides failed: %v\n%s", err, out)
	}
	if string(out) != template+": ok\ntestdata/street-prayer.md: ok\n" {
		t.Errorf("output:\n%s", out)
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "one.md"), []byte("---\nid: Bad ID\ntitle: x\nsource: s\nattribution: a\ncontent_note: c\ncolour: red\n---\n\n# Q\n<!-- part: sermon -->\n\n## A\n\nb\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "two.md"), []byte("---\nid: two\ntitle: Two\nsource: s\nattribution: a\nminutes:\n  reflection: 700\n---\n\n"+
		"# Reflection\n<!-- part: reflection -->\n\n## Quiet\n\n### Prompts\n\n- One?\n- Two?\n- Three?\n- Four?\n\n## Still\n\nNo prompts here.\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "good.md"), []byte(strings.Replace(mustRead(t, "testdata/street-prayer.md"), "id: street-prayer", "id: good", 1)), 0o600)
	c := vigilCmd(env, "guide", "check", "one.md", "good.md", "two.md")
	c.Dir = dir
	var stderr strings.Builder
	c.Stderr = &stderr
	got, err := c.Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("check of broken guides: %v\n%s", err, got)
	}
	want := `one.md:2: the id "Bad ID" may hold only lowercase letters, digits and dashes; try "bad-id".
one.md:7: unknown field "colour" in the front matter; use one of id, title, source, attribution, edited, content_note, leader_note, closing, minutes, detailed, resources, resources_checked.
one.md:11: unknown part kind "sermon"; use one of faq, reflection, prayer, next.
good.md: ok
two.md:1: the front matter has no content_note; add a line "content_note: ..." with a calm sentence or two on what the guide covers, shown before it starts.
two.md:7: minutes for reflection is 700, more than 600; give the minutes for this part alone.
two.md:20: a reflection step has 1 to 3 prompts and this one has 4; keep the 3 that matter most, or split the step.
two.md:22: the reflection step "Still" has no prompts; add a ### Prompts heading and 1 to 3 lines starting with "- ".
`
	if string(got) != want {
		t.Errorf("vigil guide check printed:\n%s\nwant:\n%s", got, want)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %s", stderr.String())
	}

	// A folder stands for its .md files, in name order.
	c = vigilCmd(env, "guide", "check", dir)
	got, _ = c.Output()
	if lines := strings.Split(strings.TrimSpace(string(got)), "\n"); len(lines) != 8 || lines[0] != filepath.Join(dir, "good.md")+": ok" {
		t.Errorf("check of the folder:\n%s", got)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestGuidesListAndShow: vigil guides lists the built-in guide and a
// user's, marks a shadowing guide and shows a broken file as an error
// without hiding the good ones; guide show prints every section without
// the leader's notes.
func TestGuidesListAndShow(t *testing.T) {
	env := freshHome(t)
	dir := filepath.Join(env["XDG_CONFIG_HOME"], "vigil", "guides")
	copyGuide(t, dir, "street-prayer.md")
	os.WriteFile(filepath.Join(dir, "broken.md"), []byte("no front matter\n"), 0o600)
	seed, _ := os.ReadFile("../guides/embedded/cybersex-trafficking-faqs.md")
	shadow := strings.Replace(string(seed), "title: Cybersex Trafficking FAQs", "title: Cybersex Trafficking FAQs (our copy)", 1)
	os.WriteFile(filepath.Join(dir, "ours.md"), []byte(shadow), 0o600)

	c := vigilCmd(env, "guides")
	var stderr strings.Builder
	c.Stderr = &stderr
	out, err := c.Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("a broken guide file should make vigil guides exit 1: %v\n%s", err, out)
	}
	// The good guides are all listed; the broken file is an error.
	s := string(out)
	for _, want := range []string{"street-prayer", "Praying for Our Street", "(our copy)",
		filepath.Join(dir, "ours.md") + " (replaces the built-in guide)", "Your guides folder: " + dir} {
		if !strings.Contains(s, want) {
			t.Errorf("vigil guides lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "broken.md") || strings.Contains(s, "built in") {
		t.Errorf("the list shows the broken file, or the built-in guide it replaced:\n%s", s)
	}
	if !strings.HasPrefix(stderr.String(), filepath.Join(dir, "broken.md")+":1: the guide has no front matter") &&
		!strings.Contains(stderr.String(), "\n"+filepath.Join(dir, "broken.md")+":1: the guide has no front matter") {
		t.Errorf("stderr lacks the broken file's problem as file:line: message:\n%s", stderr.String())
	}

	out, err = vigilCmd(env, "guide", "show", "street-prayer", "--plain").CombinedOutput()
	if err != nil {
		t.Fatalf("guide show: %v\n%s", err, out)
	}
	for _, want := range []string{"Praying for Our Street", "Who are our neighbours?", "Noticing", "Which neighbour comes to mind first tonight?", "Pray for those who live alone.", "This week"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("guide show lacks %q", want)
		}
	}
	if strings.Contains(string(out), "first names only") {
		t.Error("guide show prints the leader's note")
	}
	out, err = vigilCmd(env, "guide", "show", "no-such-guide").CombinedOutput()
	oneSentence(t, out, err, "No guide with id no-such-guide", "vigil guides")
}

// TestRunAGuideWrittenFromTheFormat runs a whole session of a guide written
// only from FORMAT.md, exports it, then changes the guide and resumes.
func TestRunAGuideWrittenFromTheFormat(t *testing.T) {
	env := freshHome(t)
	dir := filepath.Join(env["XDG_CONFIG_HOME"], "vigil", "guides")
	path := copyGuide(t, dir, "street-prayer.md")

	tm := startTerm(t, env, 100, 30, binary, "new", "--guide", "street-prayer")
	tm.waitFor("praying for the people who live near us", wait)
	tm.keys("Right")
	tm.waitFor("Who are our neighbours?", wait)
	tm.nextUntil("Which neighbour comes to mind first tonight?")
	tm.keys("Enter")
	tm.waitFor("esc when done", wait)
	tm.typeText("the family at number 9")
	tm.stopEditing()
	tm.waitFor("✓ saved", wait)
	s := tm.nextUntil("What the group captured")
	if !strings.Contains(s, "the family at number 9") {
		t.Errorf("the summary lacks the response:\n%s", s)
	}
	tm.quit()

	out, err := vigilCmd(env, "export", "--format", "md").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "the family at number 9") || !strings.Contains(string(out), "Noticing") {
		t.Errorf("export: %v\n%s", err, out)
	}

	// The guide changes; the session still opens, as it was held, and says so.
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "Tonight we slow down and notice.", "Tonight we slow down.", 1)), 0o600)
	tm = startTerm(t, env, 100, 30, binary, "resume")
	s = tm.waitFor("has changed since", wait)
	if !strings.Contains(s, "What the group captured") {
		t.Errorf("resume did not open where the session was left:\n%s", s)
	}
	// Back on the step that changed, the text is the one the session used.
	for i := 0; i < 12 && !strings.Contains(tm.screen(), "Tonight we slow down"); i++ {
		tm.prev()
	}
	s = tm.waitFor("Tonight we slow down", wait)
	if !strings.Contains(s, "Tonight we slow down and notice.") {
		t.Errorf("the resumed session shows the changed guide, not the one it used:\n%s", s)
	}
	tm.quit()

	// With the guide file gone, the session still opens from its copy.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	tm = startTerm(t, env, 100, 30, binary, "resume")
	tm.waitFor("no longer installed", wait)
	tm.quit()
}
