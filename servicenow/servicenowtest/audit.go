package servicenowtest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// auditedTables are the tables whose updates the fake records in
// sys_audit, as the platform audits incident, problem and change by
// default.
func audited(tableName string) bool {
	switch tableName {
	case "incident", "problem", "change_request":
		return true
	}
	return false
}

// audit writes a sys_audit row for each field an update of rec changed
// (from before to after), as the platform does: not for inserts (which it
// does not audit by default), not for sys_ fields, journal fields with
// their text. Callers hold s.mu.
func (s *Server) audit(tableName string, before, after Record, notes map[string]string, user string) {
	if !audited(tableName) {
		return
	}
	changed := map[string][2]string{}
	for k, v := range after {
		if old := before[k]; old != v && (!strings.HasPrefix(k, "sys_") || k == "sys_class_name" || k == "sys_domain_id") {
			changed[k] = [2]string{old, v}
		}
	}
	for k, v := range notes {
		if v != "" {
			changed[k] = [2]string{"", v}
		}
	}
	if len(changed) == 0 {
		return
	}
	names := make([]string, 0, len(changed))
	for k := range changed {
		names = append(names, k)
	}
	sort.Strings(names)
	s.seq++
	checkpoint := strconv.Itoa(s.updates(after["sys_id"]))
	now := after["sys_updated_on"]
	for i, k := range names {
		s.table("sys_audit").rows = append(s.table("sys_audit").rows, Record{
			"sys_id": s.newID(), "tablename": tableName, "documentkey": after["sys_id"], "fieldname": k,
			"oldvalue": changed[k][0], "newvalue": changed[k][1], "user": user, "sys_created_on": now,
			"record_checkpoint": checkpoint, "internal_checkpoint": fmt.Sprintf("%016x%04x", s.seq, i), "reason": "",
		})
	}
}

// updates counts the updates of the record id, as sys_mod_count does.
// Callers hold s.mu.
func (s *Server) updates(id string) int {
	s.numbers["mod:"+id]++
	return s.numbers["mod:"+id]
}
