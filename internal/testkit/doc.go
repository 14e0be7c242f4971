// Package testkit is the request-recording kit the clients' own tests share:
// a per-test httpmock transport that records every request (safe for
// concurrent use), canned answers, and comparisons of JSON bodies. It is
// for tests only; nothing in a client imports it outside _test.go files.
package testkit
