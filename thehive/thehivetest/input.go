package thehivetest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/thehive/internal/jsonnum"
)

// readObject decodes a JSON object body.
func readObject(r io.Reader) (map[string]any, error) {
	var m map[string]any
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("the body is not a JSON object: %w", err)
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// problems collects AttributeCheckingError entries.
type problems []map[string]any

func (p *problems) add(field, format string) {
	*p = append(*p, map[string]any{"name": field, "field": field, "format": format})
}

// intField moves a JSON number into d as an int within lo..hi, or
// applies the default when absent.
func (p *problems) intField(in map[string]any, d doc, key string, lo, hi, def int) {
	v, ok := in[key]
	if !ok || v == nil {
		if def >= 0 {
			d[key] = def
		}
		return
	}
	f, ok := jsonnum.Float(v)
	if !ok || f != float64(int(f)) || int(f) < lo || int(f) > hi {
		p.add(key, fmt.Sprintf("integer %d-%d", lo, hi))
		return
	}
	d[key] = int(f)
}

func (p *problems) required(in map[string]any, keys ...string) {
	for _, k := range keys {
		if s, ok := in[k].(string); !ok || strings.TrimSpace(s) == "" {
			p.add(k, "required")
		}
	}
}

// copyFields copies the given keys from in to d when present.
func copyFields(in map[string]any, d doc, keys ...string) {
	for _, k := range keys {
		if v, ok := in[k]; ok {
			d[k] = v
		}
	}
}

// tlpField reads tlp for the dialect into the label bookkeeping field.
func (p *problems) tlpField(in map[string]any, d doc, v0 bool) {
	v, ok := in["tlp"]
	if !ok || v == nil {
		if _, set := d["__tlp"]; !set {
			d["__tlp"] = "AMBER"
		}
		return
	}
	f, _ := jsonnum.Float(v)
	label, ok := tlpLabel(int(f), v0)
	if !ok || f != float64(int(f)) {
		p.add("tlp", "tlp level")
		return
	}
	d["__tlp"] = label
}

// severityAndMarks reads the severity, PAP and TLP of a new case, alert
// or case template, each Medium/AMBER when not given.
func (p *problems) severityAndMarks(in map[string]any, d doc, v0 bool) {
	p.intField(in, d, "severity", 1, 4, 2)
	p.intField(in, d, "pap", 0, 3, 2)
	p.tlpField(in, d, v0)
}

// caseFromInput validates a case creation body.
func (s *Server) caseFromInput(in map[string]any, v0 bool) (doc, problems) {
	var p problems
	d := doc{}
	p.required(in, "title", "description")
	if t, _ := in["title"].(string); len(t) > 512 {
		p.add("title", "string up to 512 characters")
	}
	p.severityAndMarks(in, d, v0)
	copyFields(in, d, "title", "description", "tags", "flag", "startDate", "endDate", "summary", "assignee", "customFields", "status")
	for _, k := range []string{"owner", "user"} { // TheHive 3's and TheHive 4's names
		if o, ok := in[k]; ok && v0 {
			d["assignee"] = o
		}
	}
	if _, ok := d["status"]; !ok {
		d["status"] = map[bool]string{true: "Open", false: "New"}[v0]
	}
	if _, ok := d["flag"]; !ok {
		d["flag"] = false
	}
	if _, ok := d["tags"]; !ok {
		d["tags"] = []any{}
	}
	if _, ok := d["startDate"]; !ok {
		d["startDate"] = s.millis()
	}
	d["stage"] = "New"
	return d, p
}

// closedStatuses are the v1 statuses that close a case.
func closedStatus(st string) bool {
	switch st {
	case "Indeterminate", "FalsePositive", "TruePositive", "Other", "Duplicated", "Resolved":
		return true
	}
	return false
}

// applyUpdate patches d with in; JSON null clears a field.
func (s *Server) applyUpdate(kind string, d doc, in map[string]any, v0 bool, user string) problems {
	var p problems
	next := doc{}
	for k, v := range d {
		next[k] = v
	}
	for k, v := range in {
		switch k {
		case "severity":
			p.intField(in, next, k, 1, 4, -1)
		case "pap":
			p.intField(in, next, k, 0, 3, -1)
		case "tlp":
			p.tlpField(in, next, v0)
		case "addTags", "removeTags":
			tags, _ := next["tags"].([]any)
			list, _ := v.([]any)
			for _, t := range list {
				i := indexOf(tags, t)
				if k == "addTags" && i < 0 {
					tags = append(tags, t)
				}
				if k == "removeTags" && i >= 0 {
					tags = append(tags[:i], tags[i+1:]...)
				}
			}
			next["tags"] = tags
		case "_id", "_type", "_createdAt", "_createdBy", "number":
			p.add(k, "read-only")
		case "title", "description":
			if sv, ok := v.(string); !ok || strings.TrimSpace(sv) == "" {
				p.add(k, "required")
			}
			next[k] = v
		default:
			if v == nil {
				delete(next, k)
			} else {
				next[k] = v
			}
		}
	}
	if _, ok := in["status"]; ok && kind == kindAlert {
		p.alertStatus(next, v0, s.millis())
	}
	if len(p) > 0 {
		return p
	}
	if kind == kindCase {
		st, _ := next["status"].(string)
		if closedStatus(st) {
			next["stage"] = "Closed"
			if _, ok := next["endDate"]; !ok {
				next["endDate"] = s.millis()
			}
		} else if st == "InProgress" {
			next["stage"] = "InProgress"
		}
	}
	next["_updatedAt"], next["_updatedBy"] = s.millis(), user
	if kind == kindCase {
		s.auditCase("update", d, next, user)
	}
	for k := range d {
		delete(d, k)
	}
	for k, v := range next {
		d[k] = v
	}
	return nil
}

func indexOf(list []any, v any) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// checkBody reads a JSON object or answers 400.
func checkBody(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	in, err := readObject(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "BadRequest", err.Error())
		return nil, false
	}
	return in, true
}

// alertStatus checks the status an update gives alert d and moves the
// alert to the status's stage. TheHive 3/4 derive the status and refuse
// to have it written.
func (p *problems) alertStatus(d doc, v0 bool, now int64) {
	st := fmt.Sprint(d["status"])
	stage, ok := alertStages[st]
	switch {
	case v0:
		p.add("status", "read-only")
	case !ok:
		p.add("status", "unknown alert status "+st)
	case stage != d["stage"]:
		d["stage"] = stage
		d[map[string]string{"New": "newDate", "InProgress": "inProgressDate", "Imported": "importedDate", "Closed": "closedDate"}[stage]] = now
	}
}
