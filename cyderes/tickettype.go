package cyderes

import (
	"slices"
	"strings"
)

// TicketType is the kind of a ticket. Values the server sends that are not
// listed here decode as they are.
type TicketType string

// Ticket types. TicketTypeAll is a list filter only.
const (
	TicketTypeAll              TicketType = "all"
	TicketTypeAlert            TicketType = "alert"
	TicketTypeServiceTask      TicketType = "service_task"
	TicketTypeServiceProactive TicketType = "service_proactive"
	TicketTypeServiceRequest   TicketType = "service_request"
	TicketTypePhishing         TicketType = "phishing"
)

// ticketTypes are the documented types.
var ticketTypes = []TicketType{TicketTypeAll, TicketTypeAlert, TicketTypeServiceTask,
	TicketTypeServiceProactive, TicketTypeServiceRequest, TicketTypePhishing}

// String returns the API's name of the type.
func (t TicketType) String() string { return string(t) }

// Known reports whether t is one of the documented types.
func (t TicketType) Known() bool { return slices.Contains(ticketTypes, t) }

// knownTicketTypes lists the documented types for messages: "all, alert, …".
func knownTicketTypes() string {
	names := make([]string, len(ticketTypes))
	for i, t := range ticketTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// LookupField is the date field a ticket list filters on and sorts by,
// newest first.
type LookupField string

// Lookup fields.
const (
	LookupCreated LookupField = "created"
	LookupUpdated LookupField = "updated"
)

// String returns the API's name of the field.
func (f LookupField) String() string { return string(f) }

// Known reports whether f is one of the documented fields.
func (f LookupField) Known() bool { return f == LookupCreated || f == LookupUpdated }
