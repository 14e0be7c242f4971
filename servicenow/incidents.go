package servicenow

import (
	"context"
	"iter"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// IncidentService manages incident records.
type IncidentService struct {
	t *Table[Incident]
}

// Create opens an incident.
func (s *IncidentService) Create(ctx context.Context, in *IncidentInput) (*Incident, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	if in.ShortDescription == nil || strings.TrimSpace(*in.ShortDescription) == "" {
		return nil, inputErr("short description", "is required")
	}
	return s.t.Create(ctx, in)
}

// Get returns the incident with the given sys_id.
func (s *IncidentService) Get(ctx context.Context, sysID string, opts *GetOptions) (*Incident, error) {
	return s.t.Get(ctx, sysID, opts)
}

// Update changes the set fields of an incident (PATCH).
func (s *IncidentService) Update(ctx context.Context, sysID string, in *IncidentInput) (*Incident, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	return s.t.Update(ctx, sysID, in)
}

// Delete removes an incident.
func (s *IncidentService) Delete(ctx context.Context, sysID string) error {
	return s.t.Delete(ctx, sysID)
}

// List returns one page of incidents.
func (s *IncidentService) List(ctx context.Context, opts *ListOptions) (*Page[Incident], error) {
	return s.t.List(ctx, opts)
}

// All yields every incident selected by opts.
func (s *IncidentService) All(ctx context.Context, opts *ListOptions) iter.Seq2[Incident, error] {
	return s.t.All(ctx, opts)
}

// Resolve sets an incident to Resolved with a close code and notes; both
// are required.
func (s *IncidentService) Resolve(ctx context.Context, sysID string, code CloseCode, notes string) (*Incident, error) {
	return s.finish(ctx, sysID, StateResolved, code, notes)
}

// Close sets an incident to Closed with a close code and notes; both are
// required.
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
	return s.t.update(ctx, sysID, &IncidentInput{State: &st, CloseCode: &code, CloseNotes: &notes}, transport.ReplayUnsafe)
}

// Reopen sets a resolved incident back to In Progress.
func (s *IncidentService) Reopen(ctx context.Context, sysID string) (*Incident, error) {
	st := StateInProgress
	return s.t.Update(ctx, sysID, &IncidentInput{State: &st})
}

// AddWorkNote appends an internal work note. Appending is not idempotent,
// so the request is never sent twice.
func (s *IncidentService) AddWorkNote(ctx context.Context, sysID, note string) (*Incident, error) {
	return s.appendJournal(ctx, sysID, JournalWorkNotes, note)
}

// AddComment appends a customer-visible comment; never sent twice.
func (s *IncidentService) AddComment(ctx context.Context, sysID, comment string) (*Incident, error) {
	return s.appendJournal(ctx, sysID, JournalComments, comment)
}

func (s *IncidentService) appendJournal(ctx context.Context, sysID string, field JournalField, text string) (*Incident, error) {
	if strings.TrimSpace(text) == "" {
		return nil, inputErr(string(field), "is empty")
	}
	return s.t.update(ctx, sysID, map[string]string{string(field): text}, transport.ReplayUnsafe)
}
