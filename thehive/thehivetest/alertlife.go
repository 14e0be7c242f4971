package thehivetest

import (
	"fmt"
	"net/http"
	"strings"
)

// alertStages maps TheHive 5's predefined alert statuses to their stages
// (docs.strangebee.com, "About statuses").
var alertStages = map[string]string{
	"New": "New", "InProgress": "InProgress", "Pending": "InProgress", "Imported": "Imported",
	"Ignored": "Closed", "FalsePositive": "Closed", "Duplicated": "Closed", "Other": "Closed",
}

// v0AlertStatus is TheHive 3/4's status of an alert, which follows from
// whether it is read and has a case (TheHive 4's v0 PublicAlert).
func v0AlertStatus(d doc) string {
	read, _ := d["read"].(bool)
	hasCase := d["caseId"] != nil
	switch {
	case read && hasCase:
		return "Imported"
	case read:
		return "Ignored"
	case hasCase:
		return "Updated"
	}
	return "New"
}

// findAlertByName finds an alert by TheHive 4's name for it,
// "type;source;sourceRef". Callers hold s.mu.
func (s *Server) findAlertByName(name string) doc {
	typ, rest, ok := strings.Cut(name, ";")
	source, ref, ok2 := strings.Cut(rest, ";")
	if !ok || !ok2 {
		return nil
	}
	for _, d := range s.docs[kindAlert] {
		if d["type"] == typ && d["source"] == source && d["sourceRef"] == ref {
			return d
		}
	}
	return nil
}

// alertAction applies a read, unread, follow or unfollow to an alert:
// TheHive 5 answers 204, TheHive 3/4 the alert.
func (s *Server) alertAction(id, action string, v0 bool, user string) answer {
	a := s.find(kindAlert, id)
	if a == nil {
		return notFound("Alert", id)
	}
	switch action {
	case "markAsRead":
		a["read"] = true
	case "markAsUnread":
		a["read"] = false
	case "follow":
		a["follow"] = true
	case "unfollow":
		a["follow"] = false
	default:
		return fail(http.StatusNotFound, "NotFoundError", "no such endpoint")
	}
	a["_updatedAt"], a["_updatedBy"] = s.millis(), user
	if v0 {
		return answer{status: http.StatusOK, kind: kindAlert, obj: a}
	}
	return answer{status: http.StatusNoContent}
}

// mergeAlerts merges the alerts ids into the case caseID as TheHive 4's
// AlertSrv.mergeInCase does: every alert is checked first, so that
// nothing changes when one is missing or already imported; then each
// alert's observables are copied into the case unless it has the same
// value already, its tags join the case's and, unless only importing, its
// description is appended to the case's. The alerts are linked to the
// case and marked Imported. The answer is the case.
func (s *Server) mergeAlerts(caseID string, ids []string, importOnly, v0 bool, user string) answer {
	c := s.find(kindCase, caseID)
	if c == nil {
		return notFound("Case", caseID)
	}
	alerts, missing := s.findAll(kindAlert, "Alert", ids)
	if missing != nil {
		return *missing
	}
	for _, a := range alerts {
		if a["caseId"] != nil {
			// TheHive 4's AlertSrv.mergeInCase.
			return fail(http.StatusBadRequest, "BadRequest", "Alert is already imported")
		}
	}
	for _, a := range alerts {
		s.copyObservables(a["_id"].(string), c["_id"].(string), user)
		if !importOnly {
			tags, _ := c["tags"].([]any)
			for _, t := range asList(a["tags"]) {
				if indexOf(tags, t) < 0 {
					tags = append(tags, t)
				}
			}
			c["tags"] = tags
			c["description"] = fmt.Sprintf("%v\n  \n#### Merged with alert #%v %v\n\n%v", c["description"], a["sourceRef"], a["title"],
				strings.TrimSpace(fmt.Sprint(a["description"])))
		}
		s.linkAlert(a, c["_id"].(string), user)
	}
	c["_updatedAt"], c["_updatedBy"] = s.millis(), user
	return answer{status: http.StatusOK, kind: kindCase, obj: c}
}

// linkAlert records that alert a became part of the case caseID.
func (s *Server) linkAlert(a doc, caseID, user string) {
	now := s.millis()
	a["caseId"], a["status"], a["stage"], a["importedDate"], a["read"] = caseID, "Imported", "Imported", now, true
	a["_updatedAt"], a["_updatedBy"] = now, user
}

// copyObservables copies the observables of an alert into a case, except
// those whose data type and value (or file) the case has already.
func (s *Server) copyObservables(alertID, caseID, user string) {
	existing := s.children(kindObservable, "__case", caseID)
	for _, o := range s.children(kindObservable, "__alert", alertID) {
		if sameObservable(existing, o) {
			continue
		}
		cp := doc{}
		for k, v := range o {
			switch k {
			case "_id", "_type", "_createdAt", "_createdBy", "_updatedAt", "_updatedBy", "__alert":
			default:
				cp[k] = v
			}
		}
		cp["__case"] = caseID
		s.insert(kindObservable, cp, user)
		existing = append(existing, cp)
	}
}

// sameObservable reports whether list holds an observable with o's data
// type and value, or o's file.
func sameObservable(list []doc, o doc) bool {
	for _, e := range list {
		if e["dataType"] != o["dataType"] {
			continue
		}
		ea, _ := e["attachment"].(map[string]any)
		oa, _ := o["attachment"].(map[string]any)
		if (ea == nil && oa == nil && e["data"] == o["data"]) || (ea != nil && oa != nil && ea["id"] == oa["id"]) {
			return true
		}
	}
	return false
}

// bulkAlerts applies update to each alert of in["ids"] after checking
// that all exist, so that a missing id changes nothing.
func (s *Server) bulkAlerts(in map[string]any, update func(a doc) problems) answer {
	ids := asList(in["ids"])
	if len(ids) == 0 {
		var p problems
		p.add("ids", "required")
		return answer{problems: p}
	}
	alerts, missing := s.findAll(kindAlert, "Alert", stringList(ids))
	if missing != nil {
		return *missing
	}
	for _, a := range alerts {
		if p := update(a); len(p) > 0 {
			return answer{problems: p}
		}
	}
	return answer{status: http.StatusNoContent}
}

// asList returns v as a list, or nil when it is not one.
func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// stringList returns the strings of v, a JSON list.
func stringList(v any) []string {
	var out []string
	for _, x := range asList(v) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// alertLifecycle answers the alert calls both APIs share, seg starting
// after "alert": merges, bulk calls and actions. ok is false for any
// other path.
func (s *Server) alertLifecycle(method string, seg []string, in map[string]any, v0 bool, user string) (a answer, ok bool) {
	post := method == http.MethodPost
	switch {
	case len(seg) == 2 && seg[0] == "merge" && seg[1] == "_bulk" && post:
		return s.mergeAlerts(fmt.Sprint(in["caseId"]), stringList(in["alertIds"]), false, v0, user), true
	case len(seg) == 2 && seg[0] == "delete" && seg[1] == "_bulk" && post:
		return s.bulkAlerts(in, func(a doc) problems {
			s.remove(kindAlert, a["_id"].(string))
			return nil
		}), true
	case len(seg) == 1 && seg[0] == "_bulk" && method == http.MethodPatch && !v0:
		fields := map[string]any{}
		for k, v := range in {
			if k != "ids" {
				fields[k] = v
			}
		}
		return s.bulkAlerts(in, func(a doc) problems { return s.applyUpdate(kindAlert, a, fields, v0, user) }), true
	case len(seg) == 3 && (seg[1] == "merge" || seg[1] == "import") && post && (seg[1] == "merge" || !v0):
		return s.mergeAlerts(seg[2], []string{seg[0]}, seg[1] == "import", v0, user), true
	case len(seg) == 2 && post && (seg[1] == "follow" || seg[1] == "unfollow" ||
		(v0 && (seg[1] == "markAsRead" || seg[1] == "markAsUnread"))):
		return s.alertAction(seg[0], seg[1], v0, user), true
	}
	return answer{}, false
}
