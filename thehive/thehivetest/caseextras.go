package thehivetest

import (
	"fmt"
	"net/http"
	"strings"
)

// mergeCases merges the cases ids into a new case as TheHive 4's
// CaseSrv.merge does: every case is checked first; the new case takes the
// first case's fields, the titles joined, every tag, every task and every
// observable once (the same data type and value, or file, once); the
// merged cases are deleted.
func (s *Server) mergeCases(ids []string, v0 bool, user string) answer {
	if len(ids) < 2 {
		return fail(http.StatusBadRequest, "BadRequest", "a merge needs at least two cases")
	}
	cases, missing := s.findAll(kindCase, "Case", ids)
	if missing != nil {
		return *missing
	}
	var titles, descriptions []string
	var tags []any
	for _, c := range cases {
		titles = append(titles, fmt.Sprint(c["title"]))
		descriptions = append(descriptions, fmt.Sprint(c["description"]))
		for _, t := range asList(c["tags"]) {
			if indexOf(tags, t) < 0 {
				tags = append(tags, t)
			}
		}
	}
	in := map[string]any{"title": strings.Join(titles, " / "), "description": strings.Join(descriptions, "\n\n"),
		"severity": cases[0]["severity"], "tags": tags}
	res := s.createCase(in, false, user)
	newID := res.body.(map[string]any)["_id"].(string)
	merged := s.find(kindCase, newID)
	merged["mergeFrom"] = anyList(ids)
	for _, c := range cases {
		id := c["_id"].(string)
		s.copyChildren(kindObservable, id, newID, user)
		s.copyChildren(kindTask, id, newID, user)
		s.remove(kindCase, id)
	}
	return answer{status: http.StatusCreated, kind: kindCase, obj: merged}
}

// copyChildren copies the children of kind of the case from into the case
// to; observables the target has already are skipped.
func (s *Server) copyChildren(kind, from, to, user string) {
	existing := s.children(kind, "__case", to)
	for _, o := range s.children(kind, "__case", from) {
		if kind == kindObservable && sameObservable(existing, o) {
			continue
		}
		cp := doc{}
		for k, v := range o {
			if !strings.HasPrefix(k, "_") {
				cp[k] = v
			}
		}
		cp["__case"] = to
		s.insert(kind, cp, user)
		existing = append(existing, cp)
	}
}

// bulkCases applies the fields of in (but ids) to every case of in["ids"],
// once all exist: 204 in TheHive 5, the cases in TheHive 4's v0 API.
func (s *Server) bulkCases(in map[string]any, v0 bool, user string) answer {
	ids := stringList(in["ids"])
	fields := map[string]any{}
	for k, v := range in {
		if k != "ids" {
			fields[k] = v
		}
	}
	cases, missing := s.findAll(kindCase, "Case", ids)
	if missing != nil {
		return *missing
	}
	out := make([]any, 0, len(cases))
	for _, c := range cases {
		if p := s.applyUpdate(kindCase, c, fields, v0, user); len(p) > 0 {
			return answer{problems: p}
		}
		out = append(out, render(kindCase, c, v0))
	}
	if v0 {
		return answer{status: http.StatusOK, body: out}
	}
	return answer{status: http.StatusNoContent}
}

// createTemplate stores a case template; its name must be new.
func (s *Server) createTemplate(in map[string]any, v0 bool, user string) answer {
	var p problems
	p.required(in, "name")
	d := doc{"tags": []any{}, "flag": false, "displayName": in["name"]}
	p.severityAndMarks(in, d, v0)
	if len(p) > 0 {
		return answer{problems: p}
	}
	if s.find(kindTemplate, fmt.Sprint(in["name"])) != nil {
		return fail(http.StatusBadRequest, "CreateError", fmt.Sprintf("CaseTemplate %v already exists", in["name"]))
	}
	copyFields(in, d, "name", "displayName", "titlePrefix", "description", "tags", "flag", "summary", "customFields", "tasks")
	s.insert(kindTemplate, d, user)
	return answer{status: http.StatusCreated, kind: kindTemplate, obj: d}
}

// customFields answers the list and the creation of custom field
// definitions, in TheHive 5's shape (name, displayName) or TheHive 4's
// (reference, name).
func (s *Server) customFields(method string, in map[string]any, v0 bool, user string) answer {
	if method == http.MethodGet {
		out := make([]any, 0, len(s.docs[kindField]))
		for _, d := range s.docs[kindField] {
			out = append(out, renderField(d, v0))
		}
		return answer{status: http.StatusOK, body: out}
	}
	name, label := "name", "displayName"
	if v0 {
		name, label = "reference", "name"
	}
	var p problems
	p.required(in, name, "type")
	if !v0 {
		p.required(in, "group", "description")
	}
	if len(p) > 0 {
		return answer{problems: p}
	}
	for _, d := range s.docs[kindField] {
		if d["name"] == in[name] {
			return fail(http.StatusBadRequest, "CreateError", fmt.Sprintf("CustomField %v already exists", in[name]))
		}
	}
	d := doc{"name": in[name], "displayName": in[label], "mandatory": false}
	copyFields(in, d, "group", "description", "type", "mandatory", "options")
	s.insert(kindField, d, user)
	return answer{status: http.StatusCreated, body: renderField(d, v0)}
}

// renderField shows a custom field definition in the dialect's names.
func renderField(d doc, v0 bool) map[string]any {
	out := render(kindField, d, v0)
	if v0 {
		out["reference"], out["name"] = d["name"], d["displayName"]
		delete(out, "displayName")
	}
	return out
}

// caseLinks lists the cases that share an observable (data type and
// value) with the case id, each with the shared observables in linkedWith
// and their count in linksCount, as TheHive's /links route does.
func (s *Server) caseLinks(id string, v0 bool) answer {
	c := s.find(kindCase, id)
	if c == nil {
		return notFound("Case", id)
	}
	mine := s.children(kindObservable, "__case", c["_id"].(string))
	out := []any{}
	for _, other := range s.docs[kindCase] {
		if other["_id"] == c["_id"] {
			continue
		}
		var shared []any
		for _, o := range s.children(kindObservable, "__case", other["_id"].(string)) {
			if sameObservable(mine, o) {
				shared = append(shared, render(kindObservable, o, v0))
			}
		}
		if len(shared) > 0 {
			r := render(kindCase, other, v0)
			r["linkedWith"], r["linksCount"] = shared, len(shared)
			out = append(out, r)
		}
	}
	return answer{status: http.StatusOK, body: out}
}
