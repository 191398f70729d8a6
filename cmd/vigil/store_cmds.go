package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"vigil/session"
	"vigil/store"
)

func newBackupCmd(o *options) *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the notes database to FILE",
		Long: `Write a consistent copy of the notes database to FILE (readable by you
alone). An existing FILE is left alone unless you pass --force. While
another vigil has the database open, backup says so rather than wait.`,
		Example: "  vigil backup ~/vigil-backup.db",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := store.BackupFile(o.dbPath(), args[0], force, lockTimeout); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Backed up %s to %s.\n", o.dbPath(), args[0])
			return nil
		},
	}
	c.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return c
}

func newDoctorCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the notes database and say what is in it",
		Long: `Check the notes database for damage (bbolt's consistency check, and every
record read back) and report its schema version, size, number of sessions,
last automatic backup, every damaged record, the copies kept before a
schema upgrade, and any recovery file holding text that could not be saved.
It opens the database read-only and changes nothing. Exits non-zero when
something is damaged.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stats, err := store.Doctor(o.dbPath(), lockTimeout)
			if err != nil && stats.Size == 0 {
				return err // it could not be opened at all
			}
			var damaged *store.DamagedError
			var problems []string
			for _, e := range unjoin(err) {
				if !errors.As(e, &damaged) {
					problems = append(problems, oneLine(e.Error()))
				}
			}
			out := &checkedWriter{w: cmd.OutOrStdout()}
			fmt.Fprintf(out, "database:    %s\n", stats.Path)
			if len(problems) == 0 {
				fmt.Fprintf(out, "check:       ok\n")
			} else {
				fmt.Fprintf(out, "check:       %d problems\n", len(problems))
				for _, p := range problems {
					fmt.Fprintf(out, "  %s\n", p)
				}
			}
			fmt.Fprintf(out, "schema:      %d (this vigil writes %d)\n", stats.Schema, store.SchemaVersion)
			fmt.Fprintf(out, "size:        %d bytes\n", stats.Size)
			fmt.Fprintf(out, "sessions:    %d\n", stats.Sessions)
			if len(stats.Damaged) == 0 {
				fmt.Fprintf(out, "damaged:     none\n")
			} else {
				fmt.Fprintf(out, "damaged:     %d records (export one for rescue with `vigil export ID --raw -o FILE`; remove it with `vigil sessions delete ID`)\n", len(stats.Damaged))
				for _, d := range stats.Damaged {
					fmt.Fprintf(out, "  %s\n", session.OneLine(d.String()))
				}
			}
			if stats.LastBackup.IsZero() {
				fmt.Fprintf(out, "last backup: none yet\n")
			} else {
				fmt.Fprintf(out, "last backup: %s (%s)\n", stats.LastBackup.Local().Format("2006-01-02"), stats.LastBackupPath)
			}
			if stats.BackupProblem != "" {
				fmt.Fprintf(out, "backup problem: %s\n", oneLine(stats.BackupProblem))
			}
			if len(stats.UpgradeCopies) > 0 {
				fmt.Fprintf(out, "upgrade copies: kept before a schema upgrade; they hold old notes, and deleting a session scrubs it from them too\n")
				for _, c := range stats.UpgradeCopies {
					fmt.Fprintf(out, "  %s\n", c)
				}
			}
			if files := session.RecoveryFiles(o.dbPath()); len(files) > 0 {
				fmt.Fprintf(out, "recovery files: text that could not be saved; copy it back into vigil, then delete the file\n")
				for _, f := range files {
					fmt.Fprintf(out, "  %s\n", f)
				}
			}
			if werr := out.result(); werr != nil {
				return werr
			}
			if err != nil {
				what := "the notes database has problems (listed above)"
				if damaged != nil {
					what = damaged.Error()
				}
				fmt.Fprintln(cmd.ErrOrStderr(), "vigil: "+session.Sentence(what))
				return exitCode(1)
			}
			return nil
		},
	}
}

// unjoin splits an errors.Join into its errors.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func newDeleteCmd(o *options) *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:   "delete SESSION",
		Short: "Delete a session and everything typed in it, for good",
		Long: `Delete a session and every note, response, request and commitment in
it. The database file is then compacted so that no copy of the text stays
readable in it. vigil asks first; --yes skips the question.`,
		Example: "  vigil sessions delete 12",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			st, err := openStore(o)
			if err != nil {
				return err
			}
			defer st.Close()
			rec, err := st.Load(id)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("there is no session %d; `vigil sessions` lists them", id)
			}
			damaged := errors.Is(err, store.ErrDamaged)
			if err != nil && !damaged {
				return err
			}
			if !yes {
				if damaged {
					// Its header or notes cannot be read, so there is
					// nothing to describe it by; it can still go.
					fmt.Fprintf(cmd.OutOrStdout(), "Delete session %d, which is damaged (`vigil export %d --raw -o FILE` rescues what is left of it first), and everything in it? This cannot be undone. [y/N] ", id, id)
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "Delete session %d (%s, %s) and all %d notes in it? This cannot be undone. [y/N] ",
						id, rec.Session.Created.Local().Format("2006-01-02"), session.OneLine(rec.Session.GuideTitle), len(rec.Notes))
				}
				answer, _ := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
				if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
					fmt.Fprintln(cmd.OutOrStdout(), "Nothing was deleted.")
					return nil
				}
			}
			if err := st.DeleteSession(id); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Deleted session %d.\n", id)
			return nil
		},
	}
	c.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	return c
}
