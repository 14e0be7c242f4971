package testkit

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"testing"
)

func TestCollect(t *testing.T) {
	var seq iter.Seq2[int, error] = func(yield func(int, error) bool) {
		for i := range 3 {
			if !yield(i, nil) {
				return
			}
		}
	}
	if got := Collect(t, seq, func(i int) string { return fmt.Sprint(i * 2) }); !slices.Equal(got, []string{"0", "2", "4"}) {
		t.Errorf("Collect = %v", got)
	}
	var failing iter.Seq2[int, error] = func(yield func(int, error) bool) {
		if yield(1, nil) {
			yield(0, errors.New("boom"))
		}
	}
	if !fails(t, func(tb testing.TB) { Collect(tb, failing, func(i int) string { return fmt.Sprint(i) }) }) {
		t.Error("an error in the sequence did not fail the test")
	}
}
