package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

// completionTimeout is how long completion waits for a database that
// another vigil holds. A shell waits on completion, so it gives up early and
// offers nothing rather than hang the prompt.
const completionTimeout = 150 * time.Millisecond

// addCompletion adds `vigil --version` and the completion of guide and
// session IDs to cobra's shell completion (`vigil completion
// bash|zsh|fish|powershell`, on by default). It finds the commands on the
// finished tree, so the files that define them need not know about
// completion.
func addCompletion(root *cobra.Command, o *options) {
	root.Version = versionString()
	root.SetVersionTemplate("vigil {{.Version}}\n") // the words of `vigil version`
	// No backquotes in the usage: pflag would take a quoted word for the
	// flag's value name ("--version vigil version").
	root.Flags().BoolP("version", "v", false, "print vigil's version, as vigil version does")

	guideIDs := func(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return completeGuides(o), cobra.ShellCompDirectiveNoFileComp
	}
	if c := findCmd(root, "new"); c != nil {
		_ = c.RegisterFlagCompletionFunc("guide", guideIDs)
	}
	if c := findCmd(root, "guide", "show"); c != nil {
		c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			// A guide file is taken too, so files stay on offer.
			return completeGuides(o), cobra.ShellCompDirectiveDefault
		}
	}

	one := func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeSessions(o, nil), cobra.ShellCompDirectiveNoFileComp
	}
	many := func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return completeSessions(o, args), cobra.ShellCompDirectiveNoFileComp
	}
	if c := findCmd(root, "resume"); c != nil {
		c.ValidArgsFunction = one
	}
	if c := findCmd(root, "sessions", "delete"); c != nil {
		c.ValidArgsFunction = one
	}
	if c := findCmd(root, "export"); c != nil {
		c.ValidArgsFunction = many
	}
}

// findCmd is the command at path under root, or nil when the tree has no
// such command (it has moved or been renamed; completion then just offers
// nothing for it).
func findCmd(root *cobra.Command, path ...string) *cobra.Command {
	c, rest, err := root.Find(path)
	if err != nil || len(rest) > 0 || c == root {
		return nil
	}
	return c
}

// completeGuides lists the usable guides as "id<TAB>title".
func completeGuides(o *options) []cobra.Completion {
	lib := guides.Load(o.guidesDir())
	out := make([]cobra.Completion, 0, len(lib.Guides))
	for _, g := range lib.Guides {
		out = append(out, cobra.CompletionWithDesc(g.Meta.ID, session.OneLine(g.Meta.Title)))
	}
	return out
}

// completeSessions lists the sessions, newest first, as "id<TAB>date, group,
// guide", leaving out those already on the command line. It never creates
// the database, and any error means no suggestions: completion output is
// read by the shell, so nothing else may be written to it.
func completeSessions(o *options, taken []string) []cobra.Completion {
	path := o.dbPath()
	if _, err := os.Stat(path); err != nil {
		return nil // no database yet: nothing to offer, and nothing made
	}
	// Read-only, with a short timeout: completion writes nothing and never
	// waits long on another vigil.
	st, err := store.OpenReadOnly(path, store.Options{Timeout: completionTimeout})
	if err != nil {
		return nil
	}
	defer st.Close()
	list, err := st.Sessions(0)
	if err != nil {
		return nil
	}
	skip := map[string]bool{}
	for _, a := range taken {
		skip[a] = true
	}
	out := make([]cobra.Completion, 0, len(list))
	for _, s := range list {
		id := strconv.FormatUint(s.ID, 10)
		if skip[id] {
			continue
		}
		out = append(out, cobra.CompletionWithDesc(id, sessionDesc(s)))
	}
	return out
}

// sessionDesc is the one-line description a shell shows beside an ID.
func sessionDesc(s store.Session) string {
	parts := []string{s.Created.Local().Format("2006-01-02")}
	for _, p := range []string{s.Group, s.Title, s.GuideTitle} {
		if p = session.OneLine(p); p != "" {
			parts = append(parts, p)
		}
	}
	if s.Total > 0 {
		parts = append(parts, fmt.Sprintf("%d/%d pages", s.Seen, s.Total))
	}
	return strings.Join(parts, ", ")
}
