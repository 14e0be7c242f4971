package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/ensure"
)

// Ensure adds the comment in to the ticket unless one carrying marker is
// there already, and reports whether this call added it. The marker (a
// key of the caller's, such as "[incidentkit:TH-42:resolved]") is what
// makes the comment safe to send again: it is appended to the body on a
// line of its own when the body does not hold it. When the create's answer
// is lost (no answer, a 500, 502 or 504: see incidentkit.OutcomeUnknown),
// Ensure reads the ticket's comments and returns when the comment arrived,
// or sends it once more when it did not — never two comments, never a
// failure for one that was made. When the lookup after a lost answer
// fails too, the error says the comment may have been made
// (incidentkit.OutcomeUnknown reports true for it, and it wraps both
// errors): call Ensure again to settle it.
func (s *CommentService) Ensure(ctx context.Context, ticketID string, in *CommentInput, marker string) (bool, error) {
	if in == nil {
		return false, inputErr("comment", "is nil")
	}
	marker = strings.TrimSpace(marker)
	if marker == "" || strings.ContainsAny(marker, "\r\n") {
		return false, inputErr("comment marker", "must be one non-empty line")
	}
	if strings.TrimSpace(in.Body) == "" {
		return false, inputErr("comment body", "is empty")
	}
	body := in.Body
	if !strings.Contains(body, marker) {
		body = strings.TrimRight(body, "\n") + "\n" + marker
	}
	marked := &CommentInput{Author: in.Author, Body: body}
	has := func() (struct{}, bool, error) {
		t, err := s.c.Tickets.Get(ctx, ticketID)
		if err != nil {
			return struct{}{}, false, err
		}
		for _, cm := range t.Comments {
			if strings.Contains(cm.Body, marker) {
				return struct{}{}, true, nil
			}
		}
		return struct{}{}, false, nil
	}
	create := func() (struct{}, error) { return struct{}{}, s.Create(ctx, ticketID, marked) }
	_, made, err := ensure.Do(has, create, nil)
	return made, err
}
