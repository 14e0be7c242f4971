// Package cyderestest is an in-memory Cyderes Ticket System Integration API
// (v2) for tests: a stateful httptest server with the API's semantics.
//
// It lists tickets with skip/limit paging (limit 1–250, newest first),
// filters by ticket type (default alert), creation or update dates (whole
// UTC days) and escalation (escalated_only defaults to true, as on the real
// API), serves tickets, base64 and raw attachments, takes comments,
// closes tickets, creates service requests and answers MISP IOC queries
// by time range (default: the last seven days). Errors use FastAPI's
// {"detail": ...} shape, including 422 validation lists.
//
// Point a client at it with the server's URL in place of
// cyderes.DefaultBaseURL:
//
//	srv := cyderestest.New()
//	defer srv.Close()
//	c, err := cyderes.NewClient(srv.URL(), cyderes.WithToken(cyderestest.Token))
//
// Every request needs the bearer token (Token unless WithToken sets
// another). Seed data with AddTicket, AddAttachment and AddAttribute,
// inspect requests with Requests, and inject faults with Fail, Drop,
// Truncate and Delay.
package cyderestest

//go:generate go run ../../internal/family/gen -fake -pkg cyderestest
