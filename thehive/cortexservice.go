package thehive

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// CortexService runs Cortex analyzers and responders through TheHive's
// Cortex connector (/api/v1/connector/cortex in TheHive 5,
// /api/connector/cortex in TheHive 3/4). Get it from Client.Cortex.
type CortexService struct{ c *Client }

// Analyzers returns every analyzer the connected Cortex instances offer,
// in one page.
func (s *CortexService) Analyzers(ctx context.Context) (*incidentkit.Page[*Worker], error) {
	return s.workers(ctx, &transport.Request{Path: s.c.sp.cortex + "/analyzer", Query: url.Values{"range": {"all"}}})
}

// AnalyzersFor returns the analyzers that take observables of dataType.
func (s *CortexService) AnalyzersFor(ctx context.Context, dataType string) (*incidentkit.Page[*Worker], error) {
	if err := required("data type", dataType); err != nil {
		return nil, err
	}
	return s.workers(ctx, &transport.Request{Path: s.c.sp.cortex + "/analyzer/type/{}", Args: []string{dataType}})
}

// Responders returns the responders that can act on the object id of
// type t.
func (s *CortexService) Responders(ctx context.Context, t EntityType, id string) (*incidentkit.Page[*Worker], error) {
	r, err := s.entityRequest("/responder/{}/{}", t, id)
	if err != nil {
		return nil, err
	}
	return s.workers(ctx, r)
}

// workers sends r and decodes the list of workers it answers.
func (s *CortexService) workers(ctx context.Context, r *transport.Request) (*incidentkit.Page[*Worker], error) {
	var raws []json.RawMessage
	if _, err := s.c.do(ctx, r, &raws); err != nil {
		return nil, err
	}
	items := make([]*Worker, 0, len(raws))
	for _, raw := range raws {
		w := &Worker{Raw: raw}
		if err := json.Unmarshal(raw, w); err != nil {
			return nil, &incidentkit.BodyError{Service: "thehive", Method: http.MethodGet, URL: r.Path, StatusCode: http.StatusOK, Err: err}
		}
		items = append(items, w)
	}
	return &incidentkit.Page[*Worker]{Items: items, Total: len(items)}, nil
}

// entityRequest is a GET of path under the connector for the object id
// of type t; an unknown type fails before anything is sent (TheHive 4
// answers it with 500).
func (s *CortexService) entityRequest(path string, t EntityType, id string) (*transport.Request, error) {
	if !t.valid() {
		return nil, inputErr("entity type", string(t)+" is not case, case_task, case_task_log, case_artifact or alert")
	}
	if err := required("entity id", id); err != nil {
		return nil, err
	}
	return &transport.Request{Path: s.c.sp.cortex + path, Args: []string{string(t), id}}, nil
}

// RunAnalyzer runs analyzer on the observable o and returns the job,
// which runs on in Cortex: follow it with WaitJob. It is sent once. An
// analyzer that does not take o's data type fails before anything is
// sent, and so does one without a Cortex instance; the first of its
// CortexIDs runs it (TheHive 4 and 5 require one). parameters may be nil.
func (s *CortexService) RunAnalyzer(ctx context.Context, o *Observable, analyzer *Worker, parameters map[string]any) (*Job, error) {
	if o == nil || analyzer == nil {
		return nil, inputErr("analyzer run", "needs an observable and an analyzer")
	}
	if err := required("observable id", o.ID); err != nil {
		return nil, err
	}
	if !analyzer.Takes(o.DataType) {
		return nil, inputErr("analyzer", analyzer.Name+" does not take data type "+o.DataType)
	}
	if len(analyzer.CortexIDs) == 0 {
		return nil, inputErr("analyzer", analyzer.Name+" names no Cortex instance")
	}
	body := map[string]any{"analyzerId": analyzer.ID, "cortexId": analyzer.CortexIDs[0], "artifactId": o.ID}
	if parameters != nil {
		body["parameters"] = parameters
	}
	r := &transport.Request{Method: http.MethodPost, Path: s.c.sp.cortex + "/job", JSON: body, Replay: transport.ReplayUnsafe}
	return getOne[Job, jobWire](ctx, s.c, r)
}

// GetJob returns a job as it stands.
func (s *CortexService) GetJob(ctx context.Context, id string) (*Job, error) {
	if err := required("job id", id); err != nil {
		return nil, err
	}
	return getOne[Job, jobWire](ctx, s.c, &transport.Request{Path: s.c.sp.cortex + "/job/{}", Args: []string{id}})
}

// WaitJob reads the job id every interval (a second when 0) until it has
// ended, and returns it: its Status says how, its Report what the
// analyzer found. It gives up with the context's error when ctx ends
// first.
func (s *CortexService) WaitJob(ctx context.Context, id string, interval time.Duration) (*Job, error) {
	if interval <= 0 {
		interval = time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		j, err := s.GetJob(ctx, id)
		if err != nil || j.Status.Done() {
			return j, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// ActionInput runs a responder on an object; all but Parameters and TLP
// are required (InputAction).
type ActionInput struct {
	// ResponderID names the responder (Worker.ID).
	ResponderID string
	// ObjectType and ObjectID are what it acts on.
	ObjectType EntityType
	ObjectID   string
	// CortexID names the Cortex instance to run it; empty takes the
	// responder's first.
	CortexID string
	// Parameters are the responder's parameters; TLP caps the data sent.
	Parameters map[string]any
	TLP        *TLP
}

// RunResponder runs a responder on an object and returns the action. It
// first lists the responders that can act on the object, and refuses,
// before running anything, a responder that is not among them. It is sent
// once. A nil in is an input error.
func (s *CortexService) RunResponder(ctx context.Context, in *ActionInput) (*Action, error) {
	if in == nil {
		return nil, inputErr("action input", "is nil")
	}
	if err := required("responder id", in.ResponderID); err != nil {
		return nil, err
	}
	available, err := s.Responders(ctx, in.ObjectType, in.ObjectID)
	if err != nil {
		return nil, err
	}
	var responder *Worker
	for _, w := range available.Items {
		if w.ID == in.ResponderID {
			responder = w
		}
	}
	if responder == nil {
		return nil, inputErr("responder", in.ResponderID+" cannot act on "+string(in.ObjectType)+" "+in.ObjectID)
	}
	body := map[string]any{"responderId": in.ResponderID, "objectType": string(in.ObjectType), "objectId": in.ObjectID}
	cortexID := in.CortexID
	if cortexID == "" && len(responder.CortexIDs) > 0 {
		cortexID = responder.CortexIDs[0]
	}
	putText(body, "cortexId", cortexID)
	if in.Parameters != nil {
		body["parameters"] = in.Parameters
	}
	if in.TLP != nil {
		n, err := s.c.sp.encodeTLP(*in.TLP, "action TLP")
		if err != nil {
			return nil, err
		}
		body["tlp"] = n
	}
	r := &transport.Request{Method: http.MethodPost, Path: s.c.sp.cortex + "/action", JSON: body, Replay: transport.ReplayUnsafe}
	return getOne[Action, actionWire](ctx, s.c, r)
}

// Actions returns the responder runs on the object id of type t, in one
// page.
func (s *CortexService) Actions(ctx context.Context, t EntityType, id string) (*incidentkit.Page[*Action], error) {
	r, err := s.entityRequest("/action/{}/{}", t, id)
	if err != nil {
		return nil, err
	}
	ans := &many[Action, actionWire, *Action, *actionWire]{sp: s.c.sp}
	if _, err := s.c.do(ctx, r, ans); err != nil {
		return nil, err
	}
	return &incidentkit.Page[*Action]{Items: ans.items, Total: len(ans.items)}, nil
}
