package thehive

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// LinkedCase is a case that shares observables with another: one of the
// case's links (OutputCaseWithLinks in TheHive 5, the same shape in
// TheHive 3/4's /api/case/{id}/links).
type LinkedCase struct {
	*Case
	// LinkedWith are the observables of the linked case that the first
	// case has too; LinksCount how many there are.
	LinkedWith []*Observable
	LinksCount int
}

// Links returns the cases that share observables with the case id, in one
// page. TheHive 5 marks its route deprecated in favour of the
// similarCasesLight query (reachable with Client.Query) but still serves
// it.
func (s *CaseService) Links(ctx context.Context, id string) (*incidentkit.Page[*LinkedCase], error) {
	r, err := s.c.request(http.MethodGet, route{path: s.c.sp.caseLinks, what: "listing linked cases", idField: "case id", id: id},
		transport.ReplayByMethod)
	if err != nil {
		return nil, err
	}
	var raws []json.RawMessage
	resp, err := s.c.do(ctx, r, &raws)
	if err != nil {
		return nil, err
	}
	bad := func(err error) error {
		return &incidentkit.BodyError{Service: "thehive", Method: http.MethodGet, URL: r.Path, StatusCode: resp.StatusCode, Err: err}
	}
	readCase, readObservable := decoder[Case, caseWire](s.c.sp), decoder[Observable, observableWire](s.c.sp)
	items := make([]*LinkedCase, 0, len(raws))
	for _, raw := range raws {
		c, err := readCase(raw)
		if err != nil {
			return nil, bad(err)
		}
		var links struct {
			LinkedWith []json.RawMessage `json:"linkedWith"`
			LinksCount int               `json:"linksCount"`
		}
		if err := json.Unmarshal(raw, &links); err != nil {
			return nil, bad(err)
		}
		lc := &LinkedCase{Case: c, LinksCount: links.LinksCount}
		for _, o := range links.LinkedWith {
			obs, err := readObservable(o)
			if err != nil {
				return nil, bad(err)
			}
			lc.LinkedWith = append(lc.LinkedWith, obs)
		}
		items = append(items, lc)
	}
	return &incidentkit.Page[*LinkedCase]{Items: items, Total: len(items)}, nil
}
