package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// ServiceRequest is a new service request ticket.
type ServiceRequest struct {
	// Name is the full name of the requester.
	Name string `json:"name"`
	// Priority, Category and Type are passed through as given; their
	// accepted values are not documented.
	Priority string `json:"priority"`
	Category string `json:"category"`
	Type     string `json:"type"`
	// ShortDescription summarises the request; it must not be blank.
	ShortDescription string `json:"short_description"`
	// Description is the full text of the request.
	Description string `json:"description"`
}

// createAnswer is the body of a 201 answer; ticket_id is documented
// without quotes, so a number is accepted too.
type createAnswer struct {
	Status   flexString `json:"status"`
	TicketID flexString `json:"ticket_id"`
	Message  flexString `json:"message"`
}

// CreateServiceRequest opens a service request ticket and returns its
// ticket id. It is never sent twice once the server may have received it,
// so a failure cannot create a duplicate ticket. The id is empty, with no
// error, when a successful answer does not carry one: the ticket exists,
// and creating it again would duplicate it.
func (c *Client) CreateServiceRequest(ctx context.Context, req ServiceRequest) (string, error) {
	if strings.TrimSpace(req.ShortDescription) == "" {
		return "", inputErr("short description", "is empty")
	}
	var out createAnswer
	r := &transport.Request{
		Method: "POST",
		Path:   "/v2/tickets/create",
		JSON:   req,
		Replay: transport.ReplayUnsafe,
	}
	if _, err := c.do(ctx, r, &out); err != nil {
		return "", err
	}
	return string(out.TicketID), nil
}
