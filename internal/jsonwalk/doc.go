// Package jsonwalk reads JSON objects member by member without reflection.
// The clients use it to decode their large, flat records (a ServiceNow
// incident has dozens of string fields) in one pass, taking each value in
// whichever shape the server chose, where encoding/json would scan every
// record several times.
//
// The walker checks the syntax of what it reads: strings without control
// characters, balanced brackets, literals that are true, false, null or a
// number; inside a skipped object or array it checks brackets, strings and
// literals, not the full grammar (encoding/json has validated what it
// hands to an UnmarshalJSON method). It never panics.
package jsonwalk
