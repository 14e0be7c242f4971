package cyderestest

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// AddAttribute stores a MISP attribute for /misp.
func (s *Server) AddAttribute(a Attribute) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	if a.ID == 0 {
		a.ID = 3000 + s.seq
	}
	if a.EventID == 0 {
		a.EventID = 40
	}
	if a.Timestamp.IsZero() {
		a.Timestamp = s.clock()
	}
	s.attributes = append(s.attributes, a)
}

// misp implements GET /misp: attributes changed within the range, by
// default the last seven days.
func (s *Server) misp(w http.ResponseWriter, r *http.Request) {
	const layout = "2006-01-02 15:04:05"
	q := r.URL.Query()
	to := s.clock()
	from := to.AddDate(0, 0, -7)
	for name, dst := range map[string]*time.Time{"created_from": &from, "created_to": &to} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(layout, v)
			if err != nil {
				validation(w, "query", name, "expected YYYY-MM-DD hh:mm:ss")
				return
			}
			*dst = t
		}
	}
	s.mu.Lock()
	out := []map[string]any{}
	for _, a := range s.attributes {
		if a.Timestamp.Before(from) || a.Timestamp.After(to) {
			continue
		}
		eventUUID := "5f2b0c1e-0000-4000-8000-0000000000" + strconv.Itoa(10+a.EventID%90)
		day := a.EventDate
		if day.IsZero() {
			day = a.Timestamp
		}
		tags := []map[string]any{}
		for i, t := range a.Tags {
			tags = append(tags, map[string]any{"id": strconv.Itoa(i + 1), "name": t, "colour": "#0088cc", "exportable": true})
		}
		item := map[string]any{
			"id": strconv.Itoa(a.ID), "event_id": strconv.Itoa(a.EventID), "object_id": "0", "object_relation": nil,
			"category": a.Category, "type": a.Type, "value": a.Value, "to_ids": a.ToIDs,
			"uuid":      "5f2b0c1e-0000-4000-8000-" + strconv.FormatInt(int64(100000000000+a.ID), 10),
			"timestamp": strconv.FormatInt(a.Timestamp.Unix(), 10), "distribution": "5", "sharing_group_id": "0",
			"comment": a.Comment, "deleted": false, "disable_correlation": false, "first_seen": nil, "last_seen": nil,
			"event_uuid": eventUUID, "Tag": tags,
			"Event": map[string]any{"id": strconv.Itoa(a.EventID), "org_id": "1", "orgc_id": "1", "distribution": "1",
				"info": a.EventInfo, "uuid": eventUUID, "threat_level_id": strconv.Itoa(a.EventThreatLevel),
				"date": day.UTC().Format(time.DateOnly), "analysis": strconv.Itoa(a.EventAnalysis), "published": a.EventPublished,
				"timestamp": strconv.FormatInt(a.Timestamp.Unix(), 10), "publish_timestamp": "0"},
		}
		if len(a.Data) > 0 {
			item["data"] = base64.StdEncoding.EncodeToString(a.Data)
		}
		out = append(out, item)
	}
	s.mu.Unlock()
	fakehttp.WriteJSON(w, http.StatusOK, out)
}
