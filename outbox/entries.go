package outbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Entry is an effect waiting in the box.
type Entry[E any] struct {
	// Key names the effect.
	Key string
	// Effect is the effect itself.
	Effect E
	// Added is when the effect was added.
	Added time.Time
	// Attempts counts the failed attempts so far, and LastError is the
	// error of the last one.
	Attempts  int
	LastError string
}

// stored is an entry as the file keeps it.
type stored[E any] struct {
	Effect    E         `json:"effect"`
	Added     time.Time `json:"added"`
	Attempts  int       `json:"attempts,omitempty"`
	LastError string    `json:"lastError,omitempty"`
}

// Add stores effect under key unless an effect with that key is pending
// already, and reports whether it stored it.
func (b *Box[E]) Add(key string, effect E) (bool, error) {
	if key == "" {
		return false, errors.New("outbox: Add: the key is empty")
	}
	v, err := json.Marshal(stored[E]{Effect: effect, Added: b.now()})
	if err != nil {
		return false, fmt.Errorf("outbox: Add %q: %w", key, err)
	}
	added := false
	err = b.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(entriesBucket)
		if bucket.Get([]byte(key)) != nil {
			return nil
		}
		added = true
		return bucket.Put([]byte(key), v)
	})
	return added, err
}

// Pending returns the effects not done yet, in key order. An entry that
// does not decode is an [ErrCorrupt] error naming its key (remove it with
// [Box.Done]).
func (b *Box[E]) Pending() ([]Entry[E], error) {
	var out []Entry[E]
	err := b.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(entriesBucket).ForEach(func(k, v []byte) error {
			e, err := b.decode(k, v)
			if err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// Get returns the pending entry key, and whether there is one.
func (b *Box[E]) Get(key string) (Entry[E], bool, error) {
	var (
		e     Entry[E]
		found bool
	)
	err := b.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(entriesBucket).Get([]byte(key))
		if v == nil {
			return nil
		}
		found = true
		var err error
		e, err = b.decode([]byte(key), v)
		return err
	})
	return e, found, err
}

// Len returns how many effects are pending.
func (b *Box[E]) Len() (int, error) {
	n := 0
	err := b.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(entriesBucket).Stats().KeyN
		return nil
	})
	return n, err
}

// Done removes the effect key: it is done. Removing an effect that is not
// pending is not an error.
func (b *Box[E]) Done(key string) error {
	return b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(entriesBucket).Delete([]byte(key)) })
}

// Failed records a failed attempt of the effect key, with its cause. An
// effect that is not pending (done meanwhile) is left alone.
func (b *Box[E]) Failed(key string, cause error) error {
	return b.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(entriesBucket)
		v := bucket.Get([]byte(key))
		if v == nil {
			return nil
		}
		var s stored[json.RawMessage]
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("%w: entry %q: %w", ErrCorrupt, key, err)
		}
		s.Attempts++
		if cause != nil {
			s.LastError = cause.Error()
		}
		out, err := json.Marshal(s)
		if err != nil {
			return err
		}
		return bucket.Put([]byte(key), out)
	})
}

// decode decodes the entry k.
func (b *Box[E]) decode(k, v []byte) (Entry[E], error) {
	var s stored[E]
	if err := json.Unmarshal(v, &s); err != nil {
		return Entry[E]{}, fmt.Errorf("outbox %s: %w: entry %q: %w", b.path, ErrCorrupt, k, err)
	}
	return Entry[E]{Key: string(k), Effect: s.Effect, Added: s.Added, Attempts: s.Attempts, LastError: s.LastError}, nil
}

// now is the box's clock.
func (b *Box[E]) now() time.Time {
	if b.cfg.now != nil {
		return b.cfg.now()
	}
	return time.Now()
}
