package thehive

import (
	"context"
	"errors"

	"github.com/incidentkit/incidentkit"
)

// Ensure creates the alert in unless TheHive already has the alert of its
// type, source and sourceRef (the key TheHive enforces), and returns the
// alert and whether this call created it. A create TheHive refuses as a
// duplicate returns the alert it has; when the create's answer is lost (no
// answer, a 500, 502 or 504, a success answer cut short: see
// incidentkit.OutcomeUnknown), Ensure looks the alert up by its key and
// returns it when the create went through, or sends the create once more
// when it did not — never two alerts, never a failure for one that was
// made.
func (s *AlertService) Ensure(ctx context.Context, in *AlertInput) (*Alert, bool, error) {
	if in == nil {
		return nil, false, inputErr("alert input", "is nil")
	}
	find := func() (*Alert, error) {
		a, err := s.FindByKey(ctx, in.Type, in.Source, in.SourceRef)
		if errors.Is(err, ErrNotFound) {
			return nil, nil
		}
		return a, err
	}
	if found, err := find(); err != nil || found != nil {
		return found, false, err
	}
	var err error
	for range 2 {
		var created *Alert
		created, err = s.Create(ctx, in)
		switch {
		case err == nil:
			return created, true, nil
		case errors.Is(err, ErrAlreadyExists):
			found, lookupErr := find()
			if lookupErr != nil || found == nil {
				return nil, false, err
			}
			return found, false, nil
		case !incidentkit.OutcomeUnknown(err):
			return nil, false, err
		}
		found, lookupErr := find()
		if lookupErr != nil {
			return nil, false, err // the create's own error says more
		}
		if found != nil {
			return found, true, nil
		}
	}
	return nil, false, err
}
