package thehivetest

import "net/http"

// v0 routes TheHive 3/4's /api/case and /api/alert endpoints (seg starts
// after "api").
func (s *Server) v0(w http.ResponseWriter, r *http.Request, user string, seg []string) {
	if len(seg) > 0 && seg[0] == "alert" {
		s.v0Alert(w, r, user, seg[1:])
		return
	}
	if len(seg) == 1 && seg[0] == "customField" {
		s.answerJSON(w, r, true, func(in map[string]any) answer { return s.customFields(r.Method, in, true, user) })
		return
	}
	if len(seg) == 0 || seg[0] != "case" {
		writeError(w, http.StatusNotFound, "NotFoundError", "no such endpoint")
		return
	}
	seg = seg[1:]
	switch {
	case len(seg) == 1 && seg[0] == "_search" && r.Method == http.MethodPost:
		s.v0Search(w, r, kindCase)
		return
	case len(seg) == 2 && seg[1] == "_search" && r.Method == http.MethodPost && (seg[0] == "task" || seg[0] == "artifact"):
		s.v0Search(w, r, map[string]string{"task": kindTask, "artifact": kindObservable}[seg[0]])
		return
	case len(seg) == 2 && seg[0] == "template" && seg[1] == "_search" && r.Method == http.MethodPost:
		s.v0Search(w, r, kindTemplate)
		return
	case len(seg) == 3 && seg[0] == "task" && seg[1] == "log" && seg[2] == "_search" && r.Method == http.MethodPost:
		s.v0Search(w, r, kindLog)
		return
	case len(seg) == 2 && seg[1] == "artifact" && r.Method == http.MethodPost:
		s.postObservables(w, r, user, kindCase, "__case", seg[0], true)
		return
	case len(seg) == 3 && seg[0] == "task" && seg[2] == "log" && r.Method == http.MethodPost && isMultipart(r):
		s.addLogFile(w, r, user, seg[1], "attachment", true)
		return
	}
	s.answerJSON(w, r, true, func(in map[string]any) answer { return s.v0Answer(r.Method, seg, in, user) })
}

func (s *Server) v0Answer(method string, seg []string, in map[string]any, user string) answer {
	switch {
	case len(seg) == 0 && method == http.MethodPost:
		return s.createCase(in, true, user)
	case len(seg) == 2 && seg[1] == "task" && method == http.MethodPost:
		return s.createTask(s.caseID(seg[0]), in, user)
	case len(seg) == 3 && seg[0] == "task" && seg[2] == "log" && method == http.MethodPost:
		return s.addLog(seg[1], in, user)
	case len(seg) == 3 && seg[0] == "task" && seg[1] == "log":
		return s.v0Object(kindLog, seg[2], method, in, user)
	case len(seg) == 1 && seg[0] == "template" && method == http.MethodPost:
		return s.createTemplate(in, true, user)
	case len(seg) == 2 && seg[0] == "template":
		return s.v0Object(kindTemplate, seg[1], method, in, user)
	case len(seg) == 1 && seg[0] == "_bulk" && method == http.MethodPatch:
		return s.bulkCases(in, true, user)
	case len(seg) == 2 && seg[1] == "links" && method == http.MethodGet:
		return s.caseLinks(seg[0], true)
	case len(seg) == 3 && seg[1] == "_merge" && method == http.MethodPost:
		return s.mergeCases([]string{seg[0], seg[2]}, true, user)
	case len(seg) == 2 && (seg[0] == "task" || seg[0] == "artifact"):
		return s.v0Object(map[string]string{"task": kindTask, "artifact": kindObservable}[seg[0]], seg[1], method, in, user)
	case len(seg) == 1:
		return s.v0Object(kindCase, seg[0], method, in, user)
	}
	return fail(http.StatusNotFound, "NotFoundError", "no such endpoint")
}

// v0Object gets, patches or deletes one object; any other method is not
// allowed.
func (s *Server) v0Object(kind, id, method string, in map[string]any, user string) answer {
	if a, ok := s.object(kind, id, method, in, true, user); ok {
		return a
	}
	return fail(http.StatusMethodNotAllowed, "BadRequest", method+" not allowed")
}
