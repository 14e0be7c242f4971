package thehive

import (
	"context"
	"iter"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// CaseTemplateService manages case templates, in TheHive 5
// (/api/v1/caseTemplate) and TheHive 3/4 (/api/case/template). Get it from
// Client.CaseTemplates.
type CaseTemplateService struct{ c *Client }

// Create creates a case template. It is sent once; a name taken already
// is refused by TheHive. A nil in is an input error.
func (s *CaseTemplateService) Create(ctx context.Context, in *CaseTemplateInput) (*CaseTemplate, error) {
	return create[CaseTemplate, caseTemplateWire](ctx, s.c, route{path: s.c.sp.templateCreate}, "template input", in)
}

// Get returns the case template with the given name or id.
func (s *CaseTemplateService) Get(ctx context.Context, nameOrID string) (*CaseTemplate, error) {
	return read[CaseTemplate, caseTemplateWire](ctx, s.c, s.item(nameOrID))
}

// Update changes the fields set in u. A nil u, or one that changes
// nothing, is an input error.
func (s *CaseTemplateService) Update(ctx context.Context, nameOrID string, u *CaseTemplateUpdate) error {
	return patch(ctx, s.c, s.item(nameOrID), transport.ReplaySafe, "template update", u)
}

// Delete deletes a case template; cases made from it keep what they got.
func (s *CaseTemplateService) Delete(ctx context.Context, nameOrID string) error {
	return s.c.remove(ctx, s.item(nameOrID))
}

// List returns one page of the case templates matching opts.
func (s *CaseTemplateService) List(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*CaseTemplate], error) {
	return list[CaseTemplate, caseTemplateWire](ctx, s.c, s.c.sp.templates, opts)
}

// All returns a lazy sequence of every case template matching opts; it
// behaves like CaseService.All.
func (s *CaseTemplateService) All(ctx context.Context, opts *ListOptions) iter.Seq2[*CaseTemplate, error] {
	return all[CaseTemplate, caseTemplateWire](ctx, s.c, s.c.sp.templates, opts)
}

// item is the route to the template nameOrID.
func (s *CaseTemplateService) item(nameOrID string) route {
	return route{path: s.c.sp.templateItem, idField: "template name or id", id: nameOrID}
}
