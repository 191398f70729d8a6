// Package store keeps vigil's sessions, notes, prayer requests and
// commitments in one local bbolt file. Prayer requests are told in
// confidence, and notes cannot be typed again, so the package is careful
// about three things: it never writes to a file that is not its own, it
// never loses a committed edit, and a deleted session is really gone.
//
// # Layout (schema version 2)
//
//	meta/                              bucket
//	    "schema"    → uint64 big-endian   SchemaVersion
//	    "compact"   → 0x01                only while a DeleteSession scrub is owed
//	    "replaced"  → 0x01                only in an old file DeleteSession replaced
//	    "backup-problem" → text         why the last daily backup failed; gone once one works
//	sessions/                          bucket; its sequence hands out session IDs
//	    <id: uint64 BE>/               bucket, one per session
//	        "session"  → JSON Session
//	        notes/                     bucket
//	            <Note.Key>        → JSON Note
//	        requests/                  bucket
//	            <Request.ID: BE>  → JSON Request
//	        commitments/               bucket
//	            <Commitment.ID: BE> → JSON Commitment
//	guides/                            bucket (since schema 2)
//	    <Session.GuideHash: hex> → the guide file's raw bytes
//
// IDs are big-endian, so keys sort by ID: Sessions reads backwards from the
// last key, and Load and Apply go straight to one session's bucket. Neither
// grows with the number of sessions. Values are JSON, decoded inside the
// transaction.
//
// The guides bucket keeps the text of every guide a session used, once per
// distinct text (KeepGuide, GuideCopy), so that a session whose guide file
// has since changed or gone can still be shown as it was held. A guide is
// some tens of kilobytes; it is kept when deleting a session, since other
// sessions may share it and it holds nothing that was typed in a meeting.
//
// A file is ours when bbolt's header is valid, the file is as long as the
// header says, and it holds the meta bucket with a schema key. Open checks
// this with a read-only handle before it opens the file for writing.
//
// # Schema versions
//
// Open reads the version, runs migrations[v] for each version v below
// SchemaVersion, creates the top-level buckets and writes the version, all
// in one transaction. Before it does, the old file is copied to
// <db>.v<old>.bak next to it. A newer version is refused with
// ErrNewerSchema. Schema 0 (never released) had flat buckets: sessions
// <id> → JSON with a "page" field, notes <id><key> → JSON, requests
// <id><request id> → JSON; testdata/v0.db is one, built by writeV0 in
// migrate_test.go. Schema 1 is the layout above without the guides bucket;
// testdata/v1.db is one, built by writeV1 in migrate_v1_test.go.
//
// # Backups
//
// The first Open of each day (by Options.Now) writes
// <dir>/backups/<name>-YYYY-MM-DD.db, where <name> is the database's file
// name without its extension ("vigil" for vigil.db), and removes all but the
// newest seven. vigil backup writes a copy on demand with BackupFile.
//
// # Damaged records and read-only use
//
// A session whose header or items cannot be decoded is damaged: Sessions,
// Walk, Groups and the other lists go on past it (Sessions and Walk name
// it in a *DamagedError), Load says ErrDamaged, LoadRaw returns its bytes
// for rescue, DeleteSession removes it, and Damage (run by Doctor) lists
// every damaged record. OpenReadOnly opens the file with bbolt's ReadOnly
// for commands that only read: nothing is created, upgraded, backed up or
// chmod-ed.
//
// # Deleting
//
// bbolt frees a deleted bucket's pages but leaves their bytes in the file,
// and tx.WriteTo copies freed pages too. So DeleteSession deletes the
// session's bucket, then writes a compacted copy (bbolt.Compact walks only
// live keys into a fresh file), syncs it and renames it over the database.
// It then does the same to every daily backup that holds the session: a
// deleted session is gone from the database and from its backups at once.
// The <db>.v<old>.bak copy kept at an upgrade is scrubbed too, in its own
// schema's layout, so that an older vigil can still read it; Stats and
// Doctor list it. ScrubSession does the same for the requests, commitments
// and notes removed from a session that is kept: in the database, in each
// daily backup and in each upgrade copy, in that copy's layout. Both
// rewrite a copy only after checking it as Open checks a database. A
// deleted session is not removed from copies made by hand
// (vigil backup, exports). Blocks the file system has freed are not
// overwritten: against someone reading the raw disk, use disk encryption.
package store
