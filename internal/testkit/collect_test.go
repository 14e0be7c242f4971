package testkit

import (
	"errors"
	"fmt"
	"iter"
	"runtime"
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
	st := &stopT{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Collect(st, failing, func(i int) string { return fmt.Sprint(i) })
	}()
	<-done
	if !st.failed {
		t.Error("an error in the sequence did not fail the test")
	}
}

// stopT records a Fatal and stops only the goroutine that called it.
type stopT struct {
	testing.TB
	failed bool
}

func (s *stopT) Helper() {}

func (s *stopT) Fatal(...any) {
	s.failed = true
	runtime.Goexit()
}
