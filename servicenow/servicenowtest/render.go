package servicenowtest

import (
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// reference returns the table a reference field points to.
func reference(tableName, field string) string {
	switch field {
	case "caller_id", "assigned_to", "opened_by", "resolved_by", "closed_by":
		return "sys_user"
	case "assignment_group":
		return "sys_user_group"
	}
	return ""
}

// choiceLabel returns the display value of a choice field.
func choiceLabel(tableName, field, value string) (string, bool) {
	if tableName != "incident" {
		return "", false
	}
	var labels map[string]string
	switch field {
	case "state":
		labels = map[string]string{"1": "New", "2": "In Progress", "3": "On Hold", "6": "Resolved", "7": "Closed", "8": "Canceled"}
	case "impact", "urgency":
		labels = map[string]string{"1": "1 - High", "2": "2 - Medium", "3": "3 - Low"}
	case "priority":
		labels = map[string]string{"1": "1 - Critical", "2": "2 - High", "3": "3 - Moderate", "4": "4 - Low", "5": "5 - Planning"}
	case "hold_reason":
		labels = map[string]string{"1": "Awaiting Caller", "3": "Awaiting Problem", "4": "Awaiting Vendor", "5": "Awaiting Change"}
	default:
		return "", false
	}
	l, ok := labels[value]
	return l, ok
}

// lookup resolves a possibly dot-walked field of rec. Callers hold s.mu.
func (s *Server) lookup(tableName string, rec Record, field string) string {
	name, rest, walk := strings.Cut(field, ".")
	v := rec[name]
	if !walk {
		return v
	}
	target := reference(tableName, name)
	if target == "" || v == "" {
		return ""
	}
	t, ok := s.tables[target]
	if !ok {
		return ""
	}
	_, ref := t.find(v)
	if ref == nil {
		return ""
	}
	return s.lookup(target, ref, rest)
}

// display returns a field's display value. Callers hold s.mu.
func (s *Server) display(tableName string, rec Record, field string) string {
	v := s.lookup(tableName, rec, field)
	if l, ok := choiceLabel(tableName, field, v); ok {
		return l
	}
	if target := reference(tableName, field); target != "" && v != "" {
		if t, ok := s.tables[target]; ok {
			if _, ref := t.find(v); ref != nil {
				if n := ref["name"]; n != "" {
					return n
				}
			}
		}
	}
	return v
}

// render shapes a record for an answer: sysparm_fields,
// sysparm_display_value and sysparm_exclude_reference_link. Callers hold
// s.mu.
func (s *Server) render(rec Record, r *http.Request) map[string]any {
	return s.renderIn(tableOf(r), rec, r)
}

func tableOf(r *http.Request) string {
	seg := fakehttp.Segments(r)
	for i, p := range seg {
		if p == "table" && i+1 < len(seg) {
			return seg[i+1]
		}
	}
	return "sys_attachment"
}

func (s *Server) renderIn(tableName string, rec Record, r *http.Request) map[string]any {
	q := r.URL.Query()
	var fields []string
	if f := q.Get("sysparm_fields"); f != "" {
		fields = strings.Split(f, ",")
	} else if q.Get("sysparm_view") == "mobile" && tableName == "incident" {
		fields = mobileFields()
	} else {
		for k := range rec {
			fields = append(fields, k)
		}
		for _, f := range journalFields() {
			if tableName == "incident" {
				fields = append(fields, f)
			}
		}
	}
	mode := q.Get("sysparm_display_value")
	noLink := q.Get("sysparm_exclude_reference_link") == "true"
	out := make(map[string]any, len(fields))
	for _, f := range fields {
		f = strings.TrimSpace(f)
		v := s.lookup(tableName, rec, f)
		target := reference(tableName, f)
		link := ""
		if target != "" && v != "" && !noLink {
			link = s.controls.URL() + "/api/now/table/" + target + "/" + v
		}
		switch mode {
		case "true":
			d := s.display(tableName, rec, f)
			if link != "" {
				out[f] = map[string]string{"display_value": d, "link": link}
			} else {
				out[f] = d
			}
		case "all":
			m := map[string]string{"display_value": s.display(tableName, rec, f), "value": v}
			if link != "" {
				m["link"] = link
			}
			out[f] = m
		default:
			if link != "" {
				out[f] = map[string]string{"link": link, "value": v}
			} else {
				out[f] = v
			}
		}
	}
	return out
}

// mobileFields are the incident fields of the fake's mobile view: a
// view narrows the fields of an answer that does not name them
// (sysparm_fields wins), and the desktop view, like "both", keeps them
// all.
func mobileFields() []string {
	return []string{"sys_id", "number", "short_description", "state", "priority", "assigned_to"}
}
