package thehive

import (
	"context"
	"encoding/json"
	"iter"

	"github.com/incidentkit/incidentkit"
)

// Comment is a comment on a case (TheHive 5).
type Comment struct {
	// ID is the comment's id; Type its object type.
	ID   string `json:"_id"`
	Type string `json:"_type,omitempty"`
	// CreatedBy is the author's login and UpdatedBy the last editor's;
	// CreatedAt and UpdatedAt are when it was written and last edited.
	// (TheHive 5 names these without the underscore other records have.)
	CreatedBy string `json:"createdBy,omitempty"`
	UpdatedBy string `json:"updatedBy,omitempty"`
	CreatedAt Time   `json:"createdAt"`
	UpdatedAt Time   `json:"updatedAt"`
	// Message is the comment's text (Markdown).
	Message string `json:"message"`
	// IsEdited reports a comment changed after it was written.
	IsEdited bool `json:"isEdited,omitempty"`
	// Raw is the comment as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// commentWire decodes a comment from TheHive 3/4 (which has none; it
// completes the decoding forms).
type commentWire = asIs[Comment, *Comment]

func (c *Comment) finish(_ *dialectSpec, raw json.RawMessage) { c.Raw = raw }

// CommentInput is a new comment. Message is required.
type CommentInput struct {
	// Message is the comment's text (Markdown).
	Message string
}

// put checks in and writes its create body to b.
func (in *CommentInput) put(_ *dialectSpec, b map[string]any) error {
	if err := required("comment message", in.Message); err != nil {
		return err
	}
	b["message"] = in.Message
	return nil
}

// CommentService adds and lists the comments of cases; TheHive 3/4 has
// none, so every call fails with an error matching ErrUnsupported in the
// V0 dialect, before anything is sent. Get it from Client.Comments.
type CommentService struct{ c *Client }

// Create adds a comment to a case. It is sent once, so a comment is never
// posted twice. A nil in is an input error.
func (s *CommentService) Create(ctx context.Context, caseID string, in *CommentInput) (*Comment, error) {
	return create[Comment, commentWire](ctx, s.c, route{path: s.c.sp.commentCreate, what: "commenting on a case",
		idField: "case id", id: caseID}, "comment input", in)
}

// List returns one page of a case's comments matching opts.
func (s *CommentService) List(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Comment], error) {
	return list[Comment, commentWire](ctx, s.c, caseListing(s.c.sp.comments, caseID), opts)
}

// All returns a lazy sequence of a case's comments matching opts; it
// behaves like CaseService.All.
func (s *CommentService) All(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Comment, error] {
	return all[Comment, commentWire](ctx, s.c, caseListing(s.c.sp.comments, caseID), opts)
}
