// Package testkit is the request-recording kit the clients' own tests share:
// a per-test httpmock transport that records every request (safe for
// concurrent use), canned answers, comparisons of JSON bodies and the parts
// of a multipart/form-data upload. It is for tests only; nothing in a client
// imports it outside _test.go files.
package testkit
