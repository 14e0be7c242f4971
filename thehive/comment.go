package thehive

import (
	"context"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Comment is a comment on a case.
type Comment struct {
	ID        string `json:"_id"`
	CreatedBy string `json:"createdBy,omitempty"`
	CreatedAt Time   `json:"createdAt"`
	UpdatedAt Time   `json:"updatedAt"`
	Message   string `json:"message"`
	// IsEdited reports a comment changed after it was written.
	IsEdited bool `json:"isEdited,omitempty"`
}

// AddComment adds a comment to a case (V1 only). It is sent once, so a
// comment is never posted twice.
func (s *CaseService) AddComment(ctx context.Context, caseID, message string) (*Comment, error) {
	if err := s.c.needV1("commenting on a case"); err != nil {
		return nil, err
	}
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	if strings.TrimSpace(message) == "" {
		return nil, inputErr("comment message", "is empty")
	}
	var c Comment
	if _, err := s.c.do(ctx, &transport.Request{Method: http.MethodPost, Path: "/api/v1/case/{}/comment",
		Args: []string{caseID}, JSON: map[string]any{"message": message}, Replay: transport.ReplayUnsafe}, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

func noV0Comment(*Comment) *Comment { return nil }

func fixComment(*Comment) {}

// Comments returns one page of a case's comments (V1 only).
func (s *CaseService) Comments(ctx context.Context, caseID string, opts *SearchOptions) (*Page[*Comment], error) {
	if err := s.c.needV1("listing case comments"); err != nil {
		return nil, err
	}
	if err := checkID("case id", caseID); err != nil {
		return nil, err
	}
	q := &search{v1: []map[string]any{{"_name": "getCase", "idOrName": caseID}, {"_name": "comments"}}}
	return searchOne(ctx, s.c, q, opts, noV0Comment, fixComment)
}
