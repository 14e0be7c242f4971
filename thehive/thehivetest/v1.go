package thehivetest

import (
	"net/http"
	"strings"
)

// v1 routes TheHive 5's /api/v1 endpoints.
func (s *Server) v1(w http.ResponseWriter, r *http.Request, user string, seg []string) {
	if len(seg) == 1 && seg[0] == "query" && r.Method == http.MethodPost {
		s.query(w, r)
		return
	}
	if len(seg) == 3 && seg[2] == "attachments" && r.Method == http.MethodPost && (seg[0] == "case" || seg[0] == "alert" || seg[0] == "log") {
		s.addAttachments(w, r, user, map[string]string{"case": kindCase, "alert": kindAlert, "log": kindLog}[seg[0]], seg[1])
		return
	}
	if len(seg) == 3 && seg[0] == "task" && seg[2] == "log" && r.Method == http.MethodPost && isMultipart(r) {
		s.addLogFile(w, r, user, seg[1], "attachments", false)
		return
	}
	if len(seg) == 3 && seg[2] == "observable" && r.Method == http.MethodPost && (seg[0] == "case" || seg[0] == "alert") {
		parentKind := map[string]string{"case": kindCase, "alert": kindAlert}[seg[0]]
		s.postObservables(w, r, user, parentKind, "__"+seg[0], seg[1], false)
		return
	}
	s.answerJSON(w, r, false, func(in map[string]any) answer { return s.v1Answer(r.Method, seg, in, user) })
}

func (s *Server) v1Answer(method string, seg []string, in map[string]any, user string) answer {
	kinds := map[string]string{"case": kindCase, "task": kindTask, "observable": kindObservable, "alert": kindAlert, "log": kindLog,
		"caseTemplate": kindTemplate, "procedure": kindProcedure}
	switch {
	case len(seg) == 3 && (seg[0] == "case" || seg[0] == "alert") && seg[2] == "procedure" && method == http.MethodPost:
		return s.addProcedure(seg[0], seg[1], in, user)
	case len(seg) == 4 && (seg[0] == "case" || seg[0] == "alert") && seg[2] == "attachment" && method == http.MethodDelete:
		return s.deleteAttachment(map[string]string{"case": kindCase, "alert": kindAlert}[seg[0]], seg[1], seg[3])
	case len(seg) == 4 && seg[0] == "log" && seg[2] == "attachments" && method == http.MethodDelete:
		return s.deleteAttachment(kindLog, seg[1], seg[3])
	case len(seg) == 3 && seg[0] == "case" && seg[2] == "page" && method == http.MethodPost:
		return s.addPage(s.caseID(seg[1]), in, user)
	case len(seg) == 4 && seg[0] == "case" && seg[2] == "page":
		return s.casePage(s.caseID(seg[1]), seg[3], method, in, user)
	case len(seg) == 3 && seg[0] == "case" && seg[2] == "links" && method == http.MethodGet:
		return s.caseLinks(seg[1], false)
	case len(seg) == 3 && seg[0] == "case" && seg[1] == "_merge" && method == http.MethodPost:
		return s.mergeCases(strings.Split(seg[2], ","), false, user)
	case len(seg) == 2 && seg[0] == "case" && seg[1] == "_bulk" && method == http.MethodPatch:
		return s.bulkCases(in, false, user)
	case len(seg) == 1 && seg[0] == "caseTemplate" && method == http.MethodPost:
		return s.createTemplate(in, false, user)
	case len(seg) == 1 && seg[0] == "customField" && (method == http.MethodGet || method == http.MethodPost):
		return s.customFields(method, in, false, user)
	case len(seg) == 1 && seg[0] == "case" && method == http.MethodPost:
		return s.createCase(in, false, user)
	case len(seg) == 1 && seg[0] == "alert" && method == http.MethodPost:
		return s.createAlert(in, false, user)
	case len(seg) == 3 && seg[0] == "case" && seg[2] == "task" && method == http.MethodPost:
		return s.createTask(s.caseID(seg[1]), in, user)
	case len(seg) == 3 && seg[0] == "case" && seg[2] == "comment" && method == http.MethodPost:
		return s.addComment(s.caseID(seg[1]), in, user)
	case len(seg) == 3 && seg[0] == "task" && seg[2] == "log" && method == http.MethodPost:
		return s.addLog(seg[1], in, user)
	case len(seg) == 3 && seg[0] == "alert" && seg[2] == "case" && method == http.MethodPost:
		return s.promote(seg[1], in, false, user)
	case len(seg) >= 2 && seg[0] == "alert":
		if a, ok := s.alertLifecycle(method, seg[1:], in, false, user); ok {
			return a
		}
	}
	if len(seg) == 2 && kinds[seg[0]] != "" {
		if a, ok := s.object(kinds[seg[0]], seg[1], method, in, false, user); ok {
			return a
		}
	}
	return fail(http.StatusNotFound, "NotFoundError", "no such endpoint")
}

// caseID resolves a case id or number to the id ("" when unknown).
func (s *Server) caseID(idOrNumber string) string {
	if d := s.find(kindCase, idOrNumber); d != nil {
		return d["_id"].(string)
	}
	return idOrNumber
}
