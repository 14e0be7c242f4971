package thehive

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Merge merges cases into a new case and returns it. It is sent once.
// TheHive 5 merges any number of cases in one request; TheHive 3/4 merge
// two (more fail with an error matching ErrUnsupported). What becomes of
// the merged cases depends on the server: TheHive 3 closes them as
// Duplicated and links them to the new case, TheHive 4 deletes them. Fewer
// than two ids, an empty, repeated or comma-holding id are input errors.
func (s *CaseService) Merge(ctx context.Context, ids ...string) (*Case, error) {
	if len(ids) < 2 {
		return nil, inputErr("case ids", "a merge needs at least two cases")
	}
	if err := checkIDs("case ids", ids); err != nil {
		return nil, err
	}
	sp := s.c.sp
	path := sp.caseMerge
	switch {
	case sp.caseMergePair && len(ids) > 2:
		return nil, sp.unsupported("case ids", "merging more than two cases at once is not available", "merge two at a time")
	case !sp.caseMergePair:
		for _, id := range ids {
			if strings.Contains(id, ",") {
				return nil, inputErr("case ids", "id "+id+" holds a comma, which separates the ids")
			}
		}
		// One path segment of comma-joined ids (CaseCtrl.merge splits it),
		// sent with its commas escaped: Play decodes the segment before
		// the controller splits it, and the OpenAPI description declares
		// the segment one string, which an unescaped comma would make a
		// list.
		path += "{}"
		ids = []string{strings.Join(ids, ",")}
	}
	r := &transport.Request{Method: http.MethodPost, Path: path, Args: ids, Replay: transport.ReplayUnsafe}
	return getOne[Case, caseWire](ctx, s.c, r)
}

// UpdateMany changes the fields set in u on every case of ids, in one
// request. TheHive 5 and 4 change all or none. TheHive 3 may change some
// and answer 207: the call then returns a *BulkError naming the cases it
// did not change (TheHive 3 lists its failures without ids, so each holds
// the failures' messages). A nil u, one that changes nothing, and an
// empty, blank or repeated id are input errors.
func (s *CaseService) UpdateMany(ctx context.Context, ids []string, u *CaseUpdate) error {
	if err := checkIDs("case ids", ids); err != nil {
		return err
	}
	r, err := write(ctx, s.c, http.MethodPatch, route{path: s.c.sp.caseBulk, what: "updating cases"}, transport.ReplaySafe, "case update", u)
	if err != nil {
		return err
	}
	r.JSON.(map[string]any)["ids"] = ids
	var answer json.RawMessage
	resp, err := s.c.do(ctx, r, &answer)
	if err != nil || resp.StatusCode != http.StatusMultiStatus {
		return err
	}
	return partialBulk(ids, answer)
}

// partialBulk reads TheHive 3's 207 answer to a bulk update,
// {"success":[objects],"failure":[errors]} (elastic4play's
// Renderer.toMultiOutput), into a *BulkError for the ids of ids that are
// not among the successes.
func partialBulk(ids []string, answer json.RawMessage) error {
	var multi struct {
		Success []struct {
			ID       string `json:"_id"`
			LegacyID string `json:"id"`
		} `json:"success"`
		Failure []struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"failure"`
	}
	if err := json.Unmarshal(answer, &multi); err != nil {
		return &BulkError{Failed: map[string]error{strings.Join(ids, ","): err}}
	}
	done := make(map[string]bool, len(multi.Success))
	for _, o := range multi.Success {
		done[o.ID], done[o.LegacyID] = true, true
	}
	msgs := make([]string, 0, len(multi.Failure))
	for _, f := range multi.Failure {
		msgs = append(msgs, strings.TrimSpace(f.Type+" "+f.Message))
	}
	cause := errors.New(strings.Join(msgs, "; "))
	failed := map[string]error{}
	for _, id := range ids {
		if !done[id] {
			failed[id] = cause
		}
	}
	if len(failed) == 0 {
		return nil
	}
	return &BulkError{Failed: failed}
}
