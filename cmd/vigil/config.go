package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// settings are what vigil remembers between runs. A flag given on the
// command line wins over the file for that run.
type settings struct {
	Theme        string `yaml:"theme,omitempty"`
	ReduceMotion *bool  `yaml:"reduce_motion,omitempty"`
	Plain        *bool  `yaml:"plain,omitempty"`
}

func configPath() string { return filepath.Join(xdg.ConfigHome, "vigil", "config.yaml") }

// loadSettings reads the config file; a missing file is no settings.
func loadSettings(path string) (settings, error) {
	var s settings
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("cannot read the settings file %s: %w", path, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil && !errors.Is(err, io.EOF) {
		return s, fmt.Errorf("the settings file %s is not valid (%v); fix it or remove it", path, err)
	}
	if err := checkThemeValue(s.Theme, true); err != nil {
		return s, fmt.Errorf("the settings file %s: %w", path, err)
	}
	return s, nil
}

// saveSettings writes the config file readable by its owner alone, through
// a temp file so that a crash leaves the old file whole.
func saveSettings(path string, s settings) error {
	data, err := yaml.Marshal(s)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot make the folder for %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".config-*.yaml")
	if err != nil {
		return fmt.Errorf("cannot write the settings file %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write the settings file %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func checkThemeValue(v string, emptyOK bool) error {
	switch v {
	case "auto", "dark", "light":
		return nil
	case "":
		if emptyOK {
			return nil
		}
	}
	return fmt.Errorf("the theme is auto, dark or light, not %q", v)
}

// applySettings fills in every flag not given on the command line from the
// settings file, and remembers --reduce-motion when it was given.
func applySettings(cmd *cobra.Command, o *options) error {
	path := configPath()
	s, err := loadSettings(path)
	if err != nil {
		return err
	}
	flags := cmd.Flags()
	if !flags.Changed("theme") && s.Theme != "" {
		o.theme = s.Theme
	}
	if !flags.Changed("plain") && s.Plain != nil {
		o.plain = *s.Plain
	}
	if flags.Changed("reduce-motion") {
		if s.ReduceMotion == nil || *s.ReduceMotion != o.reduceMotion {
			v := o.reduceMotion
			s.ReduceMotion = &v
			return saveSettings(path, s)
		}
	} else if s.ReduceMotion != nil {
		o.reduceMotion = *s.ReduceMotion
	}
	return nil
}

func newConfigCmd() *cobra.Command {
	show := &cobra.Command{
		Use:   "config",
		Short: "Show where vigil's settings are kept and what is set",
		Long: `Show where vigil's settings file is and what is set in it. vigil remembers
the theme, reduced motion and plain mode there; a flag on the command line
wins for that run. --reduce-motion is remembered when you give it.

Change a setting with: vigil config set KEY VALUE
  theme          auto, dark or light
  reduce-motion  true or false
  plain          true or false`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := configPath()
			s, err := loadSettings(path)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "settings file: %s\n", path)
			theme, rm, plain := "auto (default)", "false (default)", "false (default)"
			if s.Theme != "" {
				theme = s.Theme
			}
			if s.ReduceMotion != nil {
				rm = strconv.FormatBool(*s.ReduceMotion)
			}
			if s.Plain != nil {
				plain = strconv.FormatBool(*s.Plain)
			}
			fmt.Fprintf(out, "theme:         %s\nreduce-motion: %s\nplain:         %s\n", theme, rm, plain)
			return nil
		},
	}
	set := &cobra.Command{
		Use:     "set KEY VALUE",
		Short:   "Remember a setting: theme, reduce-motion or plain",
		Example: "  vigil config set theme light\n  vigil config set reduce-motion true",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := configPath()
			s, err := loadSettings(path)
			if err != nil {
				return err
			}
			key, value := args[0], args[1]
			switch key {
			case "theme":
				if err := checkThemeValue(value, false); err != nil {
					return err
				}
				s.Theme = value
			case "reduce-motion", "plain":
				b, err := strconv.ParseBool(value)
				if err != nil {
					return fmt.Errorf("%s takes true or false, not %q", key, value)
				}
				if key == "plain" {
					s.Plain = &b
				} else {
					s.ReduceMotion = &b
				}
			default:
				return fmt.Errorf("there is no setting %q; the settings are theme, reduce-motion and plain", key)
			}
			if err := saveSettings(path, s); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Remembered %s = %s in %s.\n", key, value, path)
			return nil
		},
	}
	show.AddCommand(set)
	return show
}
