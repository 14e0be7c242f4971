package testkit

import (
	"iter"
	"testing"
)

// Collect ranges seq to its end and returns key of every item, in order,
// failing the test at the first error the sequence yields.
func Collect[T any](t testing.TB, seq iter.Seq2[T, error], key func(T) string) []string {
	t.Helper()
	var keys []string
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key(v))
	}
	return keys
}
