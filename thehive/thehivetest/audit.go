package thehivetest

import (
	"encoding/json"
	"strings"
)

// auditCase records a case's creation or update as TheHive 5's audit
// trail does (OutputAudit): the action, the object, and in details the
// fields the action set (all of them for a creation). Callers hold s.mu.
func (s *Server) auditCase(action string, before, after doc, user string) {
	details := map[string]any{}
	for k, v := range after {
		if strings.HasPrefix(k, "_") {
			continue
		}
		if old, ok := before[k]; before == nil || !ok || !sameJSON(old, v) {
			details[k] = v
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok && !strings.HasPrefix(k, "_") {
			details[k] = nil
		}
	}
	if before != nil && len(details) == 0 {
		return
	}
	id, _ := after["_id"].(string)
	s.insert(kindAudit, doc{"action": action, "details": details, "objectId": id, "objectType": "Case", "rootId": id,
		"mainAction": true, "requestId": "fake"}, user)
}

// sameJSON compares two stored values by their JSON.
func sameJSON(a, b any) bool {
	x, errX := json.Marshal(a)
	y, errY := json.Marshal(b)
	return errX == nil && errY == nil && string(x) == string(y)
}
