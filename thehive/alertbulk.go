package thehive

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// UpdateMany changes the fields set in u on every alert of ids. TheHive 5
// takes them in one request. TheHive 4 has no bulk update of alerts, so
// in TheHive 3/4 the client sends one update per alert, in order, and
// when some fail returns a *BulkError naming each: the others are
// changed. A nil u, one that changes nothing, and an empty, blank or
// repeated id are input errors.
func (s *AlertService) UpdateMany(ctx context.Context, ids []string, u *AlertUpdate) error {
	if err := checkIDs("alert ids", ids); err != nil {
		return err
	}
	if s.c.sp.alertUpdateBulk == "" {
		// Check the update once, before anything is sent.
		if _, err := write(ctx, s.c, http.MethodPatch, s.at(s.c.sp.alertItem, "updating an alert", ids[0]),
			transport.ReplaySafe, "alert update", u); err != nil {
			return err
		}
		return eachID(ids, func(id string) error { return s.Update(ctx, id, u) })
	}
	r, err := write(ctx, s.c, http.MethodPatch, route{path: s.c.sp.alertUpdateBulk, what: "updating alerts"},
		transport.ReplaySafe, "alert update", u)
	if err != nil {
		return err
	}
	r.JSON.(map[string]any)["ids"] = ids
	_, err = s.c.do(ctx, r, nil)
	return err
}

// DeleteMany deletes every alert of ids for good, in one request. An
// empty, blank or repeated id is an input error.
func (s *AlertService) DeleteMany(ctx context.Context, ids []string) error {
	if err := checkIDs("alert ids", ids); err != nil {
		return err
	}
	r, err := s.c.request(http.MethodPost, route{path: s.c.sp.alertDeleteBulk, what: "deleting alerts"}, transport.ReplaySafe)
	if err != nil {
		return err
	}
	body := map[string]any{"ids": ids}
	if s.c.sp.alertForceDelete {
		body["force"] = true
	}
	r.JSON = body
	_, err = s.c.do(ctx, r, nil)
	return err
}

// BulkError reports the objects a call made of one request per object
// could not change; every other object was changed. It matches what each
// failure matches (errors.Is(err, ErrNotFound) when one id did not exist).
type BulkError struct {
	// Failed holds each failed object's error by id.
	Failed map[string]error
}

// Error lists the failures in id order.
func (e *BulkError) Error() string {
	ids := make([]string, 0, len(e.Failed))
	for id := range e.Failed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("thehive: ")
	for i, id := range ids {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(id + ": " + e.Failed[id].Error())
	}
	return b.String()
}

// Unwrap returns the failures, for errors.Is and errors.As.
func (e *BulkError) Unwrap() []error {
	errs := make([]error, 0, len(e.Failed))
	for _, err := range e.Failed {
		errs = append(errs, err)
	}
	return errs
}

// eachID calls do for every id and gathers the failures into a
// *BulkError. A cancelled context stops it: the ids not yet tried fail
// with the context's error.
func eachID(ids []string, do func(id string) error) error {
	var failed map[string]error
	var stop error
	for _, id := range ids {
		err := stop
		if err == nil {
			err = do(id)
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				stop = err
			}
		}
		if err != nil {
			if failed == nil {
				failed = map[string]error{}
			}
			failed[id] = err
		}
	}
	if failed == nil {
		return nil
	}
	return &BulkError{Failed: failed}
}
