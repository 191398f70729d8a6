package session

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"vigil/store"
)

// A recovery file holds what the saver could not write to the database
// when a front end closed it: the disk was full, the file went away, the
// folder could not be written. It is JSON (see recoveryFile), 0600, beside
// the database as <db>.recovery-20261129-181500.json, or in the temporary
// folder when that fails. Doctor and the next start name every one.

// recoveryFile is the JSON of a recovery file.
type recoveryFile struct {
	// What says what the file is, for whoever opens it.
	What     string            `json:"what"`
	Database string            `json:"database"`
	Written  time.Time         `json:"written"`
	Problem  string            `json:"problem"`
	Sessions []recoverySession `json:"sessions"`
}

// recoverySession is one session's unsaved changes.
type recoverySession struct {
	SessionID          uint64             `json:"session_id"`
	SessionUID         string             `json:"session_uid,omitempty"`
	Header             *store.Session     `json:"session,omitempty"`
	Notes              []store.Note       `json:"notes,omitempty"`
	Requests           []store.Request    `json:"requests,omitempty"`
	Commitments        []store.Commitment `json:"commitments,omitempty"`
	RemovedRequests    []uint64           `json:"removed_requests,omitempty"`
	RemovedCommitments []uint64           `json:"removed_commitments,omitempty"`
}

// recoveryGlob is the pattern of the recovery files of the database at
// dbPath, in dir.
func recoveryGlob(dir, dbPath string) string {
	return filepath.Join(dir, escapeGlob(filepath.Base(dbPath))+".recovery-*.json")
}

func escapeGlob(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// RecoveryFiles lists the recovery files of the database at dbPath: those
// beside it, then those in the temporary folder, each in name (so time)
// order. Doctor and the start of a session name them.
func RecoveryFiles(dbPath string) []string {
	var out []string
	for _, dir := range []string{filepath.Dir(dbPath), os.TempDir()} {
		found, _ := filepath.Glob(recoveryGlob(dir, dbPath))
		slices.Sort(found)
		for _, f := range found {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// RecoveryNotice is the one sentence a front end prints at start when
// recovery files of the database are there, or "".
func RecoveryNotice(dbPath string) string {
	files := RecoveryFiles(dbPath)
	switch len(files) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("Text that could not be saved earlier is kept in %s; open it to copy the text back, then delete the file.", files[0])
	}
	return fmt.Sprintf("Text that could not be saved earlier is kept in %d files: %s; open them to copy the text back, then delete them.", len(files), strings.Join(files, ", "))
}

// WriteRecovery writes changes that could not be saved to a recovery file
// for the database at dbPath (see the top of this file), and returns its
// path. problem is why they could not be saved. Nothing to save writes
// nothing and returns "".
func WriteRecovery(dbPath string, cs []store.Change, problem error, now time.Time) (string, error) {
	f := recoveryFile{
		What:     "Text vigil could not save to its notes database. Copy it back into vigil by hand; then delete this file, which holds what was typed.",
		Database: dbPath,
		Written:  now,
	}
	if problem != nil {
		f.Problem = problem.Error()
	}
	for _, c := range cs {
		if c.Empty() {
			continue
		}
		rs := recoverySession{SessionID: c.SessionID, Header: c.Session, Notes: c.Notes, Requests: c.Requests,
			Commitments: c.Commitments, RemovedRequests: c.RemoveRequests, RemovedCommitments: c.RemoveCommitments}
		if c.Session != nil {
			rs.SessionUID = c.Session.UID
		}
		f.Sessions = append(f.Sessions, rs)
	}
	if len(f.Sessions) == 0 {
		return "", nil
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return "", err
	}
	data = append(data, '\n')
	name := filepath.Base(dbPath) + ".recovery-" + now.Format("20060102-150405") + ".json"
	var errs []string
	for _, dir := range []string{filepath.Dir(dbPath), os.TempDir()} {
		path, err := writeNew(dir, name, data)
		if err == nil {
			return path, nil
		}
		errs = append(errs, err.Error())
	}
	return "", fmt.Errorf("no recovery file could be written (%s)", strings.Join(errs, "; "))
}

// writeNew writes data to a new 0600 file named name in dir, or, when
// that name is taken, name with -2, -3, … before .json. It never replaces
// a file.
func writeNew(dir, name string, data []byte) (string, error) {
	base := strings.TrimSuffix(name, ".json")
	for i := 1; i < 100; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.json", base, i))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("too many recovery files in %s", dir)
}
