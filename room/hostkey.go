package room

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKeyName is the host key's file name in the room's folder.
const HostKeyName = "ssh_host_ed25519_key"

// hostKey reads the room's ed25519 host key from dir, or makes it the
// first time: the folder 0700, the key 0600. The same key every time, so
// participants' ssh can remember it.
func hostKey(dir string) ([]byte, gossh.Signer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("make the room's folder %s: %w", dir, err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("keep the room's folder %s private: %w", dir, err)
	}
	path := filepath.Join(dir, HostKeyName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = newHostKey(path)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read the room's host key %s: %w", path, err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, nil, fmt.Errorf("keep the room's host key %s private: %w", path, err)
		}
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, nil, fmt.Errorf("the room's host key %s is damaged (%v); move it away and open the room again to make a new one", path, err)
	}
	return data, signer, nil
}

// newHostKey writes a new key, refusing to overwrite one that appeared
// meanwhile.
func newHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "vigil room host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	return data, f.Close()
}
