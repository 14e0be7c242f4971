// Package thehivetest is an in-memory TheHive for tests: a stateful
// httptest server speaking both dialects the thehive package uses —
// TheHive 5's /api/v1 (cases, tasks, task logs, observables, alerts,
// comments and the /api/v1/query language) and TheHive 3/4's /api/case
// and /api/alert endpoints with _search.
//
// Alerts follow TheHive's lifecycle: follow and unfollow, read and unread
// (v0, where the status follows from them: New, Updated, Ignored,
// Imported), a v1 status that moves the alert to its stage (an unknown
// status is refused), promotion, and merges into an existing case one by
// one or in bulk — the alert's observables are copied unless the case has
// the same value already, tags join the case's, the description is
// appended, and the alert is linked and Imported; merging it again is
// refused with 400 "Alert is already imported", as TheHive 4 does. Bulk
// updates and deletes check every id before changing anything.
//
// It evaluates filters of both dialects (including v0 _wildcard, old-style
// comparisons and _parent), sorts, pages with from/to or range and reports
// totals in X-Total. Like the real server, a v0 search without a range
// returns only the first 10 results. It answers updates and deletes with
// 204 on v1, creates observables one per value and answers 207 with the
// successes and failures when any value already exists in the case (each
// failure {"type":"CreateError","message":"Observable already exists"}, as
// TheHive 4 and 5 answer even when every value was refused), refuses a
// second alert with the same type, source and sourceRef with 400
// {"type":"CreateError","message":"Alert <type>:<source>:<sourceRef>
// already exist in organisation <org>"}, renders comments with TheHive 5's
// createdBy and createdAt names, accepts file observables as multipart
// (_json plus attachment parts),
// encodes TLP for each dialect (RED is 3 on v0 and 4 on v1), and answers
// errors with TheHive's {"type","message"} body, AttributeCheckingError
// with its field list.
//
// Requests authenticate with the API key (APIKey unless WithAPIKey sets
// another) as a bearer token, or with basic auth when WithBasicAuth is
// given. Seed data with AddCase and AddAlert, inspect what arrived with
// the accessors and Requests, and inject faults with Fail, Drop, Truncate
// and Delay.
package thehivetest

//go:generate go run ../../internal/family/gen -fake -pkg thehivetest
