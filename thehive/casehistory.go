package thehive

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/sla"
)

// historyPage is how many audits History asks for at a time.
const historyPage = 1000

// History returns the changes of the case id (its status, severity,
// stage, assignee and every other field) for package sla to replay, from
// TheHive's audit trail, read through the query API (getCase, then its
// audits, oldest first; TheHive 4's AuditCtrl and query executor define
// the audits step): first the case as created (the create audit's
// details), then one event per update, setting the fields the update
// changed. Values are text: strings as they are, numbers and dates as
// JSON writes them (severity "3", dates in epoch milliseconds), a removed
// field as "". When the trail has no create audit, the first event is the
// case as it is now, without the fields the updates changed. TheHive 3/4's
// v0 API has no query API: there the call fails with an error matching
// ErrUnsupported.
func (s *CaseService) History(ctx context.Context, id string) (sla.History, error) {
	if _, ok := s.c.sp.search.(queryAPI); !ok {
		return nil, s.c.sp.unsupported("case history", "the audit trail is not available", "")
	}
	if strings.TrimSpace(id) == "" {
		return nil, inputErr("case id", "is empty")
	}
	var audits []auditRecord
	for from := 0; ; from += historyPage {
		var page []json.RawMessage
		steps := []Step{{"_name": "getCase", "idOrName": id}, {"_name": "audits"},
			{"_name": "sort", "_fields": []any{map[string]string{"_createdAt": "asc"}}},
			{"_name": "page", "from": from, "to": from + historyPage}}
		if err := s.c.Query(ctx, steps, &page); err != nil {
			return nil, err
		}
		for _, raw := range page {
			a, err := decodeAudit(raw)
			if err != nil {
				return nil, inputErr("case history", "an audit could not be read: "+err.Error())
			}
			if strings.EqualFold(a.ObjectType, "case") && (a.ObjectID == "" || a.ObjectID == id || strings.TrimPrefix(a.ObjectID, "~") == strings.TrimPrefix(id, "~")) {
				audits = append(audits, a)
			}
		}
		if len(page) < historyPage {
			break
		}
	}
	var h sla.History
	if len(audits) == 0 || audits[0].Action != "create" {
		c, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(c.Raw, &fields); err != nil {
			return nil, inputErr("case history", "the case could not be read: "+err.Error())
		}
		first := sla.Event{At: c.CreatedAt.Time, ID: c.ID, Fields: map[string]string{}}
		for k, v := range fields {
			if !strings.HasPrefix(k, "_") {
				first.Fields[k] = jsonText(v)
			}
		}
		for _, a := range audits {
			for k := range a.Details {
				delete(first.Fields, k)
			}
		}
		h = append(h, first)
	}
	for _, a := range audits {
		e := sla.Event{At: a.At, ID: a.ID, Fields: make(map[string]string, len(a.Details))}
		for k, v := range a.Details {
			e.Fields[k] = jsonText(v)
		}
		if len(h) > 0 && e.At.Before(h[len(h)-1].At) {
			e.At = h[len(h)-1].At // keep the order of the trail
		}
		h = append(h, e)
	}
	return h, nil
}

// auditRecord is one audit: TheHive 5's OutputAudit, or TheHive 4's, whose
// fields sit under "base" with operation for action.
type auditRecord struct {
	ID         string
	At         time.Time
	Action     string
	ObjectID   string
	ObjectType string
	Details    map[string]json.RawMessage
}

func decodeAudit(raw json.RawMessage) (auditRecord, error) {
	var w struct {
		ID         string                     `json:"_id"`
		CreatedAt  *int64                     `json:"_createdAt"`
		Created4   *int64                     `json:"createdAt"`
		Action     string                     `json:"action"`
		Operation  string                     `json:"operation"`
		ObjectID   string                     `json:"objectId"`
		ObjectType string                     `json:"objectType"`
		Details    map[string]json.RawMessage `json:"details"`
		Base       json.RawMessage            `json:"base"`
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return auditRecord{}, err
	}
	if len(w.Base) > 0 && w.Action == "" && w.Operation == "" {
		return decodeAudit(w.Base)
	}
	a := auditRecord{ID: w.ID, Action: strings.ToLower(w.Action + w.Operation), ObjectID: w.ObjectID, ObjectType: w.ObjectType, Details: w.Details}
	switch {
	case w.CreatedAt != nil:
		a.At = time.UnixMilli(*w.CreatedAt).UTC()
	case w.Created4 != nil:
		a.At = time.UnixMilli(*w.Created4).UTC()
	}
	return a, nil
}

// jsonText returns a JSON value as text: a string as it is, null as "",
// anything else as its JSON.
func jsonText(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	var s string
	switch {
	case len(v) == 0 || string(v) == "null":
		return ""
	case v[0] == '"' && json.Unmarshal(v, &s) == nil:
		return s
	}
	return string(v)
}
