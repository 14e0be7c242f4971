package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Close flags a ticket as closed, with an optional closing comment (a
// blank comment sends none). Like CommentService.Create it is never sent
// twice once the server may have received it.
func (s *TicketService) Close(ctx context.Context, ticketID, comment string) error {
	var r transport.Request
	if strings.TrimSpace(comment) != "" {
		r.Query = struct {
			Comment string `url:"comment"`
		}{comment}
	}
	return s.c.postToTicket(ctx, ticketID, "close", r)
}
