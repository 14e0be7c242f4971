package outbox

import (
	"context"
	"errors"
	"fmt"
)

// Do stores effect under key, attempts it with fn and, when fn succeeds,
// removes it: the transactional outbox in one call. When fn fails, the
// effect stays pending with its error for a later [Box.Drain], and Do
// returns fn's error. When an effect with key is pending already, Do
// attempts the pending one.
func (b *Box[E]) Do(ctx context.Context, key string, effect E, fn func(context.Context, E) error) error {
	if _, err := b.Add(key, effect); err != nil {
		return err
	}
	e, found, err := b.Get(key)
	if err != nil {
		return err
	}
	if !found { // done by another goroutine meanwhile
		return nil
	}
	return b.attempt(ctx, e, func(ctx context.Context, e Entry[E]) error { return fn(ctx, e.Effect) })
}

// DrainResult says what came of a [Box.Drain].
type DrainResult struct {
	// Done counts the effects done and removed; Failed those that failed
	// again and stay pending.
	Done, Failed int
}

// Drain attempts every pending effect with fn, in key order: each one fn
// does is removed, each one that fails stays with its error. It stops
// early, returning ctx's error, when ctx ends; a failing effect does not
// stop it. fn receives the entry, with its attempts so far.
func (b *Box[E]) Drain(ctx context.Context, fn func(context.Context, Entry[E]) error) (DrainResult, error) {
	var r DrainResult
	pending, err := b.Pending()
	if err != nil {
		return r, err
	}
	for _, e := range pending {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		err := b.attempt(ctx, e, fn)
		var store *storeError
		switch {
		case errors.As(err, &store):
			return r, store.err
		case err != nil:
			r.Failed++
		default:
			r.Done++
		}
	}
	return r, nil
}

// storeError is a failure of the file itself, which stops a drain.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }
func (e *storeError) Unwrap() error { return e.err }

// attempt runs fn for e, then removes e or records the failure.
func (b *Box[E]) attempt(ctx context.Context, e Entry[E], fn func(context.Context, Entry[E]) error) error {
	if err := fn(ctx, e); err != nil {
		if ferr := b.Failed(e.Key, err); ferr != nil {
			return &storeError{fmt.Errorf("outbox: recording the failure of %q: %w (it failed: %w)", e.Key, ferr, err)}
		}
		return err
	}
	if err := b.Done(e.Key); err != nil {
		return &storeError{fmt.Errorf("outbox: removing %q, which is done: %w", e.Key, err)}
	}
	return nil
}
