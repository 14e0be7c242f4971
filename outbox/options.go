package outbox

import (
	"errors"
	"time"
)

// Option configures [Open]. Options are checked when the box is opened.
type Option func(*config) error

// config is what the options set.
type config struct {
	lockWait time.Duration
	now      func() time.Time
}

// defaultLockWait is how long Open waits for a file another process holds.
const defaultLockWait = 5 * time.Second

// WithLockWait sets how long [Open] waits for a file another process
// holds before it fails with [ErrLocked] (default 5s). Zero waits forever.
func WithLockWait(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return errors.New("outbox: WithLockWait: the wait is negative")
		}
		c.lockWait = d
		return nil
	}
}

// WithClock sets the clock that stamps entries (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("outbox: WithClock: the clock is nil")
		}
		c.now = now
		return nil
	}
}
