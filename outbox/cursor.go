package outbox

import (
	"encoding"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Cursor loads the cursor saved under name into c and reports whether
// there was one; with none, c is left as it is. A saved cursor c cannot
// read is an error naming it.
func (b *Box[E]) Cursor(name string, c encoding.TextUnmarshaler) (bool, error) {
	found := false
	err := b.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(cursorsBucket).Get([]byte(name))
		if v == nil {
			return nil
		}
		found = true
		if err := c.UnmarshalText(v); err != nil {
			return fmt.Errorf("outbox %s: the cursor %q: %w (SaveCursor a new one to start afresh)", b.path, name, err)
		}
		return nil
	})
	return found, err
}

// SaveCursor saves c under name, replacing the cursor saved before.
func (b *Box[E]) SaveCursor(name string, c encoding.TextMarshaler) error {
	if name == "" {
		return errors.New("outbox: SaveCursor: the name is empty")
	}
	v, err := c.MarshalText()
	if err != nil {
		return fmt.Errorf("outbox: the cursor %q: %w", name, err)
	}
	return b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(cursorsBucket).Put([]byte(name), v) })
}

// DeleteCursor forgets the cursor saved under name; forgetting one that is
// not saved is not an error.
func (b *Box[E]) DeleteCursor(name string) error {
	return b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(cursorsBucket).Delete([]byte(name)) })
}
