package thehivetest

import "net/http"

// Case is a case to seed.
type Case struct {
	Title, Description string
	Severity           int    // 1–4; 0 means 2
	TLP                string // CLEAR, GREEN, AMBER, AMBER+STRICT or RED; "" means AMBER
	Status             string // "" means New
	Assignee           string
	Tags               []string
	CustomFields       map[string]any
}

// Alert is an alert to seed.
type Alert struct {
	Type, Source, SourceRef string
	Title, Description      string
	Severity                int
	Tags                    []string
	Observables             []Observable
}

// Observable is an observable to seed.
type Observable struct {
	DataType, Data, Message string
	IOC                     bool
	Tags                    []string
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (o Observable) input() map[string]any {
	return map[string]any{"dataType": o.DataType, "data": o.Data, "message": o.Message, "ioc": o.IOC, "tags": anyList(o.Tags)}
}

// AddCase stores a case and returns its id.
func (s *Server) AddCase(c Case) string {
	in := map[string]any{"title": c.Title, "description": c.Description, "tags": anyList(c.Tags)}
	if c.Severity != 0 {
		in["severity"] = float64(c.Severity)
	}
	if c.TLP != "" {
		in["tlp"] = float64(tlpNumber(c.TLP, false))
	}
	if c.Status != "" {
		in["status"] = c.Status
	}
	if c.Assignee != "" {
		in["assignee"] = c.Assignee
	}
	if c.CustomFields != nil {
		in["customFields"] = c.CustomFields
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.createCase(in, false, "seed@thehive.local")
	if a.status != http.StatusCreated {
		panic("thehivetest: AddCase: invalid case: " + a.message)
	}
	return a.body.(map[string]any)["_id"].(string)
}

// AddAlert stores an alert with its observables and returns its id.
func (s *Server) AddAlert(al Alert) string {
	in := map[string]any{"type": al.Type, "source": al.Source, "sourceRef": al.SourceRef, "title": al.Title,
		"description": al.Description, "tags": anyList(al.Tags)}
	if al.Severity != 0 {
		in["severity"] = float64(al.Severity)
	}
	var obs []any
	for _, o := range al.Observables {
		obs = append(obs, o.input())
	}
	in["observables"] = obs
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.createAlert(in, "seed@thehive.local")
	if a.status != http.StatusCreated {
		panic("thehivetest: AddAlert: invalid alert: " + a.message)
	}
	return a.body.(map[string]any)["_id"].(string)
}

// AddObservable stores an observable in a case and returns its id.
func (s *Server) AddObservable(caseID string, o Observable) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.createObservables("__case", caseID, o.input(), nil, false, "seed@thehive.local")
	list, ok := a.body.([]any)
	if !ok || len(list) == 0 {
		panic("thehivetest: AddObservable: " + a.message)
	}
	return list[0].(map[string]any)["_id"].(string)
}

// list renders the stored objects of kind, v1 style, optionally only
// those under a parent.
func (s *Server) list(kind, parentKey, parentID string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, d := range s.docs[kind] {
		if parentKey == "" || d[parentKey] == parentID {
			out = append(out, render(kind, d, false))
		}
	}
	return out
}

// Cases returns every case as TheHive 5 renders it.
func (s *Server) Cases() []map[string]any { return s.list(kindCase, "", "") }

// Alerts returns every alert.
func (s *Server) Alerts() []map[string]any { return s.list(kindAlert, "", "") }

// Observables returns a case's observables.
func (s *Server) Observables(caseID string) []map[string]any {
	return s.list(kindObservable, "__case", caseID)
}

// Tasks returns a case's tasks.
func (s *Server) Tasks(caseID string) []map[string]any { return s.list(kindTask, "__case", caseID) }

// Logs returns a task's log entries.
func (s *Server) Logs(taskID string) []map[string]any { return s.list(kindLog, "__task", taskID) }

// Comments returns a case's comments.
func (s *Server) Comments(caseID string) []map[string]any {
	return s.list(kindComment, "__case", caseID)
}
