// Package thehive is a client for TheHive 5 (the /api/v1 API, dialect V1,
// the default) and TheHive 3 and 4 (the /api/case API, dialect V0): cases,
// tasks and task logs, observables (plain and file), alerts, comments and
// searches with a filter language (package filter) that encodes to either
// dialect.
//
// Create a client with NewClient and an API key or a login:
//
//	client, err := thehive.NewClient("https://thehive.example.com",
//		thehive.WithAPIKey(key), thehive.WithOrganisation("soc"))
//
// The client follows the shape of every incidentkit client:
//
//   - The services hang off the client: Cases, Tasks, Observables, Alerts,
//     Comments, CaseTemplates, CustomFields, Procedures, Pages, Attachments
//     and Cortex; Client.Query reaches anything else TheHive 5's query API
//     answers. Every call takes a context first and is bounded by it
//     (and by WithTimeout).
//   - Create, Update and Close take a pointer to an input struct; a nil
//     input fails before anything is sent.
//   - List returns one *incidentkit.Page with the server's total; All
//     returns an iter.Seq2 that fetches pages lazily, stops when the total
//     is reached, stops at break and starts over when ranged again. Both
//     take a *ListOptions: a filter, sort keys, PageSize, Offset and
//     MaxItems. Lists never stop at the server's default of 10 results: V1
//     queries end with a page step and V0 searches always send a range.
//   - Every record (Case, Task, Log, Observable, Alert, Comment) keeps the
//     JSON it was decoded from in Raw, so a field this package does not name
//     is never lost.
//   - File observables take an incidentkit.Upload (a reader, a rewindable
//     source or incidentkit.FileUpload(path)); its Progress reports the
//     bytes sent.
//
// Values where zero means something are pointers in the input types, so
// TLP CLEAR (0) and Flag false are sent: incidentkit.Ptr(thehive.TLPClear).
// TLP constants are semantic and encoded for the dialect (RED is 4 in V1
// and 3 in V0; AMBER+STRICT exists only in V1). Updates empty nullable
// fields with incidentkit.Clear, which sends JSON null. Times are
// time.Time on the way in and Time (epoch milliseconds) on the way out.
// TLP, PAP and Severity values in a filter are encoded the same way
// (filter.Eq("tlp", thehive.TLPRed) means RED in both dialects).
//
// Cases.History reads a case's audit trail as an sla.History, for
// package sla to replay SLA definitions over (V1 only).
//
// # TheHive 3 and 4
//
// The V0 API is not quite the same in TheHive 3 and 4: a new case's
// assignee is owner in TheHive 3 and user in TheHive 4, TheHive 3 has one
// number type for custom fields where TheHive 4 has integer and float,
// and TheHive 3 searches strings with Elasticsearch wildcards where
// TheHive 4 has _startsWith, _endsWith and a _like of its own. A V0 client
// therefore learns the server's major version before its first call that
// sends a body or a search: from WithServerVersion, or by asking GET
// /api/status once (it needs no credentials; a failed answer is not kept,
// and nothing is sent under unknown rules). Everything else of V0 is
// encoded alike for both.
//
// # Errors
//
// Creates, comments, task logs, closes and uploads are never repeated
// unless the server provably did not act on them; reads and field updates
// are retried on transient failures. An error answer is an
// *incidentkit.Error with TheHive's error type in Code; AttributeErrors
// lists the fields of an AttributeCheckingError. TheHive's answer to a
// duplicate (an alert whose type, source and sourceRef are taken, an
// observable the case has already) matches ErrAlreadyExists.
//
// Input that can never work (an empty title, a severity outside 1-4, an
// empty id, a file with no name, a nil input) fails with an
// *incidentkit.InputError before anything is sent. So does anything the
// dialect cannot express — comments in V0, an alert's status or read
// flag in the dialect that lacks it, AMBER+STRICT in V0, a filter operator
// the dialect lacks — and that error also matches
// ErrUnsupported and names the dialect. A filter that cannot be encoded
// matches ErrInvalidInput, and errors.As finds the *filter.Error or
// *filter.UnsupportedError inside.
//
// Adding several observables at once can partly fail: the result then
// holds the created observables and the refused values, and the error is
// a *PartialError. A bulk call TheHive 3/4 cannot make in one request
// (AlertService.UpdateMany) is sent one request per object, and the
// objects it could not change are listed in a *BulkError.
//
// Alerts go through their whole triage in both dialects: create, find by
// their natural key (FindByKey), update one or many, follow, ignore (a
// status of the Closed stage in TheHive 5, read without a case in
// TheHive 3/4), merge one or many into an existing case, promote to a new
// case, delete one or many. The routes are TheHive 5's OpenAPI
// description and TheHive 3/4's router (ctl/v0/Router.scala in TheHive 4,
// conf/routes in TheHive 3); where they differ the method says so.
package thehive

//go:generate go run ../internal/family/gen -pkg thehive
