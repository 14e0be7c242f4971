// Package incidentkittest holds the types the SDK's in-memory fakes share.
// The fakes — servicenow/servicenowtest, thehive/thehivetest and
// cyderes/cyderestest — each start an httptest server that speaks its API,
// records every request it receives as a [Request] and can be told to
// misbehave with a [Fault].
//
// Each fake's Server offers the same controls:
//
//   - Requests and CountRequests read what the server received, including
//     requests a fault answered.
//   - Fail, Drop, Truncate and Delay queue the common faults for the next n
//     matching requests; Inject queues any [Fault]; ClearFaults drops the
//     faults not yet applied.
//
// A fault applies only to requests its matcher accepts; [Path] builds the
// usual matcher from a method and a path prefix, and each fake re-exports it
// under its own name:
//
//	srv := servicenowtest.New()
//	defer srv.Close()
//	srv.Fail(1, http.StatusServiceUnavailable, time.Second, servicenowtest.Path("GET", "/api/now/table/incident"))
//	srv.Inject(1, incidentkittest.Fault{Status: http.StatusBadGateway, HTML: true})
package incidentkittest
