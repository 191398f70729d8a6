package e2e

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"vigil/store"
)

// complete runs `vigil __complete args...` (what the shell scripts call)
// and returns the suggestions, one a line, without cobra's trailing
// directive line. It fails when stdout carries anything but suggestions.
func complete(t *testing.T, env map[string]string, args ...string) []string {
	t.Helper()
	c := vigilCmd(env, append([]string{"__complete"}, args...)...)
	out, err := c.Output()
	if err != nil {
		t.Fatalf("vigil __complete %q: %v\n%s", args, err, out)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, ":") {
		t.Fatalf("vigil __complete %q: no directive line at the end:\n%s", args, out)
	}
	return lines[:len(lines)-1]
}

// ids are the values of suggestions, without their descriptions.
func ids(suggestions []string) []string {
	out := make([]string, len(suggestions))
	for i, s := range suggestions {
		out[i], _, _ = strings.Cut(s, "\t")
	}
	return out
}

// TestCompletion: the shell completes session IDs from the database (newest
// first, with a clean description), guide IDs, and the completion command
// itself is there with help.
func TestCompletion(t *testing.T) {
	env := freshHome(t)

	// No database yet: nothing to offer, and completion does not make one.
	if got := complete(t, env, "resume", ""); len(got) != 0 {
		t.Errorf("with no database, resume completes to %q", got)
	}
	if _, err := os.Stat(dbOf(env)); err == nil {
		t.Errorf("completion created the database %s", dbOf(env))
	}

	st, err := store.Open(dbOf(env), store.Options{Timeout: time.Second, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	first, err := st.CreateSession(store.Session{GuideID: "cybersex-trafficking-faqs", GuideTitle: "Cybersex Trafficking FAQs", Group: "Tuesday"})
	if err != nil {
		t.Fatal(err)
	}
	// A name with a bidi override, a bell and a line break must reach the shell
	// as one clean line.
	second, err := st.CreateSession(store.Session{GuideID: "cybersex-trafficking-faqs", GuideTitle: "Cybersex Trafficking FAQs", Group: "Thurs\u202eday\x07\ngroup"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	one, two := itoa(first.ID), itoa(second.ID)

	for _, cmd := range [][]string{{"resume", ""}, {"sessions", "delete", ""}, {"export", ""}} {
		got := complete(t, env, cmd...)
		if want := []string{two, one}; strings.Join(ids(got), ",") != strings.Join(want, ",") {
			t.Errorf("%q completes to %q, want the sessions %v, newest first", cmd, got, want)
		}
		for _, s := range got {
			if strings.ContainsAny(s, "\x07\r\u202e") || strings.Count(s, "\t") != 1 {
				t.Errorf("%q: suggestion %q is not one clean line with one description", cmd, s)
			}
		}
		if len(got) == 2 && !strings.Contains(got[0], "Thursday group") {
			t.Errorf("%q: the newest session's description %q lacks its group", cmd, got[0])
		}
	}
	// resume and delete take one session; export takes more, but not twice.
	if got := complete(t, env, "resume", one, ""); len(got) != 0 {
		t.Errorf("resume %s completes a second session: %q", one, got)
	}
	if got := ids(complete(t, env, "export", one, "")); len(got) != 1 || got[0] != two {
		t.Errorf("export %s completes to %q, want only %s", one, got, two)
	}

	for _, cmd := range [][]string{{"new", "--guide", ""}, {"guide", "show", ""}} {
		got := ids(complete(t, env, cmd...))
		if len(got) == 0 || got[0] != "cybersex-trafficking-faqs" {
			t.Errorf("%q completes to %q, want the seed guide", cmd, got)
		}
	}

	for _, sh := range []string{"bash", "zsh", "fish"} {
		out, err := vigilCmd(env, "completion", sh).Output()
		if err != nil || !strings.Contains(string(out), "vigil") || !strings.Contains(string(out), "__complete") {
			t.Errorf("vigil completion %s: %v\n%.300s", sh, err, out)
		}
	}
	help, err := vigilCmd(env, "--help").Output()
	if err != nil || !strings.Contains(string(help), "completion ") {
		t.Errorf("vigil --help does not list the completion command: %v\n%s", err, help)
	}
	if out, err := vigilCmd(env, "completion", "--help").Output(); err != nil || !strings.Contains(string(out), "bash") {
		t.Errorf("vigil completion --help: %v\n%s", err, out)
	}
}

// TestVersionFlag: `vigil --version` says what `vigil version` says.
func TestVersionFlag(t *testing.T) {
	env := freshHome(t)
	flag, err := vigilCmd(env, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	cmd, err := vigilCmd(env, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(flag) != string(cmd) || !strings.HasPrefix(string(flag), "vigil ") {
		t.Errorf("vigil --version says %q, vigil version says %q", flag, cmd)
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
