package outbox

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Box is a durable outbox of effects of type E, which must encode to JSON.
// Entries are kept by key: a key names one effect across runs and across
// the replicas of a program, so adding an effect whose key is pending
// already adds nothing.
type Box[E any] struct {
	db   *bolt.DB
	path string
	cfg  config
}

// The file's buckets: what identifies it as an outbox, the pending
// entries by key, and the cursors by name.
var (
	metaBucket    = []byte("outbox")
	entriesBucket = []byte("entries")
	cursorsBucket = []byte("cursors")
	formatKey     = []byte("format")
)

// format is the version of the file's layout.
const format = "1"

// Open opens the box at path, creating the file (and its directory) if
// there is none. A file another process holds is [ErrLocked] once the
// lock wait has passed; a file that is not an outbox of this format, or a
// damaged one, is [ErrCorrupt]. Close the box when done.
func Open[E any](path string, opts ...Option) (*Box[E], error) {
	cfg := config{lockWait: defaultLockWait}
	for _, o := range opts {
		if o == nil {
			return nil, errors.New("outbox: a nil Option")
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if path == "" {
		return nil, errors.New("outbox: the path is empty")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: cfg.lockWait})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("outbox %s: %w (a process that dies releases it)", path, ErrLocked)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		return nil, fmt.Errorf("outbox %s: %w: %w (move it aside and start again)", path, ErrCorrupt, err)
	case err != nil:
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	if err := db.Update(initialize); err != nil {
		db.Close()
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	return &Box[E]{db: db, path: path, cfg: cfg}, nil
}

// initialize makes a new file an outbox, and checks that an existing one
// is an outbox of this format.
func initialize(tx *bolt.Tx) error {
	meta := tx.Bucket(metaBucket)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty {
			return fmt.Errorf("%w: a bbolt file of something else (move it aside and start again)", ErrCorrupt)
		}
		var err error
		if meta, err = tx.CreateBucket(metaBucket); err != nil {
			return err
		}
		if err := meta.Put(formatKey, []byte(format)); err != nil {
			return err
		}
	}
	if got := string(meta.Get(formatKey)); got != format {
		return fmt.Errorf("%w: format %q, this package reads %q", ErrCorrupt, got, format)
	}
	if _, err := tx.CreateBucketIfNotExists(entriesBucket); err != nil {
		return err
	}
	_, err := tx.CreateBucketIfNotExists(cursorsBucket)
	return err
}

// Path returns the file the box is kept in.
func (b *Box[E]) Path() string { return b.path }

// Close closes the file, releasing its lock.
func (b *Box[E]) Close() error { return b.db.Close() }
