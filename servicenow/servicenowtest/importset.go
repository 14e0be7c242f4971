package servicenowtest

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// TransformMap is a simple transform map for the Import Set API, given
// with WithTransformMap: the rows staged in StagingTable are copied to
// TargetTable through Fields.
type TransformMap struct {
	// Name names the map in the results.
	Name string
	// StagingTable receives the rows; TargetTable the records.
	StagingTable, TargetTable string
	// Fields maps staging columns to target fields; columns it does not
	// name are ignored.
	Fields map[string]string
	// Coalesce, when set, is the target field that finds the record to
	// update: a row whose value matches an existing record updates it;
	// others insert a record. A row without a value for it is skipped.
	Coalesce string
	// Required are staging columns a row must fill; a row missing one is
	// an error row, as a transform script rejecting it would make it.
	Required []string
}

// WithTransformMap registers a transform map; an import into a staging
// table without one is answered 400.
func WithTransformMap(m TransformMap) Option {
	return func(s *Server) { s.maps[m.StagingTable] = m }
}

// importAPI answers /api/now/import/{staging}[/insertMultiple|/{sys_id}].
func (s *Server) importAPI(w http.ResponseWriter, r *http.Request, user string, rest []string) {
	if len(rest) == 0 {
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
		return
	}
	s.mu.Lock()
	m, ok := s.maps[rest[0]]
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusBadRequest, "Invalid table", "no import set table "+rest[0])
		return
	}
	switch {
	case len(rest) == 1 && r.Method == http.MethodPost:
		row, ok := readBody(w, r)
		if !ok {
			return
		}
		s.mu.Lock()
		set := s.newImportSet()
		res := s.transform(m, set, row, r, user)
		s.mu.Unlock()
		fakehttp.WriteJSON(w, http.StatusCreated, res)
	case len(rest) == 2 && rest[1] == "insertMultiple" && r.Method == http.MethodPost:
		var in struct {
			Records []Record `json:"records"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.Records) == 0 {
			writeError(w, http.StatusBadRequest, "Exception while reading request", "insertMultiple needs records")
			return
		}
		s.mu.Lock()
		set := s.newImportSet()
		for _, row := range in.Records {
			s.transform(m, set, row, r, user)
		}
		multi := s.newID()
		s.mu.Unlock()
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"import_set_id": set.id, "multi_import_set_id": multi})
	case len(rest) == 2 && r.Method == http.MethodGet:
		s.mu.Lock()
		defer s.mu.Unlock()
		res, ok := s.imports[rest[1]]
		if !ok {
			writeError(w, http.StatusNotFound, "No Record found", "no staging row "+rest[1])
			return
		}
		fakehttp.WriteJSON(w, http.StatusOK, res)
	default:
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
	}
}

// importSet is one import set: its sys_id and number.
type importSet struct{ id, number string }

// newImportSet starts an import set. Callers hold s.mu.
func (s *Server) newImportSet() importSet {
	s.numbers["import_set"]++
	return importSet{id: s.newID(), number: fmt.Sprintf("ISET%07d", 10000+s.numbers["import_set"])}
}

// transform stages row in m's staging table, runs m on it and returns the
// Import Set API's answer, which GET /api/now/import/{table}/{sys_id}
// also gives afterwards. Callers hold s.mu.
func (s *Server) transform(m TransformMap, set importSet, row Record, r *http.Request, user string) map[string]any {
	staged := clone(row)
	staged["sys_import_set"] = set.id
	s.insert(m.StagingTable, staged, user)
	res := map[string]any{"transform_map": m.Name, "table": m.TargetTable}
	target := Record{}
	for col, field := range m.Fields {
		if v, ok := row[col]; ok {
			target[field] = v
		}
	}
	var status, message string
	var rec Record
	for _, col := range m.Required {
		if row[col] == "" {
			status, message = "error", "Required column "+col+" is empty"
		}
	}
	switch {
	case status != "":
	case m.Coalesce != "" && target[m.Coalesce] == "":
		status, message = "skipped", "No value for coalesce field "+m.Coalesce
	default:
		if m.Coalesce != "" {
			for _, existing := range s.table(m.TargetTable).rows {
				if existing[m.Coalesce] == target[m.Coalesce] {
					rec = existing
				}
			}
		}
		if rec != nil {
			for k, v := range target {
				rec[k] = v
			}
			status = "updated"
		} else {
			rec = target
			s.insert(m.TargetTable, rec, user)
			status = "inserted"
		}
	}
	res["status"] = status
	switch status {
	case "error":
		res["error_message"], res["sys_id"] = message, staged["sys_id"]
	case "skipped":
		res["status_message"], res["sys_id"] = message, staged["sys_id"]
	default:
		res["sys_id"] = rec["sys_id"]
		res["display_name"], res["display_value"] = "number", rec["number"]
		res["record_link"] = "https://" + r.Host + "/api/now/table/" + m.TargetTable + "/" + rec["sys_id"]
	}
	staged["sys_import_state"], staged["sys_target_table"], staged["sys_target_sys_id"] = status, m.TargetTable, rec["sys_id"]
	staged["sys_import_state_comment"] = message
	answer := map[string]any{"import_set": set.number, "staging_table": m.StagingTable, "result": []any{res}}
	s.imports[staged["sys_id"]] = answer
	return answer
}
