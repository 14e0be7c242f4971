// Package servicenow is a client for ServiceNow's Table API, shaped for
// incident work: incidents with typed fields, any other table through a
// generic typed accessor or untyped records, lazy paging, journals and
// OAuth.
//
// # Clients
//
// NewClient takes the instance URL (HTTPS; plain HTTP only for loopback
// addresses or with WithInsecureHTTP) and one authentication option:
// WithBasicAuth, WithBearerToken, WithAPIKey (x-sn-apikey),
// WithOAuthPassword or WithOAuthClientCredentials (tokens from the
// instance's /oauth_token.do, refreshed automatically; a failed token
// request is a *TokenError without the secret). The shared options of the
// core (retries, rate limit, logger, timeouts, size caps) apply to every
// call.
//
// # Incidents and tables
//
// Client.Incidents creates, reads, updates (PATCH), deletes, lists,
// resolves, closes and reopens incidents, appends work notes and comments,
// and reads the journal back oldest first. NewTable[T] gives the same
// operations on any table for the caller's own struct, and Client.Records
// on untyped records. Input types use pointers, so a field left nil is not
// sent while a pointer to "" clears it.
//
// Field values decode from every display-value mode: a bare value,
// {"value","link"} and {"display_value","value","link"}. Reference,
// Field and Time carry what the server sent; Incident.Raw keeps the whole
// record for fields the struct does not name (see Incident.Extra).
//
// # Queries and paging
//
// ListOptions selects records with an encodedquery.Query and shapes the
// answer (fields, display values, reference links, page size up to
// MaxPageSize). When the query orders nothing, ORDERBYsys_id is added so
// that offset paging neither skips nor repeats records. All returns an
// iter.Seq2 that fetches pages as the loop advances: it follows
// Link rel="next", else offsets with X-Total-Count, and ends where the data
// ends, never merely because a page was short (the instance applies ACLs
// after the limit). A v1 404 "No Record found" on a list is an empty
// result.
//
// # Errors and retries
//
// Errors match ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited,
// ErrConflict, ErrServer and ErrInvalidInput with errors.Is. ServiceNow's
// error envelope is an *Error even inside an HTTP 200 answer; RateLimitOf
// reads the X-RateLimit-* values of a 429. Reads and field updates are
// retried; creates, closes, resolves and journal appends are never sent
// twice.
package servicenow
