package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// CommentInput is a comment to add to a ticket.
type CommentInput struct {
	// Author is the full name shown as the comment's author.
	Author string `json:"author"`
	// Body is the comment's text; it must not be blank.
	Body string `json:"body"`
}

// CommentService adds comments to tickets. Use it as Client.Comments.
type CommentService struct{ c *Client }

// Create adds a comment to a ticket. The API answers with no record, so
// there is nothing to return: read the ticket again (TicketService.Get) to
// see the comment with its id and time.
//
// A comment is never sent twice once the server may have received it, so
// a failure can leave the outcome unknown but never doubles the comment.
// A nil in, or a blank body, is refused before anything is sent.
func (s *CommentService) Create(ctx context.Context, ticketID string, in *CommentInput) error {
	if in == nil {
		return inputErr("comment", "is nil")
	}
	if strings.TrimSpace(in.Body) == "" {
		return inputErr("comment body", "is empty")
	}
	return s.c.postToTicket(ctx, ticketID, "comment", transport.Request{JSON: in})
}
