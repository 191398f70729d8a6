package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// Bucket and key names. See doc.go for the layout.
var (
	bucketMeta        = []byte("meta")
	bucketSessions    = []byte("sessions")
	bucketNotes       = []byte("notes")
	bucketRequests    = []byte("requests")
	bucketCommitments = []byte("commitments")

	keySchema  = []byte("schema")   // in meta: uint64 big-endian
	keyCompact = []byte("compact")  // in meta: present while a scrub is owed
	keyReplace = []byte("replaced") // in meta: this file was replaced by a compacted copy
	// keyBackupProblem, in meta, says why the last daily backup could not
	// be written; it is gone once one is.
	keyBackupProblem = []byte("backup-problem")
	keySession       = []byte("session") // in a session's bucket: JSON Session
)

// sessionChildren are the buckets inside every session's bucket.
var sessionChildren = [][]byte{bucketNotes, bucketRequests, bucketCommitments}

// itob encodes an ID as an 8-byte big-endian key, so keys sort by ID.
func itob(v uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), v)
}

// btoi decodes an 8-byte big-endian key; anything else is 0.
func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// putJSON stores v as JSON under key.
func putJSON(b *bbolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// getJSON decodes the JSON under key into v. It must run inside the
// transaction: json.Unmarshal copies what it keeps out of the mmap'd bytes.
func getJSON(b *bbolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return fmt.Errorf("key %q missing", key)
	}
	return json.Unmarshal(data, v)
}
