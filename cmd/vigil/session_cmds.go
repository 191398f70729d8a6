package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"vigil/guides"
	"vigil/session"
	"vigil/store"
)

func newNewCmd(o *options) *cobra.Command {
	var guideID, group, title string
	var alone bool
	c := &cobra.Command{
		Use:   "new",
		Short: "Open a new session of a guide",
		Long: `Open the screens straight into a new session. It starts with the guide's
content note; from there you go on with the full guide or take the gentler
path to reflection and prayer. With --alone it is one person's reflection:
one private view, with words that speak to one person.`,
		Example: `  vigil new
  vigil new --group "Thursday group" --title "Week 1"
  vigil new --alone
  vigil new --group "Thursday group" --room`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if alone && cmd.Flags().Changed("group") {
				return errors.New("--alone and --group cannot be used together: a session is one person's reflection or a group's meeting; give one of them")
			}
			if err := checkRoom(cmd, o); err != nil {
				return err
			}
			return runTUI(o, func(st *store.Store, lib guides.Library) (*session.Opened, error) {
				g := guides.Default()
				if guideID != "" {
					var err error
					if g, err = lib.Find(guideID); err != nil {
						return nil, err
					}
				}
				return session.NewSession(st, g, session.Start{Group: group, Title: title, Alone: alone, Now: time.Now()})
			})
		},
	}
	c.Flags().StringVar(&guideID, "guide", "", "id of the guide to use (default: the built-in seed guide; see vigil guides)")
	c.Flags().StringVar(&group, "group", "", "name of the group meeting, if any")
	c.Flags().BoolVar(&alone, "alone", false, "one person's reflection, not a group's meeting")
	c.Flags().StringVar(&title, "title", "", "a title for the session, if you like")
	addRoomFlags(c, o)
	return c
}

func newResumeCmd(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "resume [SESSION]",
		Short: "Open a session where it was left (default: the latest)",
		Example: `  vigil resume
  vigil resume 12
  vigil resume --room`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRoom(cmd, o); err != nil {
				return err
			}
			var id uint64
			if len(args) == 1 {
				var err error
				if id, err = parseID(args[0]); err != nil {
					return err
				}
			}
			return runTUI(o, func(st *store.Store, lib guides.Library) (*session.Opened, error) {
				if id == 0 {
					latest, err := st.Latest()
					if errors.Is(err, store.ErrNotFound) {
						return nil, errors.New("there is no session to resume yet; start one with `vigil new`")
					}
					if err != nil {
						return nil, err
					}
					id = latest.ID
				}
				o, err := session.ResumeStatus(st, lib, id)
				if errors.Is(err, store.ErrNotFound) {
					return nil, fmt.Errorf("there is no session %d; `vigil sessions` lists them", id)
				}
				return o, err
			})
		},
	}
	addRoomFlags(c, o)
	return c
}

func parseID(s string) (uint64, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("%q is not a session number; `vigil sessions` lists them", s)
	}
	return id, nil
}

func newSessionsCmd(o *options) *cobra.Command {
	var limit int
	return &cobra.Command{
		Use:   "sessions",
		Short: "List sessions: id, date, group, guide, progress",
		Long: `List the sessions: id, date, group, guide and progress, newest first. The
database is opened read-only. A session that is damaged is left out of
the list and named on stderr afterwards; ` + "`vigil doctor`" + ` says what is wrong
with it, ` + "`vigil export ID --raw -o FILE`" + ` rescues what is left of it, and
` + "`vigil sessions delete ID`" + ` removes it. The exit status is 0 all the same.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := openReadStore(o)
			if errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintln(cmd.OutOrStdout(), "No sessions yet. Start one with `vigil new`.")
				return nil
			}
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Sessions(limit)
			var damaged *store.DamagedError
			if err != nil && !errors.As(err, &damaged) {
				return err
			}
			out := &checkedWriter{w: cmd.OutOrStdout()}
			if len(list) == 0 && damaged == nil {
				fmt.Fprintln(out, "No sessions yet. Start one with `vigil new`.")
				return out.result()
			}
			if len(list) > 0 {
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tDATE\tGROUP\tGUIDE\tPROGRESS")
				for _, s := range list {
					group := session.OneLine(s.Group)
					if s.Alone {
						group = "alone"
					}
					if group == "" {
						group = "-"
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d of %d\n", s.ID, s.Updated.Local().Format("2006-01-02 15:04"), group, session.OneLine(s.GuideID), s.Seen, s.Total)
				}
				tw.Flush()
			}
			if damaged != nil {
				// The list above is whole but for these; say so, and go on.
				fmt.Fprintln(cmd.ErrOrStderr(), "vigil: "+session.Sentence(damaged.Error()))
			}
			return out.result()
		},
	}
}
