package thehive

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/ensure"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// Ensure creates the alert in unless TheHive already has the alert of its
// type, source and sourceRef (the key TheHive enforces), and returns the
// alert and whether this call created it. A create TheHive refuses as a
// duplicate returns the alert it has; when the create's answer is lost (no
// answer, a 500, 502 or 504, a success answer cut short: see
// incidentkit.OutcomeUnknown), Ensure looks the alert up by its key and
// returns it when the create went through, or sends the create once more
// when it did not — never two alerts, never a failure for one that was
// made. When the lookup after a lost answer fails too, the error says the
// alert may have been made (incidentkit.OutcomeUnknown reports true for
// it, and it wraps both errors): call Ensure again to settle it.
func (s *AlertService) Ensure(ctx context.Context, in *AlertInput) (*Alert, bool, error) {
	if in == nil {
		return nil, false, inputErr("alert input", "is nil")
	}
	find := func() (*Alert, bool, error) {
		a, err := s.FindByKey(ctx, in.Type, in.Source, in.SourceRef)
		if errors.Is(err, ErrNotFound) {
			return nil, false, nil
		}
		return a, err == nil, err
	}
	return ensure.Do(find, func() (*Alert, error) { return s.Create(ctx, in) },
		func(err error) bool { return errors.Is(err, ErrAlreadyExists) })
}

// Ensure creates the case in unless TheHive already has a case tagged key,
// and returns the case and whether this call created it. TheHive keeps no
// external reference on a case, so key — a tag naming the case's origin,
// such as "cyderes:TSI-100001" — is what makes the create safe to repeat:
// it is added to in's tags when they lack it. When the create's answer is
// lost (no answer, a 500, 502 or 504, a success answer cut short: see
// incidentkit.OutcomeUnknown), Ensure looks the case up by its tag and
// returns it when the create went through, or sends the create once more
// when it did not — never two cases, never a failure for one that was
// made (when the lookup after a lost answer fails too, the error says so,
// as for AlertService.Ensure). When several cases carry the tag (made by
// someone else), the oldest is the one returned.
func (s *CaseService) Ensure(ctx context.Context, in *CaseInput, key string) (*Case, bool, error) {
	if in == nil {
		return nil, false, inputErr("case input", "is nil")
	}
	if strings.TrimSpace(key) == "" || strings.ContainsAny(key, "\r\n") {
		return nil, false, inputErr("case key", "must be one non-empty line")
	}
	tagged := *in
	if !slices.Contains(in.Tags, key) {
		tagged.Tags = append(slices.Clip(in.Tags), key)
	}
	find := func() (*Case, bool, error) {
		p, err := s.List(ctx, &ListOptions{Filter: filter.Eq("tags", key), Sort: []filter.Sort{filter.Asc(s.c.createdField())}, PageSize: 1})
		if err != nil || len(p.Items) == 0 {
			return nil, false, err
		}
		return p.Items[0], true, nil
	}
	return ensure.Do(find, func() (*Case, error) { return s.Create(ctx, &tagged) }, nil)
}

// EnsurePromoted returns the case the alert id was promoted or merged into,
// promoting it (with in, as Promote does) when it has none, and reports
// whether this call promoted it. Promoting is safe to repeat with it: when
// the promote's answer is lost, or TheHive refuses it (400, as it does for
// an alert another process imported meanwhile), the alert is read again and
// its case returned if it has one; the promote is sent again only when it
// has none and the first answer was lost. TheHive 3/4 answer a promote of
// an imported alert with its case, so there made can be true for a case
// another process made.
func (s *AlertService) EnsurePromoted(ctx context.Context, id string, in *CaseInput) (*Case, bool, error) {
	find := func() (*Case, bool, error) {
		a, err := s.Get(ctx, id)
		if err != nil || a.CaseID == "" {
			return nil, false, err
		}
		c, err := s.c.Cases.Get(ctx, a.CaseID)
		return c, err == nil, err
	}
	refused := func(err error) bool {
		var apiErr *incidentkit.Error
		return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest
	}
	return ensure.Do(find, func() (*Case, error) { return s.Promote(ctx, id, in) }, refused)
}
