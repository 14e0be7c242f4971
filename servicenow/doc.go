// Package servicenow is a client for ServiceNow's Table API, shaped for
// incident work: incidents with typed fields, any other table through a
// generic typed accessor or untyped records, lazy paging, journals,
// attachments, aggregate statistics and OAuth.
//
// It follows the shape every incidentkit client shares (see package
// incidentkit): NewClient validates its options, services hang off the
// client as fields, every call takes a context first, List returns an
// *incidentkit.Page and All an iter.Seq2 of pointers, inputs are passed as
// pointers, and the error types are incidentkit's.
//
// # Clients
//
// NewClient takes the instance URL (HTTPS; plain HTTP only for loopback
// addresses or with WithInsecureHTTP) and one authentication option:
// WithBasicAuth, WithBearerToken, WithAPIKey (x-sn-apikey),
// WithOAuthPassword or WithOAuthClientCredentials (tokens from the
// instance's /oauth_token.do, refreshed automatically; a failed token
// request is a *TokenError without the secret). The options every
// incidentkit client shares (retries, rate limit, logger, timeouts, size
// caps, headers, User-Agent) apply to every call, token requests included.
//
// # OAuth
//
// Token requests go through the same HTTP core as the calls that need
// them: the caller's context and deadline, the client's HTTP client and
// redirect rule (a token request is never redirected, so the client
// secret and the password cannot be sent to another origin), its limiter,
// its retries and its log, with secrets redacted. Concurrent calls that
// find no valid token share one token request; each waits for it under its
// own context, and the request is abandoned when every caller waiting for
// it has given up. A token is renewed ten seconds before it expires, with
// its refresh token when it has one; when the instance refuses the refresh
// token, the configured grant is asked again within the same call. A token
// the API refuses with an HTTP 401 before its expiry (revoked) is renewed
// at the next call; the refused call itself fails with ErrUnauthorized.
//
// # Incidents and tables
//
// Client.Incidents creates, reads, updates (PATCH), deletes, lists,
// resolves, closes and reopens incidents, appends work notes and comments,
// and reads the journal back oldest first. NewTable[T] gives the same
// operations on any table for the caller's own struct, and Client.Records
// on untyped records.
//
// IncidentInput sends only what is set. A field the instance lets you empty
// is an incidentkit.Nullable: incidentkit.Set(v) sends v,
// incidentkit.Clear[T]() empties the field (the instance receives ""), the
// zero value leaves it alone. A field that can only be given a value is a
// pointer, filled with incidentkit.Ptr. Table[T].Create and Update take any
// value that encodes as a JSON object (a struct with json tags, or a map);
// there a field sent as "" is emptied.
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
// that offset paging neither skips nor repeats records. List returns one
// page: its items, X-Total-Count as Total, the Link rel="next" as NextURL
// and the offset to read on from as NextOffset (-1 at the end). All
// returns an iter.Seq2 that fetches pages as the loop advances: it follows
// Link rel="next", else offsets with X-Total-Count, and ends where the
// instance says the data ends, never merely because a page was short or
// empty (the instance applies ACLs after the limit). A v1 404 "No Record
// found" on a list is an empty result.
//
// # Attachments and statistics
//
// Client.Attachments uploads files to any record, raw or as multipart
// (file part last, its type sniffed when not given), from an
// incidentkit.Upload: a reader, a ReaderAt, an open function, or a file on
// disk through incidentkit.FileUpload. It lists a record's attachments,
// reads metadata, streams downloads to an io.Writer and deletes. Memory
// does not grow with file size, and progress callbacks report bytes sent
// or received. Client.Stats reads the Aggregate API: counts, averages,
// minimums, maximums and sums, grouped by fields, filtered with Having and
// ordered.
//
// # Batch, import sets and task SLAs
//
// Client.Batch sends many REST calls in one request through the Batch API
// (POST /api/now/v1/batch), split into batches of BatchOptions.Size; each
// item's outcome, failure included, is in its own BatchResult, and an item
// the instance did not run is sent again in a later batch. The bulk calls
// of Table[T] (CreateMany, UpdateMany, DeleteMany) are built on it. A
// batch that only
// reads is repeated like a read; one that writes is sent once.
// Client.ImportSets inserts rows into a staging table (one, or many with
// insertMultiple) and reports what each transform map did. Client.TaskSLAs
// reads the task_sla records the instance's SLA engine keeps, and
// CompareSLA sets one beside a clock of package sla. Client.Audit reads a
// record's field history from sys_audit, and its History builds the
// sla.History that sla.Replay runs SLA definitions over.
//
// # Display values
//
// With DisplayValueTrue a record carries display text: a date-time in the
// user's format and zone is kept in Time.Display (Time.ParseDisplay reads
// it with the caller's layout and zone), a reference's bare text in
// Reference.DisplayValue (never taken for a sys_id), and choice labels map
// back to the typed values. WithInputDisplayValue writes references and
// choices by display value; Incidents.Create and Update report a
// reference whose text matched no record with a *DisplayValueError, next
// to the stored incident.
//
// # Parameters
//
// ListOptions and GetOptions name every Table API parameter the
// documentation lists; incidentkit.WithQuery and incidentkit.WithHeader
// add others to the calls made with a context (X-no-response-body: true
// on a write, for example, which then returns a zero record).
//
// Behaviour follows ServiceNow's REST API reference as published for the
// current releases (Zurich and Australia, 2025–2026): the Table,
// Attachment, Aggregate, Batch and Import Set APIs. Where it is silent,
// the client follows what ServiceNow's own PySNC client does against an
// instance, and says so where it matters.
//
// # Errors and retries
//
// Errors are incidentkit's: an *incidentkit.Error for a failure answer
// (ServiceNow's error envelope is one even inside an HTTP 200 answer), an
// *incidentkit.BodyError for a success answer that could not be read, an
// *incidentkit.RequestError when no answer came, an *incidentkit.InputError
// for input refused before anything was sent. They match ErrNotFound,
// ErrUnauthorized, ErrForbidden, ErrRateLimited, ErrConflict, ErrServer
// and ErrInvalidInput with errors.Is; (*incidentkit.Error).Response reads
// the X-RateLimit-* values of a 429, and incidentkit.WithResponse those of
// any answer, success included. Reads and field updates are retried; creates, closes,
// resolves, journal appends and uploads are never sent twice, except that
// an upload from a source that can be read again is repeated where the
// instance provably did not store it (429, or 503 with Retry-After).
//
// The servicenowtest package is an in-memory instance to test against.
package servicenow

//go:generate go run ../internal/family/gen -pkg servicenow
