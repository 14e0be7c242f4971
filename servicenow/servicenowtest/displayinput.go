package servicenowtest

import (
	"net/http"
	"strconv"
)

// fromDisplay turns the display values of a write made with
// sysparm_input_display_value=true into stored values: a choice label
// into its value, a reference's display name (the referenced record's
// name) into its sys_id. A reference whose text names no record is
// stored empty; a sys_id is kept as it is. Callers hold s.mu.
func (s *Server) fromDisplay(r *http.Request, tableName string, in Record) {
	if r.URL.Query().Get("sysparm_input_display_value") != "true" {
		return
	}
	for k, v := range in {
		if v == "" {
			continue
		}
		if target := reference(tableName, k); target != "" {
			in[k] = s.resolve(target, v)
			continue
		}
		for i := 1; i <= 9; i++ {
			if l, ok := choiceLabel(tableName, k, strconv.Itoa(i)); ok && l == v {
				in[k] = strconv.Itoa(i)
			}
		}
	}
}

// resolve returns the sys_id of the record of table named by text: its
// sys_id or its name; "" when none matches. Callers hold s.mu.
func (s *Server) resolve(tableName, text string) string {
	t, ok := s.tables[tableName]
	if !ok {
		return ""
	}
	if _, rec := t.find(text); rec != nil {
		return text
	}
	for _, rec := range t.rows {
		if rec["name"] == text {
			return rec["sys_id"]
		}
	}
	return ""
}
