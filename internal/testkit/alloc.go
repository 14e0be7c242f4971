package testkit

import "runtime"

// AllocatedBytes returns how many bytes f allocates, for tests that check
// that a cost grows linearly with its input.
func AllocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
