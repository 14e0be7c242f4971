package servicenowtest

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// statsAPI answers /api/now/stats/{table}.
func (s *Server) statsAPI(w http.ResponseWriter, r *http.Request, rest []string) {
	if len(rest) != 1 || r.Method != http.MethodGet {
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
		return
	}
	q := r.URL.Query()
	split := func(k string) []string {
		if v := q.Get(k); v != "" {
			return strings.Split(v, ",")
		}
		return nil
	}
	groupBy := split("sysparm_group_by")
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tables[rest[0]]
	if !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+rest[0], "")
		return
	}
	rows, err := s.selectRows(t, q.Get("sysparm_query"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "Invalid query", err.Error())
		return
	}
	type bucket struct {
		key  []string
		rows []Record
	}
	var buckets []*bucket
	index := map[string]*bucket{}
	for _, rec := range rows {
		key := make([]string, len(groupBy))
		for i, f := range groupBy {
			key[i] = s.lookup(t.name, rec, f)
		}
		k := strings.Join(key, "\x00")
		b, ok := index[k]
		if !ok {
			b = &bucket{key: key}
			index[k] = b
			buckets = append(buckets, b)
		}
		b.rows = append(b.rows, rec)
	}
	sort.SliceStable(buckets, func(i, j int) bool {
		return strings.Join(buckets[i].key, "\x00") < strings.Join(buckets[j].key, "\x00")
	})
	entries := make([]map[string]any, 0, len(buckets))
	var kept []group
	for _, b := range buckets {
		stats := map[string]any{}
		if q.Get("sysparm_count") == "true" {
			stats["count"] = strconv.Itoa(len(b.rows))
		}
		for kind, param := range map[string]string{"avg": "sysparm_avg_fields", "min": "sysparm_min_fields",
			"max": "sysparm_max_fields", "sum": "sysparm_sum_fields"} {
			fields := split(param)
			if len(fields) == 0 {
				continue
			}
			m := map[string]string{}
			for _, f := range fields {
				m[f] = s.aggregate(t.name, kind, f, b.rows)
			}
			stats[kind] = m
		}
		if !having(q.Get("sysparm_having"), stats, b.rows) {
			continue
		}
		e := map[string]any{"stats": stats}
		if len(groupBy) > 0 {
			var gf []map[string]string
			for i, f := range groupBy {
				g := map[string]string{"field": f, "value": b.key[i]}
				if q.Get("sysparm_display_value") == "true" || q.Get("sysparm_display_value") == "all" {
					if len(b.rows) > 0 {
						g["display_value"] = s.display(t.name, b.rows[0], f)
					}
				}
				gf = append(gf, g)
			}
			e["groupby_fields"] = gf
		}
		entries = append(entries, e)
		kept = append(kept, group{key: b.key, stats: stats, size: len(b.rows)})
	}
	orderGroups(split("sysparm_order_by"), groupBy, kept, entries)
	if len(groupBy) == 0 {
		if len(entries) == 0 {
			entries = append(entries, map[string]any{"stats": map[string]any{"count": "0"}})
		}
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"result": entries[0]})
		return
	}
	fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"result": entries})
}

// aggregate computes avg, min, max or sum of a field over rows.
func (s *Server) aggregate(tableName, kind, field string, rows []Record) string {
	var vals []string
	for _, r := range rows {
		if v := s.lookup(tableName, r, field); v != "" {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return ""
	}
	switch kind {
	case "min", "max":
		best := vals[0]
		for _, v := range vals[1:] {
			if c := compare(v, best); (kind == "min" && c < 0) || (kind == "max" && c > 0) {
				best = v
			}
		}
		return best
	}
	sum := 0.0
	for _, v := range vals {
		f, _ := strconv.ParseFloat(v, 64)
		sum += f
	}
	if kind == "avg" {
		return strconv.FormatFloat(sum/float64(len(vals)), 'f', 4, 64)
	}
	return strconv.FormatFloat(sum, 'f', -1, 64)
}

// having applies "aggregate^field^op^value" (count only compares the
// group size; other aggregates compare the computed value).
func having(spec string, stats map[string]any, rows []Record) bool {
	if spec == "" {
		return true
	}
	p := strings.Split(spec, "^")
	if len(p) != 4 {
		return true
	}
	want, err := strconv.ParseFloat(p[3], 64)
	if err != nil {
		return true
	}
	got := float64(len(rows))
	if p[0] != "count" {
		m, _ := stats[p[0]].(map[string]string)
		got, _ = strconv.ParseFloat(m[p[1]], 64)
	}
	switch p[2] {
	case "=":
		return got == want
	case "!=":
		return got != want
	case ">":
		return got > want
	case ">=":
		return got >= want
	case "<":
		return got < want
	case "<=":
		return got <= want
	}
	return true
}
