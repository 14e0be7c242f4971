package thehivetest

import "net/http"

// seedUser is the login that objects seeded through the Add methods are
// created by.
const seedUser = "seed@thehive.local"

// Case is a case to seed with AddCase.
type Case struct {
	// Title and Description are required.
	Title, Description string
	// Severity is 1–4; 0 means 2 (Medium).
	Severity int
	// TLP is CLEAR, GREEN, AMBER, AMBER+STRICT or RED; "" means AMBER.
	TLP string
	// Status is the case's status; "" means New.
	Status string
	// Assignee is the owner's login.
	Assignee string
	// Tags are the case's tags.
	Tags []string
	// CustomFields are stored as given, in TheHive 5's object form
	// ({"name": value}).
	CustomFields map[string]any
}

// Alert is an alert to seed with AddAlert.
type Alert struct {
	// Type, Source and SourceRef identify the alert; they must be unique
	// together.
	Type, Source, SourceRef string
	// Title and Description are required.
	Title, Description string
	// Severity is 1–4; 0 means 2 (Medium).
	Severity int
	// Tags are the alert's tags.
	Tags []string
	// Observables are stored with the alert.
	Observables []Observable
}

// Observable is an observable to seed with AddObservable or in an Alert.
type Observable struct {
	// DataType ("ip", "domain", ...) and Data are required; Message
	// describes the observable.
	DataType, Data, Message string
	// IOC marks an indicator of compromise.
	IOC bool
	// Tags are the observable's tags.
	Tags []string
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
	return s.seed("AddCase", "case", in, s.createCase)
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
	return s.seed("AddAlert", "alert", in, s.createAlert)
}

// seed stores the object in with create, as the seeding user, and returns
// its id. It panics, naming call, when in is not a valid what.
func (s *Server) seed(call, what string, in map[string]any, create func(in map[string]any, v0 bool, user string) answer) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := create(in, false, seedUser)
	if a.status != http.StatusCreated {
		panic("thehivetest: " + call + ": invalid " + what + ": " + a.message)
	}
	return a.body.(map[string]any)["_id"].(string)
}

// AddObservable stores an observable in a case and returns its id. It
// panics when the case has the same data type and data already.
func (s *Server) AddObservable(caseID string, o Observable) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.createObservables("__case", caseID, o.input(), nil, false, seedUser)
	list, ok := a.body.([]any)
	if !ok || len(list) == 0 {
		msg := a.message
		if a.status == http.StatusMultiStatus {
			msg = "the case has this observable already"
		}
		panic("thehivetest: AddObservable: " + msg)
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
