package thehive

import (
	"context"
	"net/http"
	"strconv"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Merge merges an alert into an existing case and returns the case: the
// alert's observables are added to it (values the case has already are
// skipped), its tags join the case's, its description is appended, and the
// alert is linked to the case and marked Imported. It is sent once. A case
// or alert that does not exist is an error matching ErrNotFound; an alert
// already imported is refused by TheHive 4 (an error matching
// ErrAlreadyExists), while TheHive 3 answers with the case the alert is
// already linked to, which may not be caseID: compare the returned ID.
func (s *AlertService) Merge(ctx context.Context, alertID, caseID string) (*Case, error) {
	rt := s.at(s.c.sp.alertMerge, "merging an alert into a case", alertID)
	rt.idField2, rt.id2 = "case id", caseID
	return s.toCase(ctx, rt, nil)
}

// Import imports an alert's observables and procedures into an existing
// case, without its description or tags (TheHive 5 only), and links the
// alert to the case like Merge.
func (s *AlertService) Import(ctx context.Context, alertID, caseID string) (*Case, error) {
	rt := s.at(s.c.sp.alertImport, "importing an alert into a case", alertID)
	rt.idField2, rt.id2 = "case id", caseID
	return s.toCase(ctx, rt, nil)
}

// MergeMany merges several alerts into one existing case in one request
// and returns the case. It is sent once. An empty alertIDs, or an empty id
// in it, is an input error.
func (s *AlertService) MergeMany(ctx context.Context, caseID string, alertIDs []string) (*Case, error) {
	if err := required("case id", caseID); err != nil {
		return nil, err
	}
	if err := checkIDs("alert ids", alertIDs); err != nil {
		return nil, err
	}
	return s.toCase(ctx, route{path: s.c.sp.alertMergeBulk, what: "merging alerts into a case"},
		map[string]any{"caseId": caseID, "alertIds": alertIDs})
}

// toCase posts body (nil for none) to rt once and returns the case of the
// answer.
func (s *AlertService) toCase(ctx context.Context, rt route, body map[string]any) (*Case, error) {
	r, err := s.c.request(http.MethodPost, rt, transport.ReplayUnsafe)
	if err != nil {
		return nil, err
	}
	if body != nil {
		r.JSON = body
	}
	return getOne[Case, caseWire](ctx, s.c, r)
}

// checkIDs refuses an empty list of ids, an empty id and a repeated one.
func checkIDs(field string, ids []string) error {
	if len(ids) == 0 {
		return inputErr(field, "are empty")
	}
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		if err := required(field+"["+strconv.Itoa(i)+"]", id); err != nil {
			return err
		}
		if seen[id] {
			return inputErr(field, "repeat "+strconv.Quote(id))
		}
		seen[id] = true
	}
	return nil
}
