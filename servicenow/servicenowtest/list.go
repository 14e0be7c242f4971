package servicenowtest

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/incidentkit/incidentkit/internal/fakehttp"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// maxLimit is the instance's default and largest sysparm_limit.
const maxLimit = 10000

// selectRows returns the rows of t matching the request's sysparm_query,
// in its order. Callers hold s.mu.
func (s *Server) selectRows(t *table, raw string) ([]Record, error) {
	q, err := encodedquery.Parse(raw)
	if err != nil {
		return nil, err
	}
	var rows []Record
	for _, rec := range t.rows {
		if q.Match(func(c encodedquery.Condition) bool { return s.eval(t.name, rec, c) }) {
			rows = append(rows, rec)
		}
	}
	orders := q.Orders()
	if len(orders) > 0 {
		sort.SliceStable(rows, func(i, j int) bool {
			for _, o := range orders {
				a, b := s.lookup(t.name, rows[i], o.Field), s.lookup(t.name, rows[j], o.Field)
				if a == b {
					continue
				}
				less := compare(a, b) < 0
				if o.Desc {
					return !less
				}
				return less
			}
			return false
		})
	}
	return rows, nil
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, name string) {
	s.listTable(w, r, name)
}

// listTable answers a list request on table name with paging headers.
func (s *Server) listTable(w http.ResponseWriter, r *http.Request, name string) {
	q := r.URL.Query()
	limit, offset := maxLimit, 0
	if v := q.Get("sysparm_limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, "Invalid sysparm_limit", v)
			return
		}
		limit = min(n, maxLimit)
	}
	if v := q.Get("sysparm_offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "Invalid sysparm_offset", v)
			return
		}
		offset = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tables[name]
	if !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+name, "")
		return
	}
	rows, err := s.selectRows(t, q.Get("sysparm_query"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "Invalid query", err.Error())
		return
	}
	total := len(rows)
	page := rows[min(offset, total):min(offset+limit, total)]
	out := make([]map[string]any, len(page))
	for i, rec := range page {
		out[i] = s.renderIn(name, rec, r)
	}
	if q.Get("sysparm_no_count") != "true" {
		w.Header().Set("X-Total-Count", strconv.Itoa(total))
	}
	if q.Get("sysparm_suppress_pagination_header") != "true" {
		w.Header().Set("Link", s.links(r, offset, limit, total))
	}
	fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"result": out})
}

// links builds the Link header: first, prev, next and last as absolute
// URLs, prev and next only where they exist.
func (s *Server) links(r *http.Request, offset, limit, total int) string {
	at := func(off int, rel string) string {
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path}
		v := r.URL.Query()
		v.Set("sysparm_offset", strconv.Itoa(off))
		v.Set("sysparm_limit", strconv.Itoa(limit))
		u.RawQuery = v.Encode()
		return "<" + u.String() + `>;rel="` + rel + `"`
	}
	last := 0
	if total > 0 {
		last = (total - 1) / limit * limit
	}
	h := at(0, "first")
	if offset > 0 {
		h += "," + at(max(offset-limit, 0), "prev")
	}
	if offset+limit < total {
		h += "," + at(offset+limit, "next")
	}
	return h + "," + at(last, "last")
}
