package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// DefaultBaseURL is the address of Cyderes' TSI API; pass it to NewClient
// unless Cyderes gave you another.
const DefaultBaseURL = "https://tsi-api.cyderes.io"

// Client talks to the Cyderes Ticket System Integration API v2. Its
// services group the calls; every call takes a context first. A Client is
// safe for concurrent use and holds no global state.
type Client struct {
	core *transport.Client

	// Tickets reads, lists and closes tickets of every type.
	Tickets *TicketService
	// Attachments lists, reads, downloads and uploads the files of a
	// ticket.
	Attachments *AttachmentService
	// Comments adds comments to tickets.
	Comments *CommentService
	// ServiceRequests opens service request tickets.
	ServiceRequests *ServiceRequestService
	// IOCs reads MISP indicators of compromise.
	IOCs *IOCService
}

// NewClient returns a client for the TSI API at baseURL, normally
// DefaultBaseURL; another address serves a regional endpoint, a proxy or a
// test server such as cyderestest. The URL must use HTTPS unless it is a
// loopback address or WithInsecureHTTP is given.
//
// WithToken is required. Every option is checked here, so an empty base
// URL, a missing token or a bad option fails now, with an error matching
// ErrInvalidInput, rather than at the first call.
func NewClient(baseURL string, opts ...Option) (*Client, error) {
	var o options
	core, err := newCore("base URL", baseURL, &o, opts, true)
	if err != nil {
		return nil, err
	}
	c := &Client{core: core}
	c.Tickets = &TicketService{c: c}
	c.Attachments = &AttachmentService{c: c}
	c.Comments = &CommentService{c: c}
	c.ServiceRequests = &ServiceRequestService{c: c}
	c.IOCs = &IOCService{c: c}
	return c, nil
}

// do sends r and decodes the answer into out.
func (c *Client) do(ctx context.Context, r *transport.Request, out any) (*transport.Response, error) {
	return c.core.Do(ctx, r, out)
}

// postToTicket sends r as a POST to the ticket's path ending in action
// (comment, close, attachment), a write the API answers without a record.
// It is never sent twice once the server may have received it.
func (c *Client) postToTicket(ctx context.Context, ticketID, action string, r transport.Request) error {
	if err := checkID("ticket id", ticketID); err != nil {
		return err
	}
	r.Method, r.Path, r.Args, r.Replay = "POST", "/v2/tickets/{}/"+action, []string{ticketID}, transport.ReplayUnsafe
	_, err := c.do(ctx, &r, nil)
	return err
}

// checkID rejects an empty or blank identifier before anything is sent.
func checkID(field, id string) error {
	if strings.TrimSpace(id) == "" {
		return inputErr(field, "is empty")
	}
	return nil
}
