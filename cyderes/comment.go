package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// NewComment is a comment to add to a ticket.
type NewComment struct {
	// Author is the full name shown as the comment's author.
	Author string `json:"author"`
	// Body is the comment's text; it must not be blank.
	Body string `json:"body"`
}

// AddComment adds a comment to a ticket. It is never sent twice once the
// server may have received it, so a failure can leave the outcome unknown
// but never a doubled comment.
func (c *Client) AddComment(ctx context.Context, ticketID string, comment NewComment) error {
	if err := checkID("ticket id", ticketID); err != nil {
		return err
	}
	if strings.TrimSpace(comment.Body) == "" {
		return inputErr("comment body", "is empty")
	}
	r := &transport.Request{
		Method: "POST",
		Path:   "/v2/tickets/{}/comment",
		Args:   []string{ticketID},
		JSON:   comment,
		Replay: transport.ReplayUnsafe,
	}
	_, err := c.do(ctx, r, nil)
	return err
}

// CloseTicket flags a ticket as closed, with an optional closing comment
// (empty sends none). Like AddComment it is never sent twice.
func (c *Client) CloseTicket(ctx context.Context, ticketID, comment string) error {
	if err := checkID("ticket id", ticketID); err != nil {
		return err
	}
	r := &transport.Request{
		Method: "POST",
		Path:   "/v2/tickets/{}/close",
		Args:   []string{ticketID},
		Replay: transport.ReplayUnsafe,
	}
	if strings.TrimSpace(comment) != "" {
		r.Query = struct {
			Comment string `url:"comment"`
		}{comment}
	}
	_, err := c.do(ctx, r, nil)
	return err
}
