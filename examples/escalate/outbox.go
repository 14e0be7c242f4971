package main

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// outbox is the bridge's durable list of side effects not done yet, kept in
// one bbolt file: an effect is stored before it is attempted and removed
// once done, so what a failed or interrupted run left undone is attempted
// again by the next run, whatever tickets that run sweeps. bbolt (pure Go,
// one file, ACID transactions, a lock file that the operating system
// releases when a process dies) fits a bridge that runs from cron or a
// service manager on one host.
type outbox struct {
	db   *bolt.DB
	path string
}

// The outbox's buckets: the pending effects by key, and the change feeds'
// cursors by feed.
var (
	effectsBucket = []byte("effects")
	cursorsBucket = []byte("cursors")
)

// errOutboxLocked says another process holds the outbox.
var errOutboxLocked = errors.New("held by another running bridge")

// openOutbox opens (creating it if needed) the outbox at path. A file held
// by another process is an error after wait, and so is a file that is not
// an outbox (corrupt, or something else): the error says how to recover.
func openOutbox(path string, wait time.Duration) (*outbox, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: wait})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("outbox %s: %w (a process that died releases it; wait, or give -state another file)", path, errOutboxLocked)
	case err != nil:
		return nil, fmt.Errorf("outbox %s is unreadable: %w (move it aside and run again: the effects it held "+
			"are redone for the tickets the run sweeps, since every effect is keyed and checked before it is sent)", path, err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(effectsBucket); err != nil {
			return err
		}
		_, err := tx.CreateBucketIfNotExists(cursorsBucket)
		return err
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	return &outbox{db: db, path: path}, nil
}

// close closes the file.
func (o *outbox) close() error { return o.db.Close() }

// add stores e unless an effect with its key is pending already.
func (o *outbox) add(e effect) error {
	return o.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(effectsBucket)
		if b.Get([]byte(e.Key)) != nil {
			return nil
		}
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return b.Put([]byte(e.Key), v)
	})
}

// pending returns the effects not done yet, in key order. An entry that
// does not decode is an error naming its key.
func (o *outbox) pending() ([]effect, error) {
	var out []effect
	err := o.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(effectsBucket).ForEach(func(k, v []byte) error {
			var e effect
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("outbox %s: effect %q is unreadable: %w", o.path, k, err)
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// done removes the effect key.
func (o *outbox) done(key string) error {
	return o.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(effectsBucket).Delete([]byte(key)) })
}

// failed records a failed attempt of e.
func (o *outbox) failed(e effect, cause error) error {
	e.Attempts++
	e.LastError = cause.Error()
	return o.db.Update(func(tx *bolt.Tx) error {
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return tx.Bucket(effectsBucket).Put([]byte(e.Key), v)
	})
}

// cursor loads the saved cursor of feed into c, leaving c as it is when
// none is saved.
func (o *outbox) cursor(feed string, c encoding.TextUnmarshaler) error {
	return o.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(cursorsBucket).Get([]byte(feed))
		if v == nil {
			return nil
		}
		if err := c.UnmarshalText(v); err != nil {
			return fmt.Errorf("outbox %s: the %s cursor: %w (delete the outbox to start the feeds a day back)", o.path, feed, err)
		}
		return nil
	})
}

// saveCursor saves the cursor of feed.
func (o *outbox) saveCursor(feed string, c encoding.TextMarshaler) error {
	v, err := c.MarshalText()
	if err != nil {
		return err
	}
	return o.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(cursorsBucket).Put([]byte(feed), v) })
}

// defaultStatePath is where the outbox lives when -state is not given:
// $XDG_STATE_HOME/incidentkit/escalate.db, else ~/.local/state/… on Unix,
// else the user's configuration directory.
func defaultStatePath(env func(string) string) (string, error) {
	if dir := env("XDG_STATE_HOME"); dir != "" {
		return filepath.Join(dir, "incidentkit", "escalate.db"), nil
	}
	if home := env("HOME"); home != "" {
		return filepath.Join(home, ".local", "state", "incidentkit", "escalate.db"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no state directory (set -state): %w", err)
	}
	return filepath.Join(dir, "incidentkit", "escalate.db"), nil
}
