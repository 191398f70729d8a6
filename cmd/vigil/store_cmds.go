package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

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
		Long: `Check the notes database for damage (bbolt's consistency check) and
report its schema version, size, number of sessions and last automatic
backup. Exits non-zero when something is wrong.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stats, err := store.Doctor(o.dbPath(), lockTimeout)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "database:    %s\n", stats.Path)
			fmt.Fprintf(out, "check:       ok\n")
			fmt.Fprintf(out, "schema:      %d (this vigil writes %d)\n", stats.Schema, store.SchemaVersion)
			fmt.Fprintf(out, "size:        %d bytes\n", stats.Size)
			fmt.Fprintf(out, "sessions:    %d\n", stats.Sessions)
			if stats.LastBackup.IsZero() {
				fmt.Fprintf(out, "last backup: none yet\n")
			} else {
				fmt.Fprintf(out, "last backup: %s (%s)\n", stats.LastBackup.Local().Format("2006-01-02"), stats.LastBackupPath)
			}
			return nil
		},
	}
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
			if err != nil {
				return err
			}
			if !yes {
				fmt.Fprintf(cmd.OutOrStdout(), "Delete session %d (%s, %s) and all %d notes in it? This cannot be undone. [y/N] ",
					id, rec.Session.Created.Local().Format("2006-01-02"), rec.Session.GuideTitle, len(rec.Notes))
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
