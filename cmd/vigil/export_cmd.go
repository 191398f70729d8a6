package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"vigil/export"
	"vigil/session"
	"vigil/store"
)

func newExportCmd(o *options) *cobra.Command {
	var group, format, output string
	var all, redact, force bool
	c := &cobra.Command{
		Use:   "export [SESSION...]",
		Short: "Write notes out as Markdown, JSON, plain text or HTML",
		Long: `Write the notes of sessions out, to hand on or keep: the given sessions,
every session of a group (--group), or all of them (--all); the latest
session when none is named.

Formats: md (Markdown, also readable as plain text), json (everything, for
vigil import on another machine), txt (plain text for an email) and html
(one page that prints as a handout). With -o the format follows the file's
extension unless --format is given.

--redact leaves out what was told in confidence: private requests, the
leader's notes and who was there, and turns every name into "a
participant".

The export goes to the screen unless -o names a file, which is written
readable by you alone and never replaces a file that is there without
--force.`,
		Example: `  vigil export                          the latest session, as Markdown
  vigil export 12 --format txt
  vigil export --group "Thursday group" --redact -o handout.html
  vigil export --all --format json -o vigil-notes.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := export.ParseFormat(format)
			if err != nil {
				return fmt.Errorf("--format: %w", err)
			}
			if ext, ok := export.FormatOfFile(output); ok && !cmd.Flags().Changed("format") {
				f = ext
			}
			picked := 0
			for _, given := range []bool{len(args) > 0, cmd.Flags().Changed("group"), all} {
				if given {
					picked++
				}
			}
			if picked > 1 {
				return errors.New("give session numbers, --group or --all, not more than one of them")
			}
			var want []uint64
			for _, a := range args {
				id, err := parseID(a)
				if err != nil {
					return err
				}
				want = append(want, id)
			}
			st, err := openStore(o)
			if err != nil {
				return err
			}
			defer st.Close()
			ids, err := exportIDs(st, want, group, cmd.Flags().Changed("group"), all)
			if err != nil {
				return err
			}
			// Without --redact the export is the leader's: everything.
			opts := export.Options{Library: library(o), View: session.Leader}
			if redact {
				opts.View = session.Redacted
			}
			if output == "" || output == "-" {
				return export.Write(cmd.OutOrStdout(), st, ids, f, opts)
			}
			if err := export.ToFile(st, ids, f, opts, output, force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s to %s.\n", nSessions(len(ids)), output)
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&group, "group", "", "every session of this group, oldest first")
	fl.BoolVar(&all, "all", false, "every session, oldest first")
	fl.StringVar(&format, "format", "md", "md, json, txt or html")
	fl.BoolVar(&redact, "redact", false, "leave out private requests, leader's notes and names")
	fl.StringVarP(&output, "output", "o", "", "write to this file instead of the screen (- is the screen)")
	fl.BoolVar(&force, "force", false, "replace the -o file if it exists")
	return c
}

// exportIDs picks the sessions to export: those named (each must exist),
// a group's, all, or else the latest.
func exportIDs(st *store.Store, want []uint64, group string, byGroup, all bool) ([]uint64, error) {
	switch {
	case len(want) > 0:
		have, err := st.AllIDs()
		if err != nil {
			return nil, err
		}
		known := make(map[uint64]bool, len(have))
		for _, id := range have {
			known[id] = true
		}
		for _, id := range want {
			if !known[id] {
				return nil, fmt.Errorf("there is no session %d; `vigil sessions` lists them", id)
			}
		}
		return want, nil
	case byGroup:
		ids, err := st.GroupIDs(group)
		if err == nil && len(ids) == 0 {
			err = fmt.Errorf("there are no sessions of the group %q; `vigil sessions` lists the groups", group)
		}
		return ids, err
	case all:
		ids, err := st.AllIDs()
		if err == nil && len(ids) == 0 {
			err = errors.New("there are no sessions to export yet; start one with `vigil new`")
		}
		return ids, err
	}
	latest, err := st.Latest()
	if errors.Is(err, store.ErrNotFound) {
		return nil, errors.New("there are no sessions to export yet; start one with `vigil new`")
	}
	if err != nil {
		return nil, err
	}
	return []uint64{latest.ID}, nil
}

func newImportCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.json",
		Short: "Add the sessions of a JSON export to the notes database",
		Long: `Add the sessions of a file written by vigil export --format json, all in
one go. Sessions already here are left as they are, so importing the same
file twice adds nothing. A file vigil cannot read whole changes nothing.`,
		Example: "  vigil import vigil-notes.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			// Look before opening the database, which a typo should not create.
			if fi, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("there is no file %s; check the path", path)
			} else if err == nil && fi.IsDir() {
				return fmt.Errorf("the path %s is a folder; give the path of a file written by vigil export --format json", path)
			}
			st, err := openStore(o)
			if err != nil {
				return err
			}
			defer st.Close()
			added, skipped, err := export.ImportFile(st, path)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), importReport(path, added, skipped))
			return nil
		},
	}
}

// importReport says what an import did, in one sentence.
func importReport(path string, added, skipped int) string {
	switch {
	case added == 0 && skipped == 0:
		return fmt.Sprintf("The file %s holds no sessions; nothing was imported.", path)
	case added == 0 && skipped == 1:
		return fmt.Sprintf("Nothing new in %s: its session is already here.", path)
	case added == 0:
		return fmt.Sprintf("Nothing new in %s: its %d sessions are already here.", path, skipped)
	case skipped == 0:
		return fmt.Sprintf("Imported %s from %s.", nSessions(added), path)
	case skipped == 1:
		return fmt.Sprintf("Imported %s from %s; 1 was already here and was left as it was.", nSessions(added), path)
	}
	return fmt.Sprintf("Imported %s from %s; %d were already here and were left as they were.", nSessions(added), path, skipped)
}

// nSessions says "1 session" or "3 sessions".
func nSessions(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}
