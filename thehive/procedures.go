package thehive

import (
	"context"
	"iter"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// ProcedureService records MITRE ATT&CK techniques on cases and alerts.
// Only TheHive 5 has procedures; in V0 every call fails with an error
// matching ErrUnsupported. Get it from Client.Procedures.
type ProcedureService struct{ c *Client }

// AddToCase records a technique on a case. It is sent once.
func (s *ProcedureService) AddToCase(ctx context.Context, caseID string, in *ProcedureInput) (*Procedure, error) {
	return create[Procedure, procedureWire](ctx, s.c, route{path: s.c.sp.caseProcedure, what: "adding a procedure",
		idField: "case id", id: caseID}, "procedure input", in)
}

// AddToAlert records a technique on an alert. It is sent once.
func (s *ProcedureService) AddToAlert(ctx context.Context, alertID string, in *ProcedureInput) (*Procedure, error) {
	return create[Procedure, procedureWire](ctx, s.c, route{path: s.c.sp.alertProcedure, what: "adding a procedure",
		idField: "alert id", id: alertID}, "procedure input", in)
}

// ListForCase returns one page of a case's procedures matching opts.
func (s *ProcedureService) ListForCase(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Procedure], error) {
	return list[Procedure, procedureWire](ctx, s.c, childListing(s.c.sp.procedures, "case id", caseID), opts)
}

// AllForCase returns a lazy sequence of a case's procedures matching
// opts; it behaves like CaseService.All.
func (s *ProcedureService) AllForCase(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Procedure, error] {
	return all[Procedure, procedureWire](ctx, s.c, childListing(s.c.sp.procedures, "case id", caseID), opts)
}

// ListForAlert returns one page of an alert's procedures matching opts.
func (s *ProcedureService) ListForAlert(ctx context.Context, alertID string, opts *ListOptions) (*incidentkit.Page[*Procedure], error) {
	return list[Procedure, procedureWire](ctx, s.c, childListing(s.c.sp.alertProcedures, "alert id", alertID), opts)
}

// AllForAlert returns a lazy sequence of an alert's procedures matching
// opts.
func (s *ProcedureService) AllForAlert(ctx context.Context, alertID string, opts *ListOptions) iter.Seq2[*Procedure, error] {
	return all[Procedure, procedureWire](ctx, s.c, childListing(s.c.sp.alertProcedures, "alert id", alertID), opts)
}

// Update changes the fields set in u. A nil u, or one that changes
// nothing, is an input error.
func (s *ProcedureService) Update(ctx context.Context, id string, u *ProcedureUpdate) error {
	return patch(ctx, s.c, s.item(id), transport.ReplaySafe, "procedure update", u)
}

// Delete deletes a procedure.
func (s *ProcedureService) Delete(ctx context.Context, id string) error {
	return s.c.remove(ctx, s.item(id))
}

// item is the route to the procedure id.
func (s *ProcedureService) item(id string) route {
	return route{path: s.c.sp.procedureItem, what: "changing a procedure", idField: "procedure id", id: id}
}
