package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"vigil/guides"
	"vigil/session"
)

// newGuideCmd is `vigil guide`: check guide files, and show a guide.
func newGuideCmd(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "guide",
		Short: "Check a guide file, or show a guide in the terminal",
		Long: `Commands for writing and reading guides. A guide is a Markdown file;
guides/FORMAT.md in vigil's source describes the format, and template.md
next to it is a guide to start from.`,
		Example: `  vigil guide check my-guide.md
  vigil guide show cybersex-trafficking-faqs
  vigil guide show my-guide.md --plain > my-guide-for-print.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	c.AddCommand(newGuideCheckCmd(), newGuideShowCmd(o))
	return c
}

func newGuideCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Check guide files and list every problem as file:line: message",
		Long: `Check guide files against the guide format. Every problem of every file is
listed, one a line, as file:line: message (the form editors can jump to);
a good file gets "FILE: ok". A folder stands for every .md file in it.
The exit status is 1 when any file has a problem.`,
		Example: `  vigil guide check my-guide.md
  vigil guide check ~/.config/vigil/guides`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			bad := false
			for _, arg := range args {
				for _, ps := range checkPath(arg) {
					if ps.ok != "" {
						fmt.Fprintln(out, oneLine(ps.ok)+": ok")
						continue
					}
					bad = true
					for _, p := range ps.problems {
						fmt.Fprintln(out, oneLine(p.Error()))
					}
				}
			}
			if bad {
				return exitCode(1)
			}
			return nil
		},
	}
}

// checked is what checking one file found: its name when it is good, else
// its problems.
type checked struct {
	ok       string
	problems guides.Problems
}

// checkPath checks the guide file at path, or every .md file of the folder
// at path, in name order.
func checkPath(path string) []checked {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return []checked{checkFile(path)}
	}
	files, err := filepath.Glob(filepath.Join(path, "*.md"))
	if err != nil || len(files) == 0 {
		return []checked{{problems: guides.Problems{{File: path,
			Msg: "the folder holds no guide files (names ending in .md)."}}}}
	}
	sort.Strings(files)
	out := make([]checked, len(files))
	for i, f := range files {
		out[i] = checkFile(f)
	}
	return out
}

func checkFile(path string) checked {
	_, err := guides.ReadFile(path)
	if err == nil {
		return checked{ok: path}
	}
	var ps guides.Problems
	if !errors.As(err, &ps) {
		ps = guides.Problems{{File: path, Msg: err.Error()}}
	}
	return checked{problems: ps}
}

func newGuideShowCmd(o *options) *cobra.Command {
	var width int
	c := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Print a whole guide, rendered for the terminal",
		Long: `Print a whole guide: its title, content note, source and attribution, then
every part and section with the reflection prompts. The notes for the
leader are left out, so the output can be shared.

In a terminal the guide is rendered with colour (none with --no-color or
NO_COLOR); to a pipe or a file, or with --plain, it is printed as Markdown.`,
		Example: `  vigil guide show cybersex-trafficking-faqs
  vigil guide show my-guide.md --width 72
  vigil guide show my-guide.md --plain > handout.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkTheme(o); err != nil {
				return err
			}
			if cmd.Flags().Changed("width") && width < minShowWidth {
				return fmt.Errorf("--width must be at least %d columns, not %d", minShowWidth, width)
			}
			g, err := library(o).Find(args[0])
			var ps guides.Problems
			if errors.As(err, &ps) {
				for _, p := range ps {
					fmt.Fprintln(cmd.ErrOrStderr(), oneLine(p.Error()))
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "vigil: %s is not a valid guide; fix the problems above and try again.\n", oneLine(args[0]))
				return exitCode(1)
			}
			if err != nil {
				return err
			}
			// Clean: a guide file or an old database may hold escapes.
			md := session.Clean(guideMarkdown(g))
			out := cmd.OutOrStdout()
			tty, cols := terminal(out)
			if o.plain || !tty {
				_, err := io.WriteString(out, md)
				return err
			}
			if width == 0 {
				width = cols
			}
			text, err := guides.Render(md, width, glamourStyle(o))
			if err != nil {
				return fmt.Errorf("the guide could not be rendered (%v); try --plain", err)
			}
			_, err = fmt.Fprintln(out, text)
			return err
		},
	}
	c.Flags().IntVar(&width, "width", 0, fmt.Sprintf("wrap the text at this many columns (default: the terminal's width, at most %d)", maxShowWidth))
	return c
}

// minShowWidth is the narrowest --width: glamour's margins and list
// indents leave almost nothing of a narrower line. (A narrower terminal
// still gets its own width.) maxShowWidth is the
// widest the terminal's width is taken as, since longer lines are hard to
// read; --width may go past it.
const (
	minShowWidth = 20
	maxShowWidth = 120
)

// terminal reports whether w is a terminal, and the width to render for
// it: its columns up to maxShowWidth, or 80 when they cannot be told.
func terminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 80
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil || cols < 1 {
		return true, 80
	}
	return true, min(cols, maxShowWidth)
}

// guideMarkdown is the guide as the group may see it, in Markdown: the
// title, content note, source and attribution, every part and section with
// its prompts, and the help resources. The front matter and the notes for
// the leader are not in it: g.Source holds both, so the text is built from
// the parsed guide instead.
func guideMarkdown(g *guides.Guide) string {
	var b strings.Builder
	m := g.Meta
	fmt.Fprintf(&b, "# %s\n\n", m.Title)
	fmt.Fprintf(&b, "> **Content note.** %s\n\n", oneLine(m.ContentNote))
	fmt.Fprintf(&b, "**Source:** %s\n\n", oneLine(m.Source))
	fmt.Fprintf(&b, "**Attribution:** %s\n\n", oneLine(m.Attribution))
	if m.Edited != "" {
		fmt.Fprintf(&b, "**Edited for reading:** %s\n\n", oneLine(m.Edited))
	}
	for _, p := range g.Parts {
		fmt.Fprintf(&b, "# %s\n\n", p.Title)
		if n := g.Minutes(p.Kind); n > 0 {
			fmt.Fprintf(&b, "*About %d minutes.*\n\n", n)
		}
		for _, s := range p.Sections {
			fmt.Fprintf(&b, "## %s\n\n", s.Title)
			if body := strings.TrimSpace(s.Body); body != "" {
				b.WriteString(body + "\n\n")
			}
			if len(s.Prompts) > 0 {
				b.WriteString("### Prompts\n\n")
				for _, pr := range s.Prompts {
					// A prompt may run over lines; indent them under its bullet.
					fmt.Fprintf(&b, "- %s\n", strings.ReplaceAll(strings.TrimSpace(pr), "\n", "\n  "))
				}
				b.WriteString("\n")
			}
		}
	}
	writeResources(&b, g)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// writeResources adds the guide's help and reporting resources, if any,
// laid out as every front end lays them out (session.HelpOf): grouped by
// need, each resource's ways in in one order (phone, text, TTY, web).
func writeResources(b *strings.Builder, g *guides.Guide) {
	if len(g.Meta.Resources) == 0 {
		return
	}
	h := session.HelpOf(g)
	b.WriteString("# Help and resources\n\n")
	if h.Checked != "" {
		fmt.Fprintf(b, "*%s*\n\n", h.Checked)
	}
	for _, grp := range h.Groups {
		fmt.Fprintf(b, "## %s\n\n", grp.Need)
		for _, it := range grp.Items {
			fmt.Fprintf(b, "- **%s**", it.Name)
			if it.For != "" {
				fmt.Fprintf(b, ": %s", sentenceEnd(it.For))
			}
			// No full stop after an address or number: it would read as
			// part of it.
			var reach []string
			for _, f := range it.Fields {
				reach = append(reach, f.Label+": "+f.Value)
			}
			if len(reach) > 0 {
				b.WriteString(" " + strings.Join(reach, " · "))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
}

// oneLine joins the lines of a front-matter value (YAML's literal style
// keeps them), so that it stays one paragraph of the Markdown, and drops
// any control character (session.OneLine).
func oneLine(s string) string { return session.OneLine(s) }

// sentenceEnd ends s with a full stop unless it ends a sentence already.
func sentenceEnd(s string) string {
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
