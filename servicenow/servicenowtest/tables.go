package servicenowtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"

	"github.com/incidentkit/incidentkit/sla"
)

// timeLayout is ServiceNow's stored date-time format (UTC).
const timeLayout = "2006-01-02 15:04:05"

// Record is one stored record: field name to stored value.
type Record map[string]string

type table struct {
	name string
	rows []Record
}

func (t *table) find(id string) (int, Record) {
	for i, r := range t.rows {
		if r["sys_id"] == id {
			return i, r
		}
	}
	return -1, nil
}

// table returns the named table, creating it. Callers hold s.mu (or are
// in New).
func (s *Server) table(name string) *table {
	t, ok := s.tables[name]
	if !ok {
		t = &table{name: name}
		s.tables[name] = t
	}
	return t
}

func (s *Server) newID() string {
	s.seq++
	return fmt.Sprintf("%032x", 0xfa4e0000+s.seq)
}

// Seed stores records in table as they are given, filling sys_id and the
// sys_ fields where missing (and, for incidents, what insertion fills),
// and returns their sys_ids.
func (s *Server) Seed(tableName string, records ...Record) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(records))
	for _, in := range records {
		rec := Record{}
		for k, v := range in {
			rec[k] = v
		}
		s.insert(tableName, rec, "system")
		ids = append(ids, rec["sys_id"])
	}
	return ids
}

// Get returns a copy of a stored record.
func (s *Server) Get(tableName, sysID string) (Record, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tables[tableName]
	if !ok {
		return nil, false
	}
	_, r := t.find(sysID)
	if r == nil {
		return nil, false
	}
	return clone(r), true
}

// Records returns copies of every record of table, in insertion order.
func (s *Server) Records(tableName string) []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tables[tableName]
	if !ok {
		return nil
	}
	out := make([]Record, len(t.rows))
	for i, r := range t.rows {
		out[i] = clone(r)
	}
	return out
}

func clone(r Record) Record {
	out := make(Record, len(r))
	for k, v := range r {
		out[k] = v
	}
	return out
}

// insert fills defaults and stores rec. Callers hold s.mu.
func (s *Server) insert(tableName string, rec Record, user string) {
	now := s.clock().Format(timeLayout)
	if rec["sys_id"] == "" {
		rec["sys_id"] = s.newID()
	}
	for k, v := range map[string]string{"sys_created_on": now, "sys_updated_on": now, "sys_created_by": user, "sys_updated_by": user,
		"sys_mod_count": "0"} {
		if rec[k] == "" {
			rec[k] = v
		}
	}
	if tableName == "incident" {
		s.numbers["incident"]++
		for k, v := range map[string]string{
			"number": fmt.Sprintf("INC%07d", 10000+s.numbers["incident"]), "state": "1", "impact": "3", "urgency": "3",
			"opened_at": rec["sys_created_on"], "active": "true", "opened_by": "", "reopen_count": "0",
		} {
			if rec[k] == "" {
				rec[k] = v
			}
		}
		incidentRules(rec, rec["sys_created_on"])
	}
	s.table(tableName).rows = append(s.table(tableName).rows, rec)
	if tableName == "incident" {
		s.attachSLAs(rec)
	}
}

// incidentRules recomputes what an instance's business rules derive.
func incidentRules(rec Record, now string) {
	var impact, urgency int
	_, _ = fmt.Sscan(rec["impact"], &impact)
	_, _ = fmt.Sscan(rec["urgency"], &urgency)
	if p, err := sla.DefaultMatrix().Priority(impact, urgency); err == nil {
		rec["priority"] = fmt.Sprint(int(p))
	}
	switch rec["state"] {
	case "6":
		if rec["resolved_at"] == "" {
			rec["resolved_at"] = now
		}
	case "7", "8":
		if rec["closed_at"] == "" {
			rec["closed_at"] = now
		}
		if rec["resolved_at"] == "" {
			rec["resolved_at"] = now
		}
		rec["active"] = "false"
	default:
		rec["resolved_at"], rec["closed_at"] = "", ""
		rec["active"] = "true"
	}
}

// reopened counts a move of an incident from Resolved or Closed back to an
// active state in next, as the instance's reopen rule does: reopen_count
// goes up, and reopened_time and reopened_by say when and by whom.
func reopened(prev, next Record, now, user string) {
	was, is := prev["state"], next["state"]
	if (was != "6" && was != "7") || next["active"] != "true" || is == was {
		return
	}
	n, _ := strconv.Atoi(prev["reopen_count"])
	next["reopen_count"] = strconv.Itoa(n + 1)
	next["reopened_time"], next["reopened_by"] = now, user
}

// journalFields are written as sys_journal_field entries, not stored.
func journalFields() [2]string { return [2]string{"work_notes", "comments"} }

// readBody reads a write's JSON object; every value is kept as text. A
// body that is not a JSON object is answered 400, as the instance does, and
// readBody reports false.
func readBody(w http.ResponseWriter, r *http.Request) (Record, bool) {
	var raw map[string]any
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		writeError(w, http.StatusBadRequest, "Exception while reading request", "the body is not a JSON object: "+err.Error())
		return nil, false
	}
	out := Record{}
	for k, v := range raw {
		switch x := v.(type) {
		case nil:
			out[k] = ""
		case string:
			out[k] = x
		case json.Number:
			out[k] = x.String()
		case bool:
			out[k] = fmt.Sprint(x)
		case map[string]any:
			if val, ok := x["value"]; ok {
				out[k] = fmt.Sprint(val)
			} else {
				out[k] = fmt.Sprint(x["sys_id"])
			}
		default:
			b, _ := json.Marshal(x)
			out[k] = string(b)
		}
	}
	return out, true
}

func (s *Server) tableAPI(w http.ResponseWriter, r *http.Request, user string, rest []string) {
	if len(rest) == 0 || rest[0] == "" || len(rest) > 2 {
		writeError(w, http.StatusBadRequest, "Invalid table", "")
		return
	}
	name := rest[0]
	switch {
	case len(rest) == 1 && r.Method == http.MethodGet:
		s.list(w, r, name)
	case len(rest) == 1 && r.Method == http.MethodPost:
		s.create(w, r, name, user)
	case len(rest) == 2 && r.Method == http.MethodGet:
		s.getOne(w, r, name, rest[1])
	case len(rest) == 2 && (r.Method == http.MethodPatch || r.Method == http.MethodPut):
		s.update(w, r, name, rest[1], user)
	case len(rest) == 2 && r.Method == http.MethodDelete:
		s.remove(w, name, rest[1])
	default:
		writeError(w, http.StatusMethodNotAllowed, "Method not Supported", r.Method)
	}
}

func (s *Server) create(w http.ResponseWriter, r *http.Request, name, user string) {
	in, ok := readBody(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	s.fromDisplay(r, name, in)
	notes := takeJournal(in)
	if name == "incident" {
		if msg := resolutionMissing(in); msg != "" {
			s.mu.Unlock()
			writeError(w, http.StatusForbidden, "Operation Failed", msg)
			return
		}
	}
	s.insert(name, in, user)
	s.journal(name, in["sys_id"], notes, user)
	out := s.render(in, r)
	s.mu.Unlock()
	w.Header().Set("Location", s.controls.URL()+"/api/now/table/"+name+"/"+in["sys_id"])
	writeResult(w, r, http.StatusCreated, out)
}

// record returns the record id of table name, or answers the instance's
// error for an unknown table or record and returns nil. Callers hold s.mu.
func (s *Server) record(w http.ResponseWriter, name, id string) Record {
	t, ok := s.tables[name]
	if !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+name, "")
		return nil
	}
	_, rec := t.find(id)
	if rec == nil {
		writeError(w, http.StatusNotFound, "No Record found", "Record doesn't exist or ACL restricts the record retrieval")
	}
	return rec
}

func (s *Server) getOne(w http.ResponseWriter, r *http.Request, name, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.record(w, name, id)
	if rec == nil {
		return
	}
	fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"result": s.render(rec, r)})
}

func (s *Server) update(w http.ResponseWriter, r *http.Request, name, id, user string) {
	in, ok := readBody(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.record(w, name, id)
	if rec == nil {
		return
	}
	s.fromDisplay(r, name, in)
	notes := takeJournal(in)
	next := clone(rec)
	for k, v := range in {
		if k == "sys_id" || k == "number" || strings.HasPrefix(k, "sys_") {
			continue
		}
		next[k] = v
	}
	if name == "incident" {
		if msg := resolutionMissing(next); msg != "" {
			writeError(w, http.StatusForbidden, "Operation Failed", msg)
			return
		}
	}
	now := s.clock().Format(timeLayout)
	next["sys_updated_on"], next["sys_updated_by"] = now, user
	mods, _ := strconv.Atoi(rec["sys_mod_count"])
	next["sys_mod_count"] = strconv.Itoa(mods + 1)
	if name == "incident" {
		incidentRules(next, now)
		reopened(rec, next, now, user)
	}
	s.audit(name, rec, next, notes, user)
	for k := range rec {
		delete(rec, k)
	}
	for k, v := range next {
		rec[k] = v
	}
	if name == "incident" {
		s.advanceSLAs(rec)
	}
	s.journal(name, id, notes, user)
	writeResult(w, r, http.StatusOK, s.render(rec, r))
}

func (s *Server) remove(w http.ResponseWriter, name, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.record(w, name, id)
	if rec == nil {
		return
	}
	t := s.tables[name]
	i, _ := t.find(id)
	t.rows = append(t.rows[:i], t.rows[i+1:]...)
	w.WriteHeader(http.StatusNoContent)
}

// resolutionMissing enforces the data policy on resolving and closing.
func resolutionMissing(rec Record) string {
	if rec["state"] != "6" && rec["state"] != "7" {
		return ""
	}
	if strings.TrimSpace(rec["close_code"]) == "" || strings.TrimSpace(rec["close_notes"]) == "" {
		return "Data Policy Exception: \n The following fields are mandatory: Resolution code, Resolution notes"
	}
	return ""
}

// takeJournal removes journal fields from a write and returns them.
func takeJournal(in Record) map[string]string {
	notes := map[string]string{}
	for _, f := range journalFields() {
		if v, ok := in[f]; ok {
			if strings.TrimSpace(v) != "" {
				notes[f] = v
			}
			delete(in, f)
		}
	}
	return notes
}

// journal stores journal entries. Callers hold s.mu.
func (s *Server) journal(tableName, id string, notes map[string]string, user string) {
	for _, f := range journalFields() {
		if v, ok := notes[f]; ok {
			s.insert("sys_journal_field", Record{"element": f, "element_id": id, "name": tableName, "value": v}, user)
		}
	}
}

// Journal returns the journal entries of a record, oldest first.
func (s *Server) Journal(sysID string) []Record {
	var out []Record
	for _, r := range s.Records("sys_journal_field") {
		if r["element_id"] == sysID {
			out = append(out, r)
		}
	}
	return out
}

// writeResult answers a write with its record, or with the status alone
// when the request carries X-no-response-body: true.
func writeResult(w http.ResponseWriter, r *http.Request, status int, rec map[string]any) {
	if strings.EqualFold(r.Header.Get("X-no-response-body"), "true") {
		w.WriteHeader(status)
		return
	}
	fakehttp.WriteJSON(w, status, map[string]any{"result": rec})
}
