// Package cyderes is a client for the Cyderes Ticket System Integration
// API v2: tickets of every type, attachments, comments, closing, service
// requests and MISP indicators of compromise.
//
// Create a client with the token Cyderes issued:
//
//	c, err := cyderes.NewClient(cyderes.WithToken(os.Getenv("CYDERES_TOKEN")))
//
// The base URL defaults to https://tsi-api.cyderes.io; WithBaseURL points
// the client elsewhere. The client retries reads on network errors and on
// 429, 502, 503 and 504 answers. Comments, closes, service requests and
// uploads are retried only when the server provably did not act on them
// (the connection was refused, 429, or 503 with Retry-After), so a
// failure never doubles a comment or a ticket.
//
// # Listing tickets
//
// ListTickets returns one page; AllTickets ranges every page as an
// iter.Seq2, and TicketsBetween selects an exact time window although the
// API filters on whole UTC days only.
//
// Beware of escalated_only: when the parameter is missing the API returns
// escalated tickets only. This package always sends it as
// ListOptions.EscalatedOnly says, so the zero options list escalated and
// non-escalated tickets alike. The ticket type, when empty, is left to the
// API, which defaults to alert tickets.
//
// # Decoding
//
// Ticket fields are typed, and decoding is lenient because the API's
// formats are documented loosely: times in several ISO forms (ParseTime),
// flags as "True" or true (ParseBool), priorities kept as sent and mapped
// to sla priorities. Every ticket and MISP attribute keeps its raw JSON.
//
// # Errors
//
// A non-success answer is an *Error; errors.Is matches ErrNotFound,
// ErrUnauthorized, ErrForbidden, ErrRateLimited, ErrConflict and ErrServer.
// The API's own explanation (FastAPI's "detail", as text or as a list of
// validation problems, or a "message") is in Error.Message. Input that
// cannot be valid is rejected with an *InputError matching ErrInvalidInput
// before anything is sent.
//
// # MISP
//
// IOCs returns MISP attributes. SplitComposite splits composite types such
// as "filename|sha256", and TheHiveDataType, TheHiveDataTypes and
// ThreatLevelSeverity give the usual mapping to TheHive observables and
// severities as plain data.
package cyderes

//go:generate go run ../internal/family/gen -pkg cyderes
