package servicenow

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// StatsService reads aggregate statistics through the Aggregate API
// (/api/now/stats/{table}): counts, averages, minimums, maximums and sums,
// optionally grouped by fields.
type StatsService struct {
	c *Client
}

// Having filters groups on an aggregate, for example
// Having{Aggregate: "count", Field: "*", Operator: ">", Value: "5"}.
type Having struct {
	// Aggregate is count, avg, min, max or sum.
	Aggregate string
	// Field is the aggregated field ("*" with count).
	Field string
	// Operator is one of =, !=, >, >=, <, <=.
	Operator string
	// Value is the number compared with.
	Value string
}

// StatsOptions select what to aggregate. At least one of Count or the
// field lists must be set.
type StatsOptions struct {
	// Query selects the records aggregated; the zero Query takes all.
	Query encodedquery.Query `url:"-"`
	// Count asks for the number of records (per group).
	Count bool `url:"sysparm_count,omitempty"`
	// GroupBy lists the fields to group by.
	GroupBy []string `url:"sysparm_group_by,comma,omitempty"`
	// AvgFields, MinFields, MaxFields and SumFields list the fields to
	// aggregate.
	AvgFields []string `url:"sysparm_avg_fields,comma,omitempty"`
	MinFields []string `url:"sysparm_min_fields,comma,omitempty"`
	MaxFields []string `url:"sysparm_max_fields,comma,omitempty"`
	SumFields []string `url:"sysparm_sum_fields,comma,omitempty"`
	// Having filters the groups.
	Having *Having `url:"-"`
	// OrderBy orders the groups: a field name, or an aggregate such as
	// "COUNT" or "AVG^reassignment_count"; a trailing "^DESC" reverses it.
	OrderBy []string `url:"sysparm_order_by,comma,omitempty"`
	// DisplayValue asks for display values of the group-by fields too.
	DisplayValue DisplayValue `url:"sysparm_display_value,omitempty"`
}

type statsWire struct {
	StatsOptions
	Query  string `url:"sysparm_query,omitempty"`
	Having string `url:"sysparm_having,omitempty"`
}

// GroupValue is the value of one group-by field of a group.
type GroupValue struct {
	// Field names the group-by field.
	Field string
	// Value is the group's stored value of the field, DisplayValue its
	// display value when asked for.
	Value        string
	DisplayValue string
}

// StatsGroup is one group of an aggregate answer (the only group when
// nothing is grouped).
type StatsGroup struct {
	// Fields holds the group's values of the group-by fields, in order.
	Fields []GroupValue
	// Count is the number of records in the group, when asked for.
	Count int64
	// Avg and Sum hold numbers per field.
	Avg, Sum map[string]float64
	// Min and Max hold the extreme values per field as the instance writes
	// them: numbers, but also dates or text for such fields.
	Min, Max map[string]string
}

// Value returns the group's value of a group-by field.
func (g StatsGroup) Value(field string) (GroupValue, bool) {
	for _, f := range g.Fields {
		if f.Field == field {
			return f, true
		}
	}
	return GroupValue{}, false
}

func checkNames(what string, names []string) error {
	for _, n := range names {
		if n == "" || strings.ContainsAny(n, ",^=\r\n\t ") {
			return inputErr(what, strconv.Quote(n)+" is not a field name")
		}
	}
	return nil
}

func (o *StatsOptions) wire() (*statsWire, error) {
	if !o.Count && len(o.AvgFields)+len(o.MinFields)+len(o.MaxFields)+len(o.SumFields) == 0 {
		return nil, inputErr("stats", "ask for Count or at least one aggregated field")
	}
	for what, names := range map[string][]string{"group by": o.GroupBy, "avg fields": o.AvgFields,
		"min fields": o.MinFields, "max fields": o.MaxFields, "sum fields": o.SumFields} {
		if err := checkNames(what, names); err != nil {
			return nil, err
		}
	}
	for _, ob := range o.OrderBy {
		if ob == "" || strings.ContainsAny(ob, ",\r\n") {
			return nil, inputErr("order by", strconv.Quote(ob)+" is not an order term")
		}
	}
	switch o.DisplayValue {
	case "", DisplayValueFalse, DisplayValueTrue, DisplayValueAll:
	default:
		return nil, inputErr("display value", strconv.Quote(string(o.DisplayValue))+" is not false, true or all")
	}
	q, err := o.Query.Encode()
	if err != nil {
		return nil, queryErr(err)
	}
	w := &statsWire{StatsOptions: *o, Query: q}
	if h := o.Having; h != nil {
		switch strings.ToLower(h.Aggregate) {
		case "count", "avg", "min", "max", "sum":
		default:
			return nil, inputErr("having", strconv.Quote(h.Aggregate)+" is not count, avg, min, max or sum")
		}
		switch h.Operator {
		case "=", "!=", ">", ">=", "<", "<=":
		default:
			return nil, inputErr("having", strconv.Quote(h.Operator)+" is not a comparison")
		}
		if _, err := strconv.ParseFloat(h.Value, 64); err != nil {
			return nil, inputErr("having", strconv.Quote(h.Value)+" is not a number")
		}
		if h.Field != "*" {
			if err := checkNames("having", []string{h.Field}); err != nil {
				return nil, err
			}
		}
		w.Having = strings.ToLower(h.Aggregate) + "^" + h.Field + "^" + h.Operator + "^" + h.Value
	}
	return w, nil
}

// statsEntry is one element of the answer.
type statsEntry struct {
	Stats struct {
		Count string            `json:"count"`
		Avg   map[string]string `json:"avg"`
		Min   map[string]string `json:"min"`
		Max   map[string]string `json:"max"`
		Sum   map[string]string `json:"sum"`
	} `json:"stats"`
	GroupBy []struct {
		Field        string `json:"field"`
		Value        string `json:"value"`
		DisplayValue string `json:"display_value"`
	} `json:"groupby_fields"`
}

// Get returns the aggregates of table selected by opts: one group per
// combination of group-by values, or a single group when nothing is
// grouped.
func (s *StatsService) Get(ctx context.Context, table string, opts *StatsOptions) ([]StatsGroup, error) {
	if strings.TrimSpace(table) == "" || strings.ContainsAny(table, "/?#^=\r\n ") {
		return nil, inputErr("table", strconv.Quote(table)+" is not a table name")
	}
	if opts == nil {
		return nil, inputErr("stats", "options are required")
	}
	w, err := opts.wire()
	if err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if _, err := do(ctx, s.c, &transport.Request{Path: "api/now/stats/{}", Args: []string{table}, Query: w}, &raw); err != nil {
		return nil, err
	}
	var entries []statsEntry
	if t := strings.TrimSpace(string(raw)); strings.HasPrefix(t, "{") {
		var one statsEntry
		if err := json.Unmarshal(raw, &one); err != nil {
			return nil, fmt.Errorf("servicenow: stats answer: %w", err)
		}
		entries = []statsEntry{one}
	} else if len(t) > 0 && t != "null" {
		if err := json.Unmarshal(raw, &entries); err != nil {
			return nil, fmt.Errorf("servicenow: stats answer: %w", err)
		}
	}
	out := make([]StatsGroup, 0, len(entries))
	for _, e := range entries {
		g := StatsGroup{Min: e.Stats.Min, Max: e.Stats.Max}
		if e.Stats.Count != "" {
			if g.Count, err = strconv.ParseInt(e.Stats.Count, 10, 64); err != nil {
				return nil, fmt.Errorf("servicenow: stats count %q: %w", e.Stats.Count, err)
			}
		}
		if g.Avg, err = numbers("avg", e.Stats.Avg); err != nil {
			return nil, err
		}
		if g.Sum, err = numbers("sum", e.Stats.Sum); err != nil {
			return nil, err
		}
		for _, f := range e.GroupBy {
			g.Fields = append(g.Fields, GroupValue(f))
		}
		out = append(out, g)
	}
	return out, nil
}

// numbers parses an aggregate's values; an empty value (no records) is 0.
func numbers(kind string, m map[string]string) (map[string]float64, error) {
	if m == nil {
		return nil, nil
	}
	out := make(map[string]float64, len(m))
	for k, v := range m {
		if v == "" {
			out[k] = 0
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("servicenow: stats %s of %s = %q: %w", kind, k, v, err)
		}
		out[k] = f
	}
	return out, nil
}
