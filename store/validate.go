package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime/debug"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// The parts of bbolt's on-disk format (version 2) that checkHeader reads.
// Each meta page starts with a 16-byte page header (id, flags, count,
// overflow), then magic, version, page size, flags, root bucket (root,
// sequence), freelist, high-water page id, txid and an FNV-64a checksum of
// everything in the meta before it. Integers are in the machine's order.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltMetaFlag   = 0x04
	pageHeaderSize = 16
	metaSize       = 64
	metaSumOffset  = 56
)

type boltMeta struct {
	pageSize uint32
	pgid     uint64 // pages in use: the file holds at least pgid*pageSize bytes
	txid     uint64
}

// parseMeta reads a meta page from buf, or reports false.
func parseMeta(buf []byte) (boltMeta, bool) {
	if len(buf) < pageHeaderSize+metaSize {
		return boltMeta{}, false
	}
	ne := binary.NativeEndian
	if ne.Uint16(buf[8:])&boltMetaFlag == 0 {
		return boltMeta{}, false
	}
	m := buf[pageHeaderSize : pageHeaderSize+metaSize]
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:metaSumOffset])
	if h.Sum64() != ne.Uint64(m[metaSumOffset:]) {
		return boltMeta{}, false
	}
	meta := boltMeta{pageSize: ne.Uint32(m[8:]), pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}
	if meta.pageSize < 512 || meta.pageSize > 1<<24 || meta.pageSize&(meta.pageSize-1) != 0 {
		return boltMeta{}, false
	}
	return meta, true
}

// checkHeader reads the start of path, without writing, and fails with
// ErrNotDatabase unless it looks like a whole bbolt file: a valid meta page,
// and at least as many bytes as that meta says are in use. This catches
// empty, truncated, text and random files before bbolt maps them.
func checkHeader(path string) error {
	// O_NONBLOCK: a FIFO that appeared after checkRegular must not make
	// the open wait for a writer. It changes nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return pathError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return pathError(path, err)
	}
	if fi.IsDir() {
		return folderError(path)
	}
	if !fi.Mode().IsRegular() {
		return nonRegularError("vigil keeps notes only in an ordinary file: pass --db with another path", path, fi.Mode())
	}
	size := fi.Size()
	buf := make([]byte, pageHeaderSize+metaSize)
	readMeta := func(off int64) (boltMeta, bool) {
		if _, err := f.ReadAt(buf, off); err != nil {
			return boltMeta{}, false
		}
		return parseMeta(buf)
	}
	best, ok := readMeta(0)
	if ok {
		if m1, ok1 := readMeta(int64(best.pageSize)); ok1 && m1.pageSize == best.pageSize && m1.txid > best.txid {
			best = m1
		}
	} else {
		// The first meta page is damaged; bbolt can still use the second one.
		for shift := 0; shift <= 14 && !ok; shift++ {
			best, ok = readMeta(1024 << shift)
		}
	}
	if !ok {
		return notDatabaseError(path, errors.New("no valid bbolt header"))
	}
	if size < 2*int64(best.pageSize) || uint64(size)/uint64(best.pageSize) < best.pgid {
		return notDatabaseError(path, fmt.Errorf("truncated: %d bytes, %d pages of %d expected", size, best.pgid, best.pageSize))
	}
	return nil
}

// errReplaced means the handle points at a file that DeleteSession has just
// replaced with a compacted copy; opening the path again finds the new one.
var errReplaced = errors.New("file was replaced while opening")

// openReadOnly opens an existing database for reading, with a shared lock,
// after checking that it is ours. It never writes to the file. It returns
// the handle and the schema version found; a newer version is not refused
// here, callers decide.
func openReadOnly(path string, timeout time.Duration) (*bbolt.DB, uint64, error) {
	for attempt := 0; ; attempt++ {
		db, version, err := openReadOnlyOnce(path, timeout)
		if errors.Is(err, errReplaced) && attempt < 3 {
			continue
		}
		return db, version, err
	}
}

func openReadOnlyOnce(path string, timeout time.Duration) (db *bbolt.DB, version uint64, err error) {
	if err := checkHeader(path); err != nil {
		return nil, 0, err
	}
	// A damaged file can make bbolt panic or fault while mapping it; turn
	// both into errors on this goroutine. The freelist is loaded here too,
	// not later on tx.Check's own goroutine, where a panic would be fatal.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				db.Close()
			}
			db, version, err = nil, 0, notDatabaseError(path, fmt.Errorf("%v", r))
		}
	}()
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: timeout, PreLoadFreelist: true})
	if err != nil {
		return nil, 0, openError(path, err)
	}
	err = db.View(func(tx *bbolt.Tx) error {
		version, err = readVersion(tx)
		return err
	})
	if err != nil {
		db.Close()
		if errors.Is(err, errReplaced) {
			return nil, 0, err
		}
		return nil, 0, notDatabaseError(path, err)
	}
	return db, version, nil
}

// openError explains an error from bbolt.Open.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return lockedError(path, err)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return notDatabaseError(path, err)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pathError(path, err)
	}
	return notDatabaseError(path, err)
}

// readVersion reads the schema version. A file without our meta bucket and
// schema key is not ours.
func readVersion(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, errors.New("no meta bucket")
	}
	if meta.Get(keyReplace) != nil {
		return 0, errReplaced
	}
	v := meta.Get(keySchema)
	if len(v) != 8 {
		return 0, errors.New("no schema version")
	}
	return btoi(v), nil
}
