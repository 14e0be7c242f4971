package outbox

import "errors"

// Errors of [Open], matched with errors.Is.
var (
	// ErrLocked matches a file another process holds open past the lock
	// wait (see [WithLockWait]).
	ErrLocked = errors.New("outbox: held by another process")
	// ErrCorrupt matches a file that is not an outbox, or a damaged one,
	// and an entry that does not decode.
	ErrCorrupt = errors.New("outbox: not a readable outbox")
)
