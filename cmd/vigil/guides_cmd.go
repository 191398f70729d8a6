package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"vigil/guides"
)

func newGuidesCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "guides",
		Short: "List the guides vigil can use, and where each comes from",
		Long: `List the guides vigil can use: the built-in ones and those in your guides
folder (--guides DIR, or VIGIL_GUIDES; by default ` + defaultGuides() + `).
A guide of yours with the id of a built-in guide takes its place, and the
list says so. A file of yours with problems is listed after the guides as
file:line: message, and the exit status is then 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir := o.guidesDir()
			lib := guides.Load(dir)
			if err := listGuides(cmd.OutOrStdout(), lib, dir); err != nil {
				return err
			}
			if len(lib.Broken) == 0 {
				return nil
			}
			stderr := cmd.ErrOrStderr()
			for _, err := range lib.Broken {
				writeProblems(stderr, err)
			}
			n := "1 guide file has"
			if len(lib.Broken) > 1 {
				n = fmt.Sprintf("%d guide files have", len(lib.Broken))
			}
			fmt.Fprintf(stderr, "vigil: %s problems and cannot be used until they are fixed; the guides above can.\n", n)
			return exitCode(1)
		},
	}
}

// listGuides writes the table of usable guides, and where the user's own
// guides are read from.
func listGuides(out io.Writer, lib guides.Library, dir string) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tSOURCE\tPARTS\tMINUTES\tFROM")
	for _, g := range lib.Guides {
		from := g.Origin
		if from == guides.OriginEmbedded {
			from = "built in"
		}
		if _, ok := lib.Shadowed[g.Meta.ID]; ok {
			from += " (replaces the built-in guide)"
		}
		minutes := "-"
		if m := g.TotalMinutes(); m > 0 {
			minutes = fmt.Sprint(m)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", oneLine(g.Meta.ID), oneLine(g.Meta.Title), oneLine(g.Meta.Source), len(g.Parts), minutes, oneLine(from))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	where := "Your guides folder: " + oneLine(dir)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		where += " (not made yet; put .md guide files there to add them)"
	}
	_, err := fmt.Fprintln(out, "\n"+where)
	return err
}

// writeProblems writes a broken guide's problems one a line, as
// file:line: message.
func writeProblems(w io.Writer, err error) {
	var ps guides.Problems
	if !errors.As(err, &ps) {
		fmt.Fprintln(w, oneLine(err.Error()))
		return
	}
	for _, p := range ps {
		fmt.Fprintln(w, oneLine(p.Error()))
	}
}
