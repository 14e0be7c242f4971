package testkit

import (
	"runtime"
	"testing"
)

// failT stands in for a test inside a helper under test: Fatal and Fatalf
// record the failure and stop only the goroutine that called them.
type failT struct {
	testing.TB
	failed bool
}

func (f *failT) Helper() {}

func (f *failT) Fatal(...any) { f.failed = true; runtime.Goexit() }

func (f *failT) Fatalf(string, ...any) { f.failed = true; runtime.Goexit() }

// fails runs check on a stand-in test in its own goroutine and reports
// whether check failed it.
func fails(t *testing.T, check func(tb testing.TB)) bool {
	ft := &failT{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		check(ft)
	}()
	<-done
	return ft.failed
}
