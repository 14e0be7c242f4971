package paging

import "context"

// Cursor says where a page starts. The zero Cursor asks for the first page.
// An API uses the fields it needs: an item offset (ServiceNow, Cyderes,
// TheHive's ranges), a server-given URL (a Link rel="next"), or an opaque
// continuation token.
type Cursor struct {
	// Offset is the index of the page's first item in the whole result.
	Offset int
	// URL is an absolute next-page URL given by the server.
	URL string
	// Token is an opaque continuation token given by the server.
	Token string
	// Want is set by the sequence, not by fetch functions: how many more
	// items the caller will take (0 means no cap). A fetch function may ask
	// the server for fewer items than its page size when Want is smaller.
	Want int
}

// Page is one page of results.
type Page[T any] struct {
	// Items are the page's items in the server's order.
	Items []T
	// Next is where the following page starts; nil when the API says the
	// data ends (no next link, offset past the total, an empty page).
	Next *Cursor
	// Meta is the page's metadata as the API reported it.
	Meta Meta
	// Keys, when it is as long as Items, identifies each item (see [Key]):
	// a sequence drops an item it yielded already and notices a page that
	// brings nothing new. Without keys, only cursors are compared.
	Keys []uint64
}

// Meta describes one page as the API reported it.
type Meta struct {
	// Offset is the index of the page's first item in the whole result.
	Offset int
	// Limit is the page size that was asked for.
	Limit int
	// Total is the number of items matching the query when TotalKnown is
	// true (an X-Total-Count or X-Total header, or a total in the body).
	Total      int
	TotalKnown bool
	// Links are the page's RFC 8288 links (first, prev, next, last), when
	// the API sends them.
	Links Links
}

// Fetch asks for the page that starts at c.
type Fetch[T any] func(ctx context.Context, c Cursor) (*Page[T], error)

// Options bound a sequence.
type Options struct {
	// MaxItems caps the items yielded (0 means no cap). No page is fetched
	// once the cap is reached.
	MaxItems int
	// MaxPages caps the pages fetched (0 means no cap).
	MaxPages int
	// Service names the API in a *incidentkit.PagingError.
	Service string
	// Redact, when set, removes secrets from a next-page link a
	// *incidentkit.PagingError shows.
	Redact func(string) string
	// SameOrigin, when set, checks each next-page link before it is
	// requested: a link it refuses (one to another origin) ends the
	// sequence with a *incidentkit.PagingError, and nothing is sent to it.
	SameOrigin func(url string) bool
}
