package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit"
)

// Ensure adds the comment in to the ticket unless one carrying marker is
// there already, and reports whether this call added it. The marker (a
// key of the caller's, such as "[incidentkit:TH-42:resolved]") is what
// makes the comment safe to send again: it is appended to the body on a
// line of its own when the body does not hold it. When the create's answer
// is lost (no answer, a 500, 502 or 504: see incidentkit.OutcomeUnknown),
// Ensure reads the ticket's comments and returns when the comment arrived,
// or sends it once more when it did not — never two comments, never a
// failure for one that was made.
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
	has := func() (bool, error) {
		t, err := s.c.Tickets.Get(ctx, ticketID)
		if err != nil {
			return false, err
		}
		for _, cm := range t.Comments {
			if strings.Contains(cm.Body, marker) {
				return true, nil
			}
		}
		return false, nil
	}
	if found, err := has(); err != nil || found {
		return false, err
	}
	var err error
	for range 2 {
		if err = s.Create(ctx, ticketID, marked); err == nil || !incidentkit.OutcomeUnknown(err) {
			return err == nil, err
		}
		found, lookupErr := has()
		if lookupErr != nil {
			return false, err // the create's own error says more
		}
		if found {
			return true, nil
		}
	}
	return false, err
}
