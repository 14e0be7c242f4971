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
	_, err := s.c.do(ctx, r, nil)
	return err
}
