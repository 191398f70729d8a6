package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"vigil/guides"
)

func newGuidesCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "guides",
		Short: "List the guides vigil can use, and where each comes from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib := library(o)
			out := cmd.OutOrStdout()
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTITLE\tSOURCE\tPARTS\tMINUTES\tFROM")
			for _, g := range lib.Guides {
				from := g.Origin
				if from == guides.OriginEmbedded {
					from = "built in"
				}
				if by, ok := lib.Shadowed[g.Meta.ID]; ok {
					from = by + " (replaces the built-in guide)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", g.Meta.ID, g.Meta.Title, g.Meta.Source, len(g.Parts), g.TotalMinutes(), from)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			for _, err := range lib.Broken {
				fmt.Fprintf(cmd.ErrOrStderr(), "error: %v\n", err)
			}
			if len(lib.Broken) > 0 {
				return exitCode(1)
			}
			return nil
		},
	}
}
