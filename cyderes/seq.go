package cyderes

import (
	"iter"

	"github.com/incidentkit/incidentkit"
)

// fail returns a sequence that yields err once.
func fail[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// wholePage wraps the complete answer of an unpaged call (a ticket's
// attachments, the MISP indicators) as the only page: its total is known
// and nothing follows it.
func wholePage[T any](items []T) *incidentkit.Page[T] {
	return &incidentkit.Page[T]{Items: items, Total: len(items), TotalKnown: true, NextOffset: -1}
}

// each yields the items of an unpaged call: load runs when the sequence is
// ranged (again on every ranging), an error is yielded once, and at most
// maxItems items are yielded when it is positive.
func each[T any](load func() ([]T, error), maxItems int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		items, err := load()
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		if maxItems > 0 && len(items) > maxItems {
			items = items[:maxItems]
		}
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
}
