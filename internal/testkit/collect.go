package testkit

import (
	"iter"
	"strings"
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

// Drain ranges seq to its end or its first error and returns key of every
// item yielded before, comma-separated, with that error. Use it where the
// error is what the test checks.
func Drain[T any](seq iter.Seq2[T, error], key func(T) string) (string, error) {
	var keys []string
	for v, err := range seq {
		if err != nil {
			return strings.Join(keys, ","), err
		}
		keys = append(keys, key(v))
	}
	return strings.Join(keys, ","), nil
}
