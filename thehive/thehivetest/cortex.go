package thehivetest

import (
	"fmt"
	"net/http"
	"slices"
)

// Analyzer is a Cortex analyzer the fake offers, seeded with AddAnalyzer.
type Analyzer struct {
	// ID and Name identify it; DataTypes are the observable data types it
	// takes.
	ID, Name  string
	DataTypes []string
	// Level is the level of the taxonomy its reports give ("info",
	// "safe", "suspicious" or "malicious"; "info" when empty).
	Level string
}

// Responder is a Cortex responder the fake offers, seeded with
// AddResponder.
type Responder struct {
	// ID and Name identify it; ObjectTypes are the entity types it acts
	// on ("case", "case_task", "case_task_log", "case_artifact",
	// "alert").
	ID, Name    string
	ObjectTypes []string
}

// cortexID is the one Cortex instance of the fake.
const cortexID = "cortex"

// AddAnalyzer makes an analyzer available.
func (s *Server) AddAnalyzer(a Analyzer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.analyzers = append(s.analyzers, a)
}

// AddResponder makes a responder available.
func (s *Server) AddResponder(r Responder) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.responders = append(s.responders, r)
}

func (a Analyzer) json() map[string]any {
	return map[string]any{"id": a.ID, "name": a.Name, "version": "1.0", "description": a.Name, "dataTypeList": a.DataTypes,
		"cortexIds": []string{cortexID}}
}

func (r Responder) json() map[string]any {
	types := make([]string, 0, len(r.ObjectTypes))
	for _, t := range r.ObjectTypes {
		types = append(types, "thehive:"+t)
	}
	return map[string]any{"id": r.ID, "name": r.Name, "version": "1.0", "description": r.Name, "dataTypeList": types,
		"cortexIds": []string{cortexID}}
}

// entityKinds maps the connector's entity types to the fake's kinds.
var entityKinds = map[string]string{"case": kindCase, "case_task": kindTask, "case_task_log": kindLog,
	"case_artifact": kindObservable, "alert": kindAlert}

// cortex answers the Cortex connector's routes, seg starting after
// "cortex". Jobs run asynchronously, as in Cortex: a new job is Waiting,
// InProgress when read, and ends (Success with a report) when read again.
func (s *Server) cortex(method string, seg []string, in map[string]any, v0 bool, user string) answer {
	switch {
	case method == http.MethodGet && len(seg) == 1 && seg[0] == "analyzer":
		out := []any{}
		for _, a := range s.analyzers {
			out = append(out, a.json())
		}
		return answer{status: http.StatusOK, body: out}
	case method == http.MethodGet && len(seg) == 3 && seg[0] == "analyzer" && seg[1] == "type":
		out := []any{}
		for _, a := range s.analyzers {
			if slices.Contains(a.DataTypes, seg[2]) {
				out = append(out, a.json())
			}
		}
		return answer{status: http.StatusOK, body: out}
	case method == http.MethodPost && len(seg) == 1 && seg[0] == "job":
		return s.createJob(in, user)
	case method == http.MethodGet && len(seg) == 2 && seg[0] == "job":
		return s.readJob(seg[1])
	case method == http.MethodGet && len(seg) == 3 && seg[0] == "responder":
		out := []any{}
		for _, r := range s.responders {
			if slices.Contains(r.ObjectTypes, seg[1]) && s.find(entityKinds[seg[1]], seg[2]) != nil {
				out = append(out, r.json())
			}
		}
		return answer{status: http.StatusOK, body: out}
	case method == http.MethodPost && len(seg) == 1 && seg[0] == "action":
		return s.createAction(in, user)
	case method == http.MethodGet && len(seg) == 3 && seg[0] == "action":
		out := []any{}
		for _, d := range s.docs[kindAction] {
			if d["objectType"] == seg[1] && d["objectId"] == seg[2] {
				out = append(out, render(kindAction, d, false))
			}
		}
		return answer{status: http.StatusOK, body: out}
	}
	return fail(http.StatusNotFound, "NotFoundError", "no such endpoint")
}

// createJob starts an analyzer on an observable; the analyzer must take
// the observable's data type and a Cortex instance must be named, as
// TheHive 4 and 5 require.
func (s *Server) createJob(in map[string]any, user string) answer {
	var p problems
	p.required(in, "analyzerId", "artifactId", "cortexId")
	if len(p) > 0 {
		return answer{problems: p}
	}
	i := slices.IndexFunc(s.analyzers, func(a Analyzer) bool { return a.ID == in["analyzerId"] })
	if i < 0 {
		return notFound("Analyzer", fmt.Sprint(in["analyzerId"]))
	}
	a := s.analyzers[i]
	o := s.find(kindObservable, fmt.Sprint(in["artifactId"]))
	if o == nil {
		return notFound("Observable", fmt.Sprint(in["artifactId"]))
	}
	if !slices.Contains(a.DataTypes, fmt.Sprint(o["dataType"])) {
		return fail(http.StatusBadRequest, "BadRequest", fmt.Sprintf("Analyzer %s does not accept %v", a.Name, o["dataType"]))
	}
	d := doc{"analyzerId": a.ID, "analyzerName": a.Name, "analyzerDefinition": a.ID, "status": "Waiting", "cortexId": cortexID,
		"cortexJobId": fmt.Sprintf("cx-%d", len(s.docs[kindJob])+1), "startDate": s.millis(), "__observable": o["_id"], "__reads": 0}
	s.insert(kindJob, d, user)
	return answer{status: http.StatusCreated, kind: kindJob, obj: d}
}

// readJob answers a job, moving it on: Waiting, InProgress, Success.
func (s *Server) readJob(id string) answer {
	d := s.find(kindJob, id)
	if d == nil {
		return notFound("Job", id)
	}
	reads := d["__reads"].(int) + 1
	d["__reads"] = reads
	switch reads {
	case 1:
		d["status"] = "InProgress"
	default:
		if d["status"] != "Success" {
			s.finishJob(d)
		}
	}
	return answer{status: http.StatusOK, kind: kindJob, obj: d}
}

// finishJob ends a job with a report whose summary gives one taxonomy, and
// records the summary on the observable, as TheHive does.
func (s *Server) finishJob(d doc) {
	level := "info"
	for _, a := range s.analyzers {
		if a.ID == d["analyzerId"] && a.Level != "" {
			level = a.Level
		}
	}
	o := s.find(kindObservable, fmt.Sprint(d["__observable"]))
	tax := map[string]any{"level": level, "namespace": d["analyzerName"], "predicate": "Report", "value": fmt.Sprint(o["data"])}
	d["status"], d["endDate"] = "Success", s.millis()
	d["report"] = map[string]any{"success": true, "summary": map[string]any{"taxonomies": []any{tax}}, "full": map[string]any{"data": o["data"]},
		"artifacts": []any{}}
	reports, _ := o["reports"].(map[string]any)
	if reports == nil {
		reports = map[string]any{}
	}
	reports[fmt.Sprint(d["analyzerName"])] = map[string]any{"taxonomies": []any{tax}}
	o["reports"] = reports
}

// createAction runs a responder on an object it applies to.
func (s *Server) createAction(in map[string]any, user string) answer {
	var p problems
	p.required(in, "responderId", "objectType", "objectId")
	if len(p) > 0 {
		return answer{problems: p}
	}
	typ, id := fmt.Sprint(in["objectType"]), fmt.Sprint(in["objectId"])
	i := slices.IndexFunc(s.responders, func(r Responder) bool { return r.ID == in["responderId"] })
	switch {
	case i < 0:
		return notFound("Responder", fmt.Sprint(in["responderId"]))
	case entityKinds[typ] == "":
		return fail(http.StatusInternalServerError, "InternalError", "unknown object type "+typ)
	case s.find(entityKinds[typ], id) == nil:
		return notFound(typ, id)
	case !slices.Contains(s.responders[i].ObjectTypes, typ):
		return fail(http.StatusBadRequest, "BadRequest", fmt.Sprintf("Responder %s does not act on %s", s.responders[i].Name, typ))
	}
	now := s.millis()
	d := doc{"responderId": s.responders[i].ID, "responderName": s.responders[i].Name, "responderDefinition": s.responders[i].ID,
		"cortexId": cortexID, "cortexJobId": fmt.Sprintf("cx-a%d", len(s.docs[kindAction])+1), "objectType": typ, "objectId": id,
		"status": "Success", "startDate": now, "endDate": now, "operations": "[]", "report": `{"success":true}`}
	s.insert(kindAction, d, user)
	return answer{status: http.StatusOK, kind: kindAction, obj: d}
}
