// Package incidentkit holds what the three incidentkit clients share: the
// error family, the page type, uploads and progress callbacks, the rate
// limiter seam and the helpers for optional input fields.
//
// The clients live in their own packages — [servicenow], [thehive] and
// [cyderes] — and read as one family:
//
//   - NewClient(baseURL, opts...) builds a client; options are validated
//     there, and a bad one makes NewClient fail before anything is sent.
//   - A client's services hang off it as fields (c.Incidents, c.Cases,
//     c.Tickets); each call takes a context first.
//   - List(ctx, ..., opts) returns one *[Page] (items, the total when the
//     API reports it, where the next page starts); All(ctx, ..., opts)
//     returns an iter.Seq2[*T, error] that fetches pages lazily as the loop
//     advances, stops at break and starts over when ranged again.
//   - Create and Update take a pointer to an input struct. A pointer field is
//     sent when non-nil; a field the API lets you empty is a [Nullable]:
//     [Set] sends a value, [Clear] empties the field, the zero value leaves it
//     alone.
//   - Every top-level record keeps the JSON it was decoded from in Raw, so a
//     custom field is never lost.
//   - Every upload takes an [Upload] (a reader, a rewindable source or a file
//     path through [FileUpload]) and every upload and download accepts a
//     [Progress] callback.
//
// # Errors
//
// One family of error types serves all three clients, so one errors.As
// target works whichever client failed:
//
//   - [*Error]: the server answered with a non-success status (or an error
//     envelope inside a 2xx answer). errors.Is matches [ErrNotFound],
//     [ErrUnauthorized], [ErrForbidden], [ErrRateLimited], [ErrConflict],
//     [ErrAlreadyExists] and [ErrServer].
//   - [*BodyError]: a success status whose body could not be used (truncated
//     JSON, an HTML page, a body past the size cap: [ErrResponseTooLarge]).
//   - [*RequestError]: no answer arrived (connection refused or reset, a
//     timeout); context errors stay reachable through errors.Is.
//   - [*InputError]: the call was refused before anything was sent; it
//     matches [ErrInvalidInput].
//
// The types live here rather than in each client because a bridge that
// talks to several systems handles their failures in one place: a per-client
// Error type would need one errors.As per client. Each client package
// re-exports the same sentinel set (servicenow.ErrNotFound is
// incidentkit.ErrNotFound), so code that imports only one client can still
// write errors.Is(err, servicenow.ErrNotFound).
//
// # Retries, timeouts and writes
//
// Every client repeats a request only where that cannot duplicate data:
// reads and idempotent writes after a dropped connection, a 429, a 502,
// 503 or 504; creates, appends, closes and uploads only where the server
// provably did not act (the connection was refused before anything was
// sent, a 429, a 503 with Retry-After). When a caller's transport cannot
// show whether an attempt was sent, it is assumed sent. A write the client
// cannot know is unsafe to repeat — a ServiceNow update of a custom journal
// field, say — is marked per call with [SendOnce].
//
// Each attempt waits at most 2 minutes for the answer's headers (the
// clients' WithResponseHeaderTimeout); the body of a large download then
// streams for as long as the context allows. The whole call is bounded by
// the caller's context and by the client's WithTimeout.
//
// A DELETE repeated after an attempt the server may have carried out (a
// 502 from a proxy that gave up while the delete went through) that then
// finds the record gone (404) has succeeded and returns nil; a 404 to the
// first attempt is an error matching [ErrNotFound].
//
// Where a JSON value was expected, a 2xx answer that carries none — an
// empty body, an HTML or XML page, ServiceNow JSON without its result
// member — is a [*BodyError]; a 204 and an empty answer to a DELETE are
// success.
//
// A [RetryPolicy] (each client's WithRetryPolicy) narrows these rules: it
// is asked before each retry the client would make and may refuse it, but
// it is never asked about an attempt the client deems unsafe to repeat.
//
// # Rate limits, TLS and tracing
//
// Each client's WithLimiter takes any [Limiter]: *rate.Limiter, an
// [AdaptiveLimiter] that halves its rate when the server throttles (429, or
// 503 with Retry-After) and climbs back as answers succeed, or a limiter
// shared by several processes — implement Wait against a shared store (a
// Redis token bucket, for example), and [LimitFeedback] to share the
// slow-downs too; nothing here depends on such a store. WithTLSConfig sets
// a private CA or client certificates for mutual TLS, and
// WithTransportWrapper wraps the transport for tracing (OpenTelemetry's
// otelhttp.NewTransport, for example) under the clients' own redirect,
// credential, limiter, retry and logging rules.
//
// # Response metadata
//
// A call's status, headers, attempt count, request ID and rate-limit
// headers are in a [Response]: on success through a context made with
// [WithResponse], on failure through [Error.Response].
package incidentkit
