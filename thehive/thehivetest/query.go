package thehivetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
	"github.com/incidentkit/incidentkit/thehive/internal/jsonnum"
)

// sortKey is one sort field.
type sortKey struct {
	field string
	desc  bool
}

// search filters and sorts rendered objects. Callers hold s.mu.
func (s *Server) search(kind string, objs []doc, f map[string]any, keys []sortKey, v0 bool) ([]map[string]any, error) {
	m := matcher{s: s, v0: v0}
	var out []map[string]any
	for _, d := range objs {
		o := &lazy{kind: kind, d: d, v0: v0}
		ok, err := m.match(kind, o, f)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, o.rendering())
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		for _, k := range keys {
			a, b := values(plain(out[i]), k.field), values(plain(out[j]), k.field)
			if len(a) == 0 || len(b) == 0 {
				continue
			}
			c := compare(a[0], b[0])
			if c == 0 || c == -2 {
				continue
			}
			return (c < 0) != k.desc
		}
		return false
	})
	return out, nil
}

// query implements POST /api/v1/query.
func (s *Server) query(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Query []map[string]any `json:"query"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || len(body.Query) == 0 {
		writeError(w, http.StatusBadRequest, "BadRequest", "a query needs a list of operations")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		kind  string
		objs  []doc
		f     map[string]any
		keys  []sortKey
		page  *[2]int
		total bool
		count bool
	)
	for i, op := range body.Query {
		name, _ := op["_name"].(string)
		switch name {
		case "listCase", "listAlert", "listTask", "listObservable", "listLog", "listCaseTemplate":
			kind = map[string]string{"listCase": kindCase, "listAlert": kindAlert, "listTask": kindTask, "listObservable": kindObservable,
				"listLog": kindLog, "listCaseTemplate": kindTemplate}[name]
			objs = append([]doc(nil), s.docs[kind]...)
		case "getCase", "getAlert", "getTask", "getLog":
			k := map[string]string{"getCase": kindCase, "getAlert": kindAlert, "getTask": kindTask, "getLog": kindLog}[name]
			d := s.find(k, fmt.Sprint(op["idOrName"]))
			if d == nil {
				writeError(w, http.StatusNotFound, "NotFoundError", fmt.Sprintf("%s %v not found", k, op["idOrName"]))
				return
			}
			kind, objs = k, []doc{d}
		case "attachments":
			if len(objs) != 1 || (kind != kindCase && kind != kindAlert && kind != kindLog) {
				writeError(w, http.StatusBadRequest, "BadRequest", "attachments needs a single case, alert or log before it")
				return
			}
			parent := "__" + kind
			kind, objs = kindAttachment, s.children(kindAttachment, parent, objs[0]["_id"].(string))
		case "procedures", "pages":
			if len(objs) != 1 || (kind != kindCase && (kind != kindAlert || name == "pages")) {
				writeError(w, http.StatusBadRequest, "BadRequest", name+" needs a single case (or alert, for procedures) before it")
				return
			}
			parent := "__" + kind
			kind = map[string]string{"procedures": kindProcedure, "pages": kindPage}[name]
			objs = s.children(kind, parent, objs[0]["_id"].(string))
		case "audits":
			if len(objs) != 1 || kind != kindCase {
				writeError(w, http.StatusBadRequest, "BadRequest", "audits needs a single case before it")
				return
			}
			kind, objs = kindAudit, s.children(kindAudit, "objectId", objs[0]["_id"].(string))
		case "logs":
			if len(objs) != 1 || kind != kindTask {
				writeError(w, http.StatusBadRequest, "BadRequest", "logs needs a single task before it")
				return
			}
			kind, objs = kindLog, s.children(kindLog, "__task", objs[0]["_id"].(string))
		case "observables", "tasks", "comments":
			if len(objs) != 1 || (kind != kindCase && kind != kindAlert) {
				writeError(w, http.StatusBadRequest, "BadRequest", name+" needs a single case or alert before it")
				return
			}
			parent := "__" + kind
			kind = map[string]string{"observables": kindObservable, "tasks": kindTask, "comments": kindComment}[name]
			objs = s.children(kind, parent, objs[0]["_id"].(string))
		case "filter":
			f = map[string]any{}
			for k, v := range op {
				if k != "_name" {
					f[k] = v
				}
			}
		case "sort":
			fields, _ := op["_fields"].([]any)
			for _, x := range fields {
				m, _ := x.(map[string]any)
				for field, dir := range m {
					keys = append(keys, sortKey{field, dir == "desc"})
				}
			}
		case "page":
			from, _ := jsonnum.Float(op["from"])
			to, _ := jsonnum.Float(op["to"])
			page = &[2]int{int(from), int(to)}
			if extra, ok := op["extraData"].([]any); ok {
				for _, e := range extra {
					total = total || e == "total"
				}
			}
		case "count":
			count = true
		default:
			writeError(w, http.StatusBadRequest, "BadRequest", fmt.Sprintf("unknown operation %q at %d", name, i))
			return
		}
	}
	if kind == "" {
		writeError(w, http.StatusBadRequest, "BadRequest", "the query selects nothing")
		return
	}
	out, err := s.search(kind, objs, f, keys, false)
	if err != nil {
		writeError(w, http.StatusBadRequest, "BadRequest", "Invalid filter: "+err.Error())
		return
	}
	if count {
		fakehttp.WriteJSON(w, http.StatusOK, len(out))
		return
	}
	n := len(out)
	if page != nil {
		out = out[min(max(page[0], 0), n):min(max(page[1], page[0], 0), n)]
		if total {
			w.Header().Set("X-Total", strconv.Itoa(n))
			for _, o := range out {
				o["extraData"] = map[string]any{"total": n}
			}
		}
	}
	if out == nil {
		out = []map[string]any{}
	}
	fakehttp.WriteJSON(w, http.StatusOK, out)
}

// v0Search implements POST /api/case[/task|/artifact]/_search: the body's
// query, range ("all" or "from-to"; 0-10 when absent) and sort, or the
// same as query parameters; the total is in X-Total.
func (s *Server) v0Search(w http.ResponseWriter, r *http.Request, kind string) {
	in, ok := checkBody(w, r)
	if !ok {
		return
	}
	f, _ := in["query"].(map[string]any)
	rng, _ := in["range"].(string)
	if v := r.URL.Query().Get("range"); v != "" {
		rng = v
	}
	var sorts []string
	switch x := in["sort"].(type) {
	case string:
		sorts = []string{x}
	case []any:
		for _, v := range x {
			sorts = append(sorts, fmt.Sprint(v))
		}
	}
	sorts = append(sorts, r.URL.Query()["sort"]...)
	var keys []sortKey
	for _, so := range sorts {
		keys = append(keys, sortKey{strings.TrimLeft(so, "+-"), strings.HasPrefix(so, "-")})
	}
	s.mu.Lock()
	out, err := s.search(kind, s.docs[kind], f, keys, true)
	s.mu.Unlock()
	if err != nil {
		writeError(w, http.StatusBadRequest, "BadRequest", "Invalid search query: "+err.Error())
		return
	}
	n := len(out)
	from, to := 0, 10
	if rng == "all" {
		to = n
	} else if rng != "" {
		a, b, ok := strings.Cut(rng, "-")
		fa, err1 := strconv.Atoi(a)
		fb, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || fa < 0 || fb < fa {
			writeError(w, http.StatusBadRequest, "BadRequest", "Invalid range "+rng)
			return
		}
		from, to = fa, fb
	}
	out = out[min(from, n):min(to, n)]
	if out == nil {
		out = []map[string]any{}
	}
	w.Header().Set("X-Total", strconv.Itoa(n))
	fakehttp.WriteJSON(w, http.StatusOK, out)
}
