// Package cyderes is a client for the Cyderes Ticket System Integration
// API v2: tickets of every type, attachments, comments, closing, service
// requests and MISP indicators of compromise.
//
// Create a client for the API's address with the token Cyderes issued:
//
//	c, err := cyderes.NewClient(cyderes.DefaultBaseURL,
//		cyderes.WithToken(os.Getenv("CYDERES_TOKEN")))
//
// The client follows the shape every incidentkit client shares. Its
// services are fields: c.Tickets (Get, List, All, Between, Close),
// c.Attachments (List, All, Get, Download, Upload), c.Comments (Create),
// c.ServiceRequests (Create) and c.IOCs (List, All). Every call takes a
// context first; inputs are passed as pointers, and a nil input is refused
// before anything is sent. List returns one *incidentkit.Page; All ranges
// every item as an iter.Seq2. Every record keeps the JSON it was decoded
// from in Raw. Uploads take an incidentkit.Upload and downloads stream to
// an io.Writer with an optional incidentkit.Progress.
//
// The API has no call that changes a ticket's fields (only Close), so no
// input field can be cleared and this package has no incidentkit.Nullable
// fields: every input field is sent as given.
//
// The client retries reads on network errors and on 429, 502, 503 and 504
// answers. Comments, closes, service requests and uploads are retried only
// when the server provably did not act on them (the connection was
// refused, 429, or 503 with Retry-After), so a failure never doubles a
// comment or a ticket.
//
// # Listing tickets
//
// Tickets.List returns one page; Tickets.All ranges every page, and
// Tickets.Between selects an exact time window although the API filters
// on whole UTC days only. The API pages by offset (skip and limit) and
// reports no total: a page as full as asked for may be followed by
// another, and a shorter or empty page ends the list. The list is newest
// first, so tickets created during a long sweep shift later pages; All
// yields a ticket seen again only once.
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
// to sla priorities.
//
// # Errors
//
// Errors are incidentkit's. A non-success answer is an *incidentkit.Error;
// errors.Is matches ErrNotFound, ErrUnauthorized, ErrForbidden,
// ErrRateLimited, ErrConflict and ErrServer. The API's own explanation
// (FastAPI's "detail", as text or as a list of validation problems, or a
// "message") is in its Message. Input that cannot be valid is refused
// with an *incidentkit.InputError matching ErrInvalidInput before
// anything is sent; its text starts "cyderes: invalid". Attachment
// content that is not valid base64 is an *AttachmentDataError.
//
// # MISP
//
// IOCs returns MISP attributes with what MISP sends: tags, the event's
// date, analysis, publication and timestamps, the object an attribute
// belongs to, and a malware sample's content (MISPAttribute.Data, decoded
// from base64 as it is read). SplitComposite splits composite types such
// as "filename|sha256". MISPAttribute.Observables converts an attribute as
// TheHive 4's MISP connector does (TheHiveDataType: its mapping by
// category and type, then TheHive's observable types), and
// TheHive3Observables as TheHive 3 does (TheHive3DataType: its
// MispConverter's table); the tables are exactly TheHive's, and
// TheHiveDataTypes and TheHive3DataTypes return copies. The mapping of
// threat levels to TheHive severities, both ways, is
// sla.DefaultMISPThreatLevels.
//
// # Observables in ticket text
//
// ExtractObservables finds the observables a ticket's free text names
// (IP addresses with a flag for private ranges, domains, URLs, hashes with
// their algorithm, mail addresses and file names) and reports each once,
// with TheHive's data type and a refanged, normalised value: "hxxps://",
// "evil[.]com" and "bob [at] example [dot] com" are read as what they
// stand for. Its rules favour precision, so that prose ("e.g.", "1.2.3",
// "10:30", a sentence's final dot) yields nothing; NewExtractor limits the
// data types and can add the hosts of URLs and the domains of mail
// addresses. Refang restores defanged text on its own.
//
// # Testing
//
// Package cyderestest is an in-memory TSI API with the same semantics;
// pass its URL to NewClient.
package cyderes

//go:generate go run ../internal/family/gen -pkg cyderes
