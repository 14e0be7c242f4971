package cyderes

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// ServiceRequestInput is a new service request ticket. The API has no call
// that changes a ticket afterwards, so no field here can be cleared; each
// is sent as given.
type ServiceRequestInput struct {
	// Name is the full name of the requester; it must not be blank.
	Name string `json:"name"`
	// Priority, Category and Type are optional and passed through as
	// given (their accepted values are not documented); left empty, they
	// are not sent.
	Priority string `json:"priority,omitempty"`
	Category string `json:"category,omitempty"`
	Type     string `json:"type,omitempty"`
	// ShortDescription summarises the request; it must not be blank.
	ShortDescription string `json:"short_description"`
	// Description is the full text of the request.
	Description string `json:"description"`
}

// ServiceRequestResult is the API's answer to a created service request:
// {"status": 201, "ticket_id": ..., "message": "Ticket has been created."}.
type ServiceRequestResult struct {
	// TicketID is the new ticket's id. The API documents it without
	// quotes, so a number is accepted and kept as its text. It is empty
	// when a successful answer does not carry one: the ticket exists all
	// the same, and creating it again would duplicate it.
	TicketID string `json:"ticket_id"`
	// Status is the status code the body repeats (201), or 0 when absent.
	Status int `json:"status"`
	// Message is the API's confirmation text.
	Message string `json:"message"`

	// Raw is the answer's JSON exactly as received (empty when the answer
	// had no body).
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the answer leniently and keeps its raw JSON.
func (r *ServiceRequestResult) UnmarshalJSON(b []byte) error {
	var w struct {
		Status   flexInt    `json:"status"`
		TicketID flexString `json:"ticket_id"`
		Message  flexString `json:"message"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = ServiceRequestResult{
		TicketID: string(w.TicketID),
		Status:   int(w.Status.value),
		Message:  string(w.Message),
		Raw:      append(json.RawMessage(nil), b...),
	}
	return nil
}

// ServiceRequestService opens service request tickets. Use it as
// Client.ServiceRequests.
type ServiceRequestService struct{ c *Client }

// Create opens a service request ticket and returns the API's answer,
// which carries the new ticket's id. It is never sent twice once the
// server may have received it, so a failure cannot create a duplicate
// ticket. A nil in, or a blank Name or ShortDescription (the fields the
// API requires), is refused before anything is sent.
func (s *ServiceRequestService) Create(ctx context.Context, in *ServiceRequestInput) (*ServiceRequestResult, error) {
	if in == nil {
		return nil, inputErr("service request", "is nil")
	}
	if strings.TrimSpace(in.Name) == "" {
		return nil, inputErr("name", "is empty")
	}
	if strings.TrimSpace(in.ShortDescription) == "" {
		return nil, inputErr("short description", "is empty")
	}
	var out ServiceRequestResult
	r := &transport.Request{
		Method: "POST",
		Path:   "/v2/tickets/create",
		JSON:   in,
		Replay: transport.ReplayUnsafe,
	}
	if _, err := s.c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
