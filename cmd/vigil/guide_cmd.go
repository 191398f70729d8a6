package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"vigil/guides"
)

func newGuideCmd(o *options) *cobra.Command {
	guide := &cobra.Command{
		Use:   "guide",
		Short: "Check a guide file, or show a guide",
		Long: `Work with guide files. A guide is Markdown with YAML front matter;
guides/FORMAT.md in vigil's source describes the format, and
guides/template.md is a skeleton to copy.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	guide.AddCommand(newGuideCheckCmd(), newGuideShowCmd(o))
	return guide
}

func newGuideCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Check guide files and report every problem as file:line: message",
		Long: `Check guide files. Every problem of every file is reported, one a line,
as file:line: message; a good file is reported as "FILE: ok". The exit
status is 1 when any file has a problem.`,
		Example: "  vigil guide check my-guide.md\n  vigil guide check guides/*.md",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bad := false
			for _, path := range args {
				_, err := guides.ReadFile(path)
				var ps guides.Problems
				switch {
				case err == nil:
					fmt.Fprintf(cmd.OutOrStdout(), "%s: ok\n", path)
				case errors.As(err, &ps):
					bad = true
					for _, p := range ps {
						fmt.Fprintln(cmd.OutOrStdout(), p.Error())
					}
				default:
					bad = true
					fmt.Fprintf(cmd.OutOrStdout(), "%s: %v\n", path, err)
				}
			}
			if bad {
				return exitCode(1)
			}
			return nil
		},
	}
}

func newGuideShowCmd(o *options) *cobra.Command {
	var plain bool
	var width int
	c := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Print a guide, rendered for the terminal (or as plain Markdown)",
		Long: `Print a whole guide: its content note, then every part. In a terminal it
is rendered (like glow); with --plain, or when the output is not a
terminal, it is plain Markdown. The notes for the leader are left out: they
are for the leader's view only.`,
		Example: "  vigil guide show cybersex-trafficking-faqs\n  vigil guide show my-guide.md --plain | less",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := library(o).Find(args[0])
			if err != nil {
				return err
			}
			md := guideMarkdown(g)
			tty := term.IsTerminal(int(os.Stdout.Fd()))
			if plain || !tty {
				_, err := fmt.Fprint(cmd.OutOrStdout(), md)
				return err
			}
			if width <= 0 {
				width = 80
				if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 20 {
					width = min(w, 120)
				}
			}
			setBackground(o)
			out, err := guides.Render(md, width, glamourStyle(o))
			if err != nil {
				return fmt.Errorf("the guide could not be rendered (%v); try --plain", err)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), out)
			return err
		},
	}
	c.Flags().BoolVar(&plain, "plain", false, "plain Markdown, not rendered")
	c.Flags().IntVar(&width, "width", 0, "wrap at N columns (default: the terminal's width, at most 120)")
	return c
}

// guideMarkdown is a guide as a reader sees it: title, source, content
// note, then the parts with their sections and prompts. It is built from
// the parsed guide, not the file, so the front matter and the notes for
// the leader stay out.
func guideMarkdown(g *guides.Guide) string {
	var b strings.Builder
	m := g.Meta
	fmt.Fprintf(&b, "# %s\n\n", m.Title)
	fmt.Fprintf(&b, "*%s*\n\n", m.Source)
	if m.Attribution != "" {
		fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(m.Attribution))
	}
	if m.Edited != "" {
		fmt.Fprintf(&b, "Edited for reading: %s\n\n", strings.TrimSpace(m.Edited))
	}
	fmt.Fprintf(&b, "> **Content note.** %s\n\n", strings.TrimSpace(m.ContentNote))
	for _, p := range g.Parts {
		fmt.Fprintf(&b, "# %s\n\n", p.Title)
		for _, s := range p.Sections {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n", s.Title, strings.TrimSpace(s.Body))
			if len(s.Prompts) > 0 {
				b.WriteString("**Prompts**\n\n")
				for _, q := range s.Prompts {
					fmt.Fprintf(&b, "- %s\n", q)
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}
