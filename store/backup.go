package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// keepBackups is how many daily backups are kept.
const keepBackups = 7

// backupDay is the date format in backup file names.
const backupDay = "2006-01-02"

// Backup writes a consistent copy of the database to w, from a read
// transaction, so writes may go on meanwhile.
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("back up %s: %w", s.path, err)
	}
	return n, nil
}

// BackupFile writes a consistent copy of the database at dbPath to dest
// (0600), for `vigil backup`. It opens the database read-only and waits at
// most timeout (0 means one second) for another vigil to let go: when one
// holds it, the error wraps ErrLocked. dest is replaced only when force is
// set; it is never the database itself.
func BackupFile(dbPath, dest string, force bool, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = time.Second
	}
	if err := CheckDest(dbPath, dest, force, "backup", "vigil-backup.db"); err != nil {
		return err
	}
	db, _, err := openReadOnly(dbPath, timeout)
	if err != nil {
		return err
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error { return writeCopy(tx, dest, force) })
	if err != nil {
		var ue *userError
		if errors.As(err, &ue) {
			return err
		}
		return sentence(fmt.Sprintf("vigil could not write the backup %s%s", dest, because(err)), err)
	}
	return nil
}

// backupDir is the folder of the automatic backups of the database at path.
func backupDir(path string) string {
	return filepath.Join(filepath.Dir(path), "backups")
}

// backupStem is the start of this database's backup names: "vigil" for
// vigil.db, so two databases in one folder keep apart.
func backupStem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// dailyBackup is one automatic backup file.
type dailyBackup struct {
	path string
	day  time.Time
}

// listBackups returns this database's automatic backups, oldest first. Only
// names of the form <stem>-YYYY-MM-DD.db count; nothing else is touched.
func listBackups(path string) ([]dailyBackup, error) {
	dir := backupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := backupStem(path) + "-"
	var out []dailyBackup
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		day, err := time.Parse(backupDay, strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db"))
		if err != nil {
			continue
		}
		out = append(out, dailyBackup{path: filepath.Join(dir, name), day: day})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].day.Before(out[j].day) })
	return out, nil
}

// autoBackup writes today's backup unless there is one, then keeps only the
// newest keepBackups. Its error is one sentence, for BackupProblem.
func (s *Store) autoBackup() error {
	dir := backupDir(s.path)
	if err := prepareBackupDir(dir); err != nil {
		return err
	}
	name := filepath.Join(dir, backupStem(s.path)+"-"+s.now().Format(backupDay)+".db")
	if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		err := s.view(func(tx *bbolt.Tx) error { return writeCopy(tx, name, false) })
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return sentence(fmt.Sprintf("today's backup of the notes could not be written to %s%s; the notes themselves are saved as usual", dir, because(err)), err)
		}
	}
	list, err := listBackups(s.path)
	if err != nil {
		return sentence(fmt.Sprintf("the backups folder %s could not be read%s; the notes themselves are saved as usual", dir, because(err)), err)
	}
	var errs []error
	for len(list) > keepBackups {
		if err := os.Remove(list[0].path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
		list = list[1:]
	}
	if err := errors.Join(errs...); err != nil {
		return sentence(fmt.Sprintf("old backups in %s could not be removed%s", dir, because(err)), err)
	}
	return nil
}

// prepareBackupDir makes the backups folder 0700 whatever the umask, or
// refuses one that others could read or swap: a symbolic link, something
// that is not a folder, or a folder open to group or others. The backups
// hold everything the database holds.
func prepareBackupDir(dir string) error {
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return sentence(fmt.Sprintf("the backups folder %s could not be made%s, so today's backup was not written", dir, because(err)), err)
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			return sentence(fmt.Sprintf("the backups folder %s could not be made private%s, so today's backup was not written", dir, because(err)), err)
		}
		return prepareBackupDirOnce(dir)
	case err != nil:
		return sentence(fmt.Sprintf("the backups folder %s cannot be used%s, so today's backup was not written", dir, because(err)), err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return sentence(fmt.Sprintf("the backups folder %s is a symbolic link, and vigil writes backups only into a folder of its own; replace the link with a folder, so today's backup was not written", dir), errUnsafeBackups)
	case !fi.IsDir():
		return sentence(fmt.Sprintf("the backups folder %s is not a folder (it is %s); move it aside, so today's backup was not written", dir, fileKind(fi.Mode())), errUnsafeBackups)
	case fi.Mode().Perm()&0o077 != 0:
		return sentence(fmt.Sprintf("the backups folder %s can be opened by other users (mode %04o), and backups hold the notes; run chmod 700 on it, so today's backup was not written", dir, fi.Mode().Perm()), errUnsafeBackups)
	}
	return nil
}

// prepareBackupDirOnce checks a folder just made, without making it again.
func prepareBackupDirOnce(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o077 != 0 {
		return sentence(fmt.Sprintf("the backups folder %s could not be made private, so today's backup was not written", dir), err, errUnsafeBackups)
	}
	return nil
}

// errUnsafeBackups marks a backups folder vigil will not write into.
var errUnsafeBackups = errors.New("unsafe backups folder")
