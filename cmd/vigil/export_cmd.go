package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"vigil/export"
	"vigil/session"
	"vigil/store"
)

func newExportCmd(o *options) *cobra.Command {
	var group, format, output string
	var all, redact, force, raw bool
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

--redact is for handing on: it leaves out private requests, the leader's
notes and who was there, and replaces, in everything typed, the names the
session knows ("a participant"), the group's name and the title, phone
numbers, e-mail, web and street addresses, and exact dates. It replaces
only what it recognises: read a redacted export before passing it on.

The export goes to the screen unless -o names a file, which is written
readable by you alone and never replaces a file that is there without
--force.

The database is opened read-only. A damaged session is left out, named on
stderr, and the exit status is then 1; the others are exported whole.
--raw writes one session's records exactly as stored (JSON, with bytes
that are not text as base64) to the -o file, to rescue what is left of a
damaged session by hand; nothing in it is checked or cleaned.`,
		Example: `  vigil export                          the latest session, as Markdown
  vigil export 3 --raw -o session-3-rescue.json
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
			if raw && (len(want) != 1 || output == "" || output == "-") {
				return errors.New("--raw takes one session number and -o FILE: the raw records are written to a file, never to the screen")
			}
			st, err := openReadStore(o)
			if errors.Is(err, fs.ErrNotExist) {
				return errors.New("there are no sessions to export yet; start one with `vigil new`")
			}
			if err != nil {
				return err
			}
			defer st.Close()
			if raw {
				if err := export.RescueToFile(st, want[0], output, force); errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("there is no session %d; `vigil sessions` lists them", want[0])
				} else if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Wrote the raw records of session %d to %s.\n", want[0], output)
				return nil
			}
			ids, err := exportIDs(st, want, group, cmd.Flags().Changed("group"), all)
			if err != nil {
				return err
			}
			// Without --redact the export is the leader's: everything.
			opts := export.Options{Library: library(o), View: session.Leader}
			if redact {
				opts.View = session.Redacted
			}
			var damaged *store.DamagedError
			if output == "" || output == "-" {
				err = export.Write(cmd.OutOrStdout(), st, ids, f, opts)
			} else if err = export.ToFile(st, ids, f, opts, output, force); err == nil || errors.As(err, &damaged) {
				n := len(ids)
				if damaged != nil {
					n -= len(damaged.SessionIDs())
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s to %s.\n", nSessions(n), output)
			}
			if errors.As(err, &damaged) {
				fmt.Fprintf(cmd.ErrOrStderr(), "vigil: %s\n", session.Sentence(damagedExport(damaged)))
				return exitCode(1)
			}
			return err
		},
	}
	fl := c.Flags()
	fl.StringVar(&group, "group", "", "every session of this group, oldest first")
	fl.BoolVar(&all, "all", false, "every session, oldest first")
	fl.StringVar(&format, "format", "md", "md, json, txt or html")
	fl.BoolVar(&redact, "redact", false, "leave out private requests and the leader's notes; replace names, contacts and exact dates")
	fl.StringVarP(&output, "output", "o", "", "write to this file instead of the screen (- is the screen)")
	fl.BoolVar(&force, "force", false, "replace the -o file if it exists")
	fl.BoolVar(&raw, "raw", false, "write one session's records exactly as stored, to rescue a damaged session (needs -o)")
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

// damagedExport says which sessions an export left out, and what to do.
func damagedExport(d *store.DamagedError) string {
	ids := d.SessionIDs()
	if len(ids) == 1 {
		return fmt.Sprintf("session %d is damaged and was left out of the export; `vigil doctor` says more, and `vigil export %d --raw -o FILE` rescues what is left of it", ids[0], ids[0])
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = strconv.FormatUint(id, 10)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	return "sessions " + list + " are damaged and were left out of the export; `vigil doctor` says more, and `vigil export ID --raw -o FILE` rescues what is left of each"
}
