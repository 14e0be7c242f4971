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
// The services hang off the client: Cases, Tasks, Observables and Alerts.
// Every call takes a context and is bounded by it (and by WithTimeout).
//
// Searches never stop at the server's default of 10 results: V1 queries
// end with a page step and V0 searches always send a range. Search returns
// one page with its total; All returns an iter.Seq2 that fetches pages
// lazily, stops when the total is reached, and starts over when ranged
// again.
//
// Values where zero means something are pointers in the input types, so
// TLP CLEAR (0) and Flag false are sent: thehive.Ptr(thehive.TLPClear).
// TLP constants are semantic and encoded for the dialect (RED is 4 in V1
// and 3 in V0; AMBER+STRICT exists only in V1). Updates clear nullable
// fields with thehive.Clear, which sends JSON null. Times are time.Time on
// the way in and Time (epoch milliseconds) on the way out.
//
// Creates, comments, task logs, closes and uploads are never repeated
// unless the server provably did not act on them; reads and field updates
// are retried on transient failures. An error answer is an *Error with
// TheHive's error type in Code; AttributeErrors lists the fields of an
// AttributeCheckingError. Input that can never work (an empty title, a
// severity outside 1-4, a TLP the dialect lacks, an empty id, a file with
// no name) fails with an *InputError before anything is sent. Adding
// several observables at once can partly fail: the result then holds the
// created observables and the refused values, and the error is a
// *PartialError.
package thehive

//go:generate go run ../internal/family/gen -pkg thehive
