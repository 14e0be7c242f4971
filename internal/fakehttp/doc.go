// Package fakehttp holds what the SDK's in-memory API fakes share: fault
// injection (fail the next N calls with a status and Retry-After, delay,
// drop the connection, truncate the body) and a record of the requests a
// fake received. The types a fake's user sees, Fault and Request, live in
// the public package incidentkittest; the ones here are aliases.
package fakehttp
