// Package callctx carries per-call settings from the public package to the
// HTTP core through a context, without either importing the other's
// internals: the root package sets them, internal/transport reads them.
package callctx

import "context"

// key is the context key of values of type T.
type key[T any] struct{}

// With returns a copy of ctx carrying v, found again by Value[T].
func With[T any](ctx context.Context, v T) context.Context {
	return context.WithValue(ctx, key[T]{}, v)
}

// Value returns the value of type T that ctx carries, and whether it
// carries one.
func Value[T any](ctx context.Context) (T, bool) {
	v, ok := ctx.Value(key[T]{}).(T)
	return v, ok
}

// SendOnce marks a context whose writes must not be repeated.
type SendOnce struct{}

// ExtraQuery holds query parameters every call adds to its own.
type ExtraQuery struct{ Values map[string][]string }

// ExtraHeader holds header fields every call adds to its own.
type ExtraHeader struct{ Header map[string][]string }
