// Package soak holds the cross-client reliability tests: a fault soak that
// drives all three clients against their fakes while the fakes misbehave,
// a soak of creates through Ensure calls and a durable outbox with lost
// answers and process restarts, a shared-client concurrency test and
// security checks. It has no library code; run the long soaks with
//
//	go test ./internal/soak -run FaultSoak -timeout 30m -args -soak.long
//	go test ./internal/soak -run EnsureOutboxSoak -args -soak.ensure 12000
package soak
