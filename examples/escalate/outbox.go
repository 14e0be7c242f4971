package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/outbox"
)

// box is the bridge's outbox: the effects not done yet and the change
// feeds' cursors, in one bbolt file (package outbox).
type box = outbox.Box[effect]

// openBox opens the outbox at path, waiting up to wait for a file another
// bridge holds. Its errors say what to do.
func openBox(path string, wait time.Duration) (*box, error) {
	b, err := outbox.Open[effect](path, outbox.WithLockWait(wait))
	switch {
	case errors.Is(err, outbox.ErrLocked):
		return nil, fmt.Errorf("%w: another bridge is running with it; wait, or give -state another file", err)
	case errors.Is(err, outbox.ErrCorrupt):
		return nil, fmt.Errorf("%w; the effects it held are redone for the tickets the run sweeps, since every effect is keyed "+
			"and checked before it is sent", err)
	}
	return b, err
}
