package thehivetest

import (
	"fmt"
	"strings"
)

// doc is a stored object in TheHive 5's shape. Keys starting with "__"
// are the fake's own bookkeeping (parent ids, the TLP label) and never
// leave it.
type doc map[string]any

// kinds of stored objects, with their v1 and v0 type names.
const (
	kindCase       = "case"
	kindTask       = "task"
	kindLog        = "log"
	kindObservable = "observable"
	kindAlert      = "alert"
	kindComment    = "comment"
	kindTemplate   = "caseTemplate"
	kindField      = "customField"
	kindProcedure  = "procedure"
	kindPage       = "page"
	kindAttachment = "attachment"
	kindJob        = "job"
	kindAction     = "action"
	kindAudit      = "audit"
)

func typeNames(kind string) (v1, v0 string) {
	switch kind {
	case kindCase:
		return "Case", "case"
	case kindTask:
		return "Task", "case_task"
	case kindLog:
		return "Log", "case_task_log"
	case kindObservable:
		return "Observable", "case_artifact"
	case kindAlert:
		return "Alert", "alert"
	case kindTemplate:
		return "CaseTemplate", "caseTemplate"
	case kindField:
		return "CustomField", "CustomField"
	case kindProcedure:
		return "Procedure", "Procedure"
	case kindPage:
		return "Page", "Page"
	case kindAttachment:
		return "Attachment", "Attachment"
	case kindJob:
		return "case_artifact_job", "case_artifact_job"
	case kindAction:
		return "action", "action"
	case kindAudit:
		return "Audit", "audit"
	}
	return "Comment", "case_comment"
}

// TLP labels by dialect number.
func tlpLabel(n int, v0 bool) (string, bool) {
	labels := []string{"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}
	if v0 {
		labels = []string{"WHITE", "GREEN", "AMBER", "RED"}
	}
	if n < 0 || n >= len(labels) {
		return "", false
	}
	return labels[n], true
}

func tlpNumber(label string, v0 bool) int {
	switch label {
	case "CLEAR", "WHITE":
		return 0
	case "GREEN":
		return 1
	case "AMBER":
		return 2
	case "AMBER+STRICT":
		if v0 {
			return 2
		}
		return 3
	case "RED":
		if v0 {
			return 3
		}
		return 4
	}
	return 2
}

func papLabel(n int) string {
	return [...]string{"CLEAR", "GREEN", "AMBER", "RED"}[max(0, min(n, 3))]
}

// insert stores d as kind, filling the record fields. Callers hold s.mu.
func (s *Server) insert(kind string, d doc, user string) doc {
	s.seq++
	v1, _ := typeNames(kind)
	now := s.millis()
	d["_id"] = fmt.Sprintf("~%d", 40960+s.seq*8)
	d["_type"] = v1
	d["_createdAt"], d["_createdBy"] = now, user
	s.docs[kind] = append(s.docs[kind], d)
	return d
}

// find returns the stored object of kind with the id (or, for cases, the
// number). Callers hold s.mu.
func (s *Server) find(kind, id string) doc {
	for _, d := range s.docs[kind] {
		if d["_id"] == id {
			return d
		}
		if kind == kindCase && fmt.Sprint(d["number"]) == strings.TrimPrefix(id, "#") {
			return d
		}
	}
	switch kind {
	case kindAlert:
		return s.findAlertByName(id)
	case kindTemplate:
		for _, d := range s.docs[kind] {
			if d["name"] == id {
				return d
			}
		}
	case kindAttachment: // TheHive 5 also takes the file's own id
		for _, d := range s.docs[kind] {
			if d["id"] == id {
				return d
			}
		}
	}
	return nil
}

// children returns the objects of kind whose parent field is id.
func (s *Server) children(kind, parentKey, id string) []doc {
	var out []doc
	for _, d := range s.docs[kind] {
		if d[parentKey] == id {
			out = append(out, d)
		}
	}
	return out
}

func (s *Server) remove(kind, id string) bool {
	list := s.docs[kind]
	for i, d := range list {
		if d["_id"] == id {
			s.docs[kind] = append(list[:i], list[i+1:]...)
			return true
		}
	}
	return false
}

// render returns d as the dialect shows it.
func render(kind string, d doc, v0 bool) map[string]any {
	out := make(map[string]any, len(d)+6)
	for k, v := range d {
		if !strings.HasPrefix(k, "__") {
			out[k] = v
		}
	}
	if label, ok := d["__tlp"].(string); ok {
		out["tlp"] = tlpNumber(label, v0)
		if !v0 {
			out["tlpLabel"] = label
		}
	}
	if p, ok := d["pap"].(int); ok && !v0 {
		out["papLabel"] = papLabel(p)
	}
	if sev, ok := d["severity"].(int); ok && !v0 {
		out["severityLabel"] = [...]string{"", "LOW", "MEDIUM", "HIGH", "CRITICAL"}[max(0, min(sev, 4))]
	}
	// TheHive 5 names a comment's record fields without the underscore
	// (OutputComment: createdBy, createdAt, updatedAt), as v0 does for
	// every object.
	if v0 || kind == kindComment {
		for _, k := range [...][2]string{{"_createdAt", "createdAt"}, {"_createdBy", "createdBy"}, {"_updatedAt", "updatedAt"}, {"_updatedBy", "updatedBy"}} {
			if v, ok := d[k[0]]; ok {
				out[k[1]] = v
				delete(out, k[0])
			}
		}
	}
	if !v0 {
		return out
	}
	_, t0 := typeNames(kind)
	out["id"], out["_type"] = d["_id"], t0
	if kind == kindAlert {
		out["status"] = v0AlertStatus(d)
		delete(out, "stage")
	}
	if kind == kindCase {
		out["caseId"] = d["number"]
		if a, ok := d["assignee"]; ok {
			out["owner"] = a
		}
	}
	return out
}

// findAll returns the objects of kind with the ids, in order, or the 404
// answer naming the first one missing (label names the kind in it), so
// that a call on many objects changes nothing when one is missing.
// Callers hold s.mu.
func (s *Server) findAll(kind, label string, ids []string) ([]doc, *answer) {
	out := make([]doc, 0, len(ids))
	for _, id := range ids {
		d := s.find(kind, id)
		if d == nil {
			a := notFound(label, id)
			return nil, &a
		}
		out = append(out, d)
	}
	return out, nil
}
