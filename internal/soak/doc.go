// Package soak holds the cross-client reliability tests: a fault soak that
// drives all three clients against their fakes while the fakes misbehave,
// a shared-client concurrency test and security checks. It has no library
// code; run the long soak with
//
//	go test ./internal/soak -run FaultSoak -timeout 30m -args -soak.long
package soak
