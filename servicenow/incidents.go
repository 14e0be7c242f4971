package servicenow

import (
	"context"
	"iter"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// IncidentService manages incident records: the Table API on the incident
// table with typed fields, plus resolution, journals and attachments.
type IncidentService struct {
	t *Table[Incident]
}

// Create opens an incident; in.ShortDescription is required. A create is
// never sent twice. Written with [WithInputDisplayValue], references
// whose display value matched no record are reported with a
// *DisplayValueError returned with the stored incident.
func (s *IncidentService) Create(ctx context.Context, in *IncidentInput) (*Incident, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	if in.ShortDescription == nil {
		return nil, inputErr("short description", "is required")
	}
	got, err := s.t.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return got, checkReferences(ctx, in, got)
}

// Get returns the incident with the given sys_id; opts may be nil.
func (s *IncidentService) Get(ctx context.Context, sysID string, opts *GetOptions) (*Incident, error) {
	return s.t.Get(ctx, sysID, opts)
}

// Update changes an incident (PATCH): the fields in sets are written, the
// ones it clears are emptied, the rest is left alone. It returns the stored
// incident. Setting fields is idempotent, so the update may be retried.
// References written by display value are checked as in Create.
func (s *IncidentService) Update(ctx context.Context, sysID string, in *IncidentInput) (*Incident, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	got, err := s.t.Update(ctx, sysID, in)
	if err != nil {
		return nil, err
	}
	return got, checkReferences(ctx, in, got)
}

// Delete removes an incident; see [Table.Delete] for what a repeated
// delete reports.
func (s *IncidentService) Delete(ctx context.Context, sysID string) error {
	return s.t.Delete(ctx, sysID)
}

// List returns one page of incidents selected by opts (nil lists all).
func (s *IncidentService) List(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*Incident], error) {
	return s.t.List(ctx, opts)
}

// All yields every incident selected by opts (nil lists all), fetching
// pages as the loop advances; see Table.All.
func (s *IncidentService) All(ctx context.Context, opts *ListOptions) iter.Seq2[*Incident, error] {
	return s.t.All(ctx, opts)
}

// Resolve sets an incident to Resolved with a close code and notes; both
// are required. It is never sent twice.
func (s *IncidentService) Resolve(ctx context.Context, sysID string, code CloseCode, notes string) (*Incident, error) {
	return s.finish(ctx, sysID, StateResolved, code, notes)
}

// Close sets an incident to Closed with a close code and notes; both are
// required. It is never sent twice.
func (s *IncidentService) Close(ctx context.Context, sysID string, code CloseCode, notes string) (*Incident, error) {
	return s.finish(ctx, sysID, StateClosed, code, notes)
}

func (s *IncidentService) finish(ctx context.Context, sysID string, st State, code CloseCode, notes string) (*Incident, error) {
	if strings.TrimSpace(string(code)) == "" {
		return nil, inputErr("close code", "is required")
	}
	if strings.TrimSpace(notes) == "" {
		return nil, inputErr("close notes", "are required")
	}
	in := &IncidentInput{State: &st, CloseCode: incidentkit.Set(code), CloseNotes: incidentkit.Set(notes)}
	return s.t.update(ctx, sysID, in, transport.ReplayUnsafe)
}

// Reopen sets a resolved incident back to In Progress.
func (s *IncidentService) Reopen(ctx context.Context, sysID string) (*Incident, error) {
	return s.t.Update(ctx, sysID, &IncidentInput{State: incidentkit.Ptr(StateInProgress)})
}

// AddWorkNote appends a work note, seen by staff only. Appending is not
// idempotent, so the request is never sent twice.
func (s *IncidentService) AddWorkNote(ctx context.Context, sysID, note string) (*Incident, error) {
	return s.appendJournal(ctx, sysID, JournalWorkNotes, note)
}

// AddComment appends a customer-visible comment; it is never sent twice.
func (s *IncidentService) AddComment(ctx context.Context, sysID, comment string) (*Incident, error) {
	return s.appendJournal(ctx, sysID, JournalComments, comment)
}

func (s *IncidentService) appendJournal(ctx context.Context, sysID string, field JournalField, text string) (*Incident, error) {
	if strings.TrimSpace(text) == "" {
		return nil, inputErr(string(field), "is empty")
	}
	return s.t.update(ctx, sysID, map[string]string{string(field): text}, transport.ReplayUnsafe)
}

// GetByNumber returns the incident with the given number (such as
// INC0010001), searching for it; no such incident is an error matching
// ErrNotFound.
func (s *IncidentService) GetByNumber(ctx context.Context, number string) (*Incident, error) {
	number = strings.TrimSpace(number)
	if number == "" {
		return nil, inputErr("incident number", "is empty")
	}
	p, err := s.t.List(ctx, &ListOptions{Query: encodedquery.Field("number").Eq(number), PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, &incidentkit.Error{Service: "servicenow", StatusCode: http.StatusNotFound, Method: http.MethodGet,
			URL: "api/now/table/incident", Message: "No Record found", Detail: "no incident numbered " + number}
	}
	return p.Items[0], nil
}
