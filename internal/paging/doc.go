// Package paging turns an API's page-fetch function into a lazy item
// sequence, and parses the RFC 8288 Link headers that carry next-page URLs.
//
// A [Fetch] function asks for one page at a [Cursor] and returns a [Page]
// whose Next cursor says where the following page starts (nil when the API
// says the data ends). [Pages] and [Items] wrap it as iter.Seq2 sequences
// that send no request until ranged, stop at once on break, yield an error
// once and end, and start again from the first page when ranged a second
// time. Paging ends only where the API says so, never merely because a page
// was short: ServiceNow, for one, filters rows by ACL after applying the
// limit.
package paging
