package thehivetest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// answer is a handler's outcome, written by the dialect's router.
type answer struct {
	status int
	body   any
	// kind and obj, when obj is set, are rendered for the dialect.
	kind string
	obj  doc
	// errType and message describe an error answer.
	errType, message string
	problems         problems
}

func fail(status int, typ, msg string) answer {
	return answer{status: status, errType: typ, message: msg}
}

func notFound(what, id string) answer {
	return fail(http.StatusNotFound, "NotFoundError", what+" "+id+" not found")
}

func (a answer) write(w http.ResponseWriter, v0 bool) {
	switch {
	case a.obj != nil && a.errType == "" && len(a.problems) == 0:
		fakehttp.WriteJSON(w, a.status, render(a.kind, a.obj, v0))
	case len(a.problems) > 0:
		attributeError(w, a.problems)
	case a.errType != "":
		writeError(w, a.status, a.errType, a.message)
	case a.body == nil:
		w.WriteHeader(a.status)
	default:
		fakehttp.WriteJSON(w, a.status, a.body)
	}
}

func (s *Server) createCase(in map[string]any, v0 bool, user string) answer {
	d, p := s.caseFromInput(in, v0)
	if len(p) > 0 {
		return answer{problems: p}
	}
	s.caseNumber++
	d["number"] = s.caseNumber
	s.insert(kindCase, d, user)
	s.auditCase("create", nil, d, user)
	if tasks, ok := in["tasks"].([]any); ok {
		for _, t := range tasks {
			if tm, ok := t.(map[string]any); ok {
				s.createTask(d["_id"].(string), tm, user)
			}
		}
	}
	return answer{status: http.StatusCreated, body: render(kindCase, d, v0)}
}

func (s *Server) createTask(caseID string, in map[string]any, user string) answer {
	d := doc{"__case": caseID, "status": "Waiting", "flag": false, "order": 0, "group": "default"}
	copyFields(in, d, "title", "group", "description", "status", "flag", "startDate", "endDate", "order", "dueDate", "assignee", "owner")
	return s.addChild(kindTask, kindCase, caseID, "title", in, d, user)
}

func (s *Server) addLog(taskID string, in map[string]any, user string) answer {
	d := doc{"__task": taskID, "date": s.millis(), "status": "Ok"}
	copyFields(in, d, "message", "startDate", "includeInTimeline")
	return s.addChild(kindLog, kindTask, taskID, "message", in, d, user)
}

func (s *Server) addComment(caseID string, in map[string]any, user string) answer {
	d := doc{"__case": caseID, "message": in["message"], "isEdited": false}
	return s.addChild(kindComment, kindCase, caseID, "message", in, d, user)
}

// addChild stores d, built from in, as a new object of kind under the
// object parentID of parentKind, once that exists and in has the field
// need.
func (s *Server) addChild(kind, parentKind, parentID, need string, in map[string]any, d doc, user string) answer {
	if s.find(parentKind, parentID) == nil {
		label, _ := typeNames(parentKind)
		return notFound(label, parentID)
	}
	var p problems
	p.required(in, need)
	if len(p) > 0 {
		return answer{problems: p}
	}
	s.insert(kind, d, user)
	return answer{status: http.StatusCreated, kind: kind, obj: d}
}

// object gets, patches or deletes the object id of kind. A patch answers
// the object in TheHive 3/4 (v0) and 204 with no body in TheHive 5; ok is
// false for any other method.
func (s *Server) object(kind, id, method string, in map[string]any, v0 bool, user string) (a answer, ok bool) {
	d := s.find(kind, id)
	switch {
	case d == nil:
		return notFound(kind, id), true
	case method == http.MethodGet:
		return answer{status: http.StatusOK, kind: kind, obj: d}, true
	case method == http.MethodPatch:
		if p := s.applyUpdate(kind, d, in, v0, user); len(p) > 0 {
			return answer{problems: p}, true
		}
		if v0 {
			return answer{status: http.StatusOK, kind: kind, obj: d}, true
		}
		return answer{status: http.StatusNoContent}, true
	case method == http.MethodDelete:
		s.remove(kind, d["_id"].(string))
		return answer{status: http.StatusNoContent}, true
	}
	return answer{}, false
}

// attachment is a stored file observable's content description.
type attachment struct {
	name, contentType string
	data              []byte
}

func (a attachment) json() map[string]any {
	s256, s1, m5 := sha256.Sum256(a.data), sha1.Sum(a.data), md5.Sum(a.data)
	return map[string]any{"name": a.name, "contentType": a.contentType, "size": len(a.data), "id": hex.EncodeToString(s256[:]),
		"hashes": []string{hex.EncodeToString(s256[:]), hex.EncodeToString(s1[:]), hex.EncodeToString(m5[:])}}
}

// createObservables adds one observable per data value (or one per file)
// to the case or alert under parentKey; values already present fail.
func (s *Server) createObservables(parentKey, parentID string, in map[string]any, files []attachment, v0 bool, user string) answer {
	var p problems
	p.required(in, "dataType")
	if len(p) > 0 {
		return answer{problems: p}
	}
	dataType := in["dataType"].(string)
	var datas []any
	switch x := in["data"].(type) {
	case string:
		datas = []any{x}
	case []any:
		datas = x
	}
	files, p = s.observableFiles(in, files)
	if len(p) > 0 {
		return answer{problems: p}
	}
	if len(files) == 0 && len(datas) == 0 {
		p.add("data", "required")
		return answer{problems: p}
	}
	var success, failure []any
	existing := s.children(kindObservable, parentKey, parentID)
	make1 := func(data any, file *attachment) {
		for _, e := range existing {
			if e["dataType"] == dataType && ((file == nil && e["data"] == data) ||
				(file != nil && e["attachment"] != nil && e["attachment"].(map[string]any)["id"] == file.json()["id"])) {
				// TheHive 4's ObservableCtrl echoes the refused value as
				// {"data": value}, or {"data": "file:<name>",
				// "attachment": {"name": <name>}} for a file.
				obj := map[string]any{"data": data}
				if file != nil {
					obj = map[string]any{"data": "file:" + file.name, "attachment": map[string]any{"name": file.name}}
				}
				failure = append(failure, map[string]any{"type": "CreateError", "message": "Observable already exists", "object": obj})
				return
			}
		}
		d := doc{parentKey: parentID, "dataType": dataType, "ioc": false, "sighted": false, "tags": []any{}, "startDate": s.millis()}
		copyFields(in, d, "message", "tags", "ioc", "sighted", "sightedAt", "ignoreSimilarity", "startDate")
		var q problems
		q.intField(in, d, "pap", 0, 3, 2)
		q.tlpField(in, d, v0)
		if file != nil {
			d["attachment"], d["__file"] = file.json(), file.data
		} else {
			d["data"] = data
		}
		s.insert(kindObservable, d, user)
		existing = append(existing, d)
		success = append(success, render(kindObservable, d, v0))
	}
	for i := range files {
		make1(nil, &files[i])
	}
	for _, data := range datas {
		make1(data, nil)
	}
	if len(failure) == 0 {
		if v0 && len(success) == 1 {
			return answer{status: http.StatusCreated, body: success[0]}
		}
		return answer{status: http.StatusCreated, body: success}
	}
	// Like TheHive 4 and 5, answer 207 with both halves even when every
	// value was refused.
	if success == nil {
		success = []any{}
	}
	return answer{status: http.StatusMultiStatus, body: map[string]any{"success": success, "failure": failure}}
}

// readObservableBody reads a JSON body, or multipart with _json and
// attachment parts.
func readObservableBody(r *http.Request) (map[string]any, []attachment, error) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		in, err := readObject(r.Body)
		return in, nil, err
	}
	in, files, err := readParts(r)
	switch {
	case err != nil:
		return nil, nil, err
	case in == nil:
		return nil, nil, fmt.Errorf("no _json part")
	case len(files["attachment"]) == 0:
		return nil, nil, fmt.Errorf("no attachment part")
	}
	return in, files["attachment"], nil
}

// readParts reads a multipart body: the _json part, when there is one,
// and the files by part name.
func readParts(r *http.Request) (map[string]any, map[string][]attachment, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, err
	}
	var in map[string]any
	files := map[string][]attachment{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return in, files, nil
		}
		if err != nil {
			return nil, nil, err
		}
		b, err := io.ReadAll(io.LimitReader(part, 64<<20))
		if err != nil {
			return nil, nil, err
		}
		if part.FormName() == "_json" {
			if err := json.Unmarshal(b, &in); err != nil {
				return nil, nil, fmt.Errorf("_json: %w", err)
			}
			continue
		}
		files[part.FormName()] = append(files[part.FormName()],
			attachment{name: part.FileName(), contentType: part.Header.Get("Content-Type"), data: b})
	}
}

// createAlert stores a new alert with its observables: "observables" in
// TheHive 5, "artifacts" in TheHive 3/4.
func (s *Server) createAlert(in map[string]any, v0 bool, user string) answer {
	var p problems
	p.required(in, "type", "source", "sourceRef", "title", "description")
	now := s.millis()
	d := doc{"status": "New", "stage": "New", "follow": true, "read": false, "tags": []any{}, "date": now, "newDate": now}
	p.severityAndMarks(in, d, v0)
	if len(p) > 0 {
		return answer{problems: p}
	}
	for _, a := range s.docs[kindAlert] {
		if a["type"] == in["type"] && a["source"] == in["source"] && a["sourceRef"] == in["sourceRef"] {
			// TheHive's own answer (AlertSrv.create in TheHive 4, kept by 5).
			return fail(http.StatusBadRequest, "CreateError", fmt.Sprintf("Alert %v:%v:%v already exist in organisation %s",
				in["type"], in["source"], in["sourceRef"], s.orgName()))
		}
	}
	copyFields(in, d, "type", "source", "sourceRef", "title", "description", "tags", "date", "externalLink", "summary",
		"customFields", "flag", "caseTemplate", "assignee")
	s.insert(kindAlert, d, user)
	key := map[bool]string{false: "observables", true: "artifacts"}[v0]
	for _, o := range asList(in[key]) {
		if om, ok := o.(map[string]any); ok {
			s.createObservables("__alert", d["_id"].(string), om, nil, v0, user)
		}
	}
	return answer{status: http.StatusCreated, body: render(kindAlert, d, v0)}
}

// orgName is the organisation named in answers. Callers hold s.mu.
func (s *Server) orgName() string {
	if s.org != "" {
		return s.org
	}
	return "admin"
}

// promote turns an alert into a case with copies of its observables. An
// alert imported already is refused by TheHive 5; TheHive 3/4 answer with
// its case (AlertSrv.createCase).
func (s *Server) promote(alertID string, in map[string]any, v0 bool, user string) answer {
	a := s.find(kindAlert, alertID)
	if a == nil {
		return notFound("Alert", alertID)
	}
	if a["caseId"] != nil {
		if c := s.find(kindCase, fmt.Sprint(a["caseId"])); v0 && c != nil {
			return answer{status: http.StatusCreated, kind: kindCase, obj: c}
		}
		return fail(http.StatusBadRequest, "BadRequest", "The alert has already been imported into case "+fmt.Sprint(a["caseId"]))
	}
	c := map[string]any{"title": a["title"], "description": a["description"], "severity": a["severity"], "tags": a["tags"],
		"pap": a["pap"], "tlp": tlpNumber(fmt.Sprint(a["__tlp"]), v0)}
	copyFields(in, c, "assignee", "caseTemplate", "title", "description", "severity", "tags", "flag", "tlp", "pap",
		"status", "summary", "startDate", "endDate", "tasks")
	res := s.createCase(c, v0, user)
	if res.errType != "" || len(res.problems) > 0 {
		return res
	}
	caseID := res.body.(map[string]any)["_id"].(string)
	s.copyObservables(alertID, caseID, user)
	s.linkAlert(a, caseID, user)
	return res
}

// answerJSON reads a POST or PATCH body, computes the answer under the
// lock and writes it for the dialect.
func (s *Server) answerJSON(w http.ResponseWriter, r *http.Request, v0 bool, answerFor func(in map[string]any) answer) {
	var in map[string]any
	switch {
	case r.Method == http.MethodPost && r.ContentLength == 0:
		// An action (follow, merge, markAsRead) takes no body.
		in = map[string]any{}
	case r.Method == http.MethodPost || r.Method == http.MethodPatch:
		var ok bool
		if in, ok = checkBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	a := answerFor(in)
	s.mu.Unlock()
	a.write(w, v0)
}

// postObservables answers an observable creation (JSON or multipart) on
// the case or alert id of parentKind.
func (s *Server) postObservables(w http.ResponseWriter, r *http.Request, user, parentKind, parentKey, id string, v0 bool) {
	in, files, err := readObservableBody(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "BadRequest", err.Error())
		return
	}
	s.mu.Lock()
	a := notFound(parentKind, id)
	if parent := s.find(parentKind, id); parent != nil {
		a = s.createObservables(parentKey, parent["_id"].(string), in, files, v0, user)
	}
	s.mu.Unlock()
	a.write(w, v0)
}
