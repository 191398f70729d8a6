package main

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
)

// options are the global flags, resolved against the environment once.
type options struct {
	db      string
	guides  string
	theme   string
	noColor bool
	plain   bool
	// reduceMotion turns off every animation; it is remembered.
	reduceMotion bool
	// room and roomAddr are vigil new|resume --room [--addr] (room.go).
	room     bool
	roomAddr string
}

func newRootCmd() *cobra.Command {
	o := &options{}
	root := &cobra.Command{
		Use:   "vigil",
		Short: "A terminal prayer guide and small-group companion",
		Long: `vigil walks a small group, or one person, through a prayer guide:
what the issue is, a reflection in four steps (clarity, honesty, hope,
community), the guide's prayer requests and the group's own, and next steps.
Every note you type is kept in a local database, saved as you type.

Run vigil with no command to open the home screen.`,
		Example: `  vigil                      open the home screen
  vigil new --group "Thursday group"
  vigil resume               pick up the latest session where it was left
  vigil sessions             list sessions`,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return applySettings(cmd, o)
		},
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(o, nil)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&o.db, "db", "", "notes database file (env VIGIL_DB; default "+defaultDB()+")")
	f.StringVar(&o.guides, "guides", "", "folder of your own guides, added to the built-in ones (env VIGIL_GUIDES; default "+defaultGuides()+")")
	f.StringVar(&o.theme, "theme", "auto", "colours for a dark or light terminal: auto, dark or light")
	f.BoolVar(&o.noColor, "no-color", false, "no colour at all (also when NO_COLOR is set)")
	f.BoolVar(&o.reduceMotion, "reduce-motion", false, "no animation: a still cursor, a breathing guide in words (remembered)")
	f.BoolVar(&o.plain, "plain", false, "line-by-line mode for screen readers, pipes and scripts (also when stdin or stdout is not a terminal)")
	sessions := newSessionsCmd(o)
	sessions.AddCommand(newDeleteCmd(o))
	root.AddCommand(newNewCmd(o), newResumeCmd(o), sessions, newGuidesCmd(o),
		newBackupCmd(o), newDoctorCmd(o), newConfigCmd(), newVersionCmd(), newExportCmd(o), newImportCmd(o), newGuideCmd(o))
	addCompletion(root, o)
	return root
}

func defaultDB() string     { return filepath.Join(xdg.DataHome, "vigil", "vigil.db") }
func defaultGuides() string { return filepath.Join(xdg.ConfigHome, "vigil", "guides") }

// dbPath is --db, else VIGIL_DB, else the XDG data directory.
func (o *options) dbPath() string {
	if o.db != "" {
		return o.db
	}
	if v := os.Getenv("VIGIL_DB"); v != "" {
		return v
	}
	return defaultDB()
}

// guidesDir is --guides, else VIGIL_GUIDES, else the XDG config directory.
func (o *options) guidesDir() string {
	if o.guides != "" {
		return o.guides
	}
	if v := os.Getenv("VIGIL_GUIDES"); v != "" {
		return v
	}
	return defaultGuides()
}

// colour reports whether vigil may use colour. NO_COLOR counts when set to
// anything non-empty (the colour library would read "yes" as false).
func (o *options) colour() bool {
	return !o.noColor && os.Getenv("NO_COLOR") == ""
}
