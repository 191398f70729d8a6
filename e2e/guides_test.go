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
// broken files report every problem as file:line: message and exit 1.
func TestGuideCheck(t *testing.T) {
	env := freshHome(t)
	out, err := vigilCmd(env, "guide", "check", "../guides/template.md", "testdata/street-prayer.md").CombinedOutput()
	if err != nil {
		t.Fatalf("check of good guides failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "../guides/template.md: ok") || !strings.Contains(string(out), "street-prayer.md: ok") {
		t.Errorf("output:\n%s", out)
	}
	broken := filepath.Join(t.TempDir(), "broken.md")
	os.WriteFile(broken, []byte("---\nid: Bad ID\ntitle: x\nsource: s\nattribution: a\ncontent_note: c\ncolour: red\n---\n\n# Q\n<!-- part: sermon -->\n\n## A\n\nb\n"), 0o600)
	c := vigilCmd(env, "guide", "check", broken)
	out, err = c.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("check of a broken guide: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Errorf("want every problem, got:\n%s", out)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, broken+":") {
			t.Errorf("not file:line: message: %q", l)
		}
	}
	for _, want := range []string{broken + ":2:", broken + ":7:", broken + ":11:"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no problem at %s in:\n%s", want, out)
		}
	}
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

	out, err := vigilCmd(env, "guides").CombinedOutput()
	if err == nil {
		t.Errorf("a broken guide file should make vigil guides exit non-zero:\n%s", out)
	}
	s := string(out)
	for _, want := range []string{"street-prayer", "Praying for Our Street", "(our copy)", "replaces the built-in guide", "broken.md:1:"} {
		if !strings.Contains(s, want) {
			t.Errorf("vigil guides lacks %q:\n%s", want, s)
		}
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
	tm.walkTo("Which neighbour comes to mind first tonight?")
	tm.keys("Enter")
	tm.typeText("the family at number 9")
	tm.keys("Escape")
	tm.waitFor("✓ saved", wait)
	s := tm.walkTo("What the group captured")
	if !strings.Contains(s, "the family at number 9") {
		t.Errorf("the summary lacks the response:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("[exited] 0", wait)

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
	tm.keys("q")
	tm.waitFor("[exited] 0", wait)
}
