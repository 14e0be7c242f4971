package sla

import (
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// A condition is an encoded query compiled against the fields of a
// replay: each field is an index into the record's state, so evaluating
// it neither hashes names nor allocates.

// test is one compiled condition.
type test struct {
	field, other int // other: the second field of SAMEAS and the like
	op           string
	value        string
	list         []string // IN, NOT IN; BETWEEN's two bounds
}

// compiled is a query in normal form: alternatives of conjunctions of
// disjunctions. The zero compiled query (no alternatives) matches
// nothing; set reports whether the query was given at all.
type compiled struct {
	alts [][][]test
	set  bool
}

// state is a record's fields during a replay, with what the current event
// changed.
type state struct {
	values, previous []string
	changed          []bool
}

// fieldIndex interns field names.
type fieldIndex map[string]int

func (fi fieldIndex) of(name string) int {
	if i, ok := fi[name]; ok {
		return i
	}
	fi[name] = len(fi)
	return len(fi) - 1
}

// compile turns q into a compiled query, or says which condition it
// cannot evaluate against a record's own fields.
func compile(q encodedquery.Query, fields fieldIndex) (compiled, string) {
	if err := q.Err(); err != nil {
		return compiled{}, err.Error()
	}
	if q.IsZero() {
		return compiled{}, ""
	}
	out := compiled{set: true}
	for _, alt := range q.Alternatives() {
		var conj [][]test
		for _, disj := range alt {
			var ts []test
			for _, c := range disj {
				t, problem := compileCondition(c, fields)
				if problem != "" {
					return compiled{}, problem
				}
				ts = append(ts, t)
			}
			conj = append(conj, ts)
		}
		out.alts = append(out.alts, conj)
	}
	return out, ""
}

func compileCondition(c encodedquery.Condition, fields fieldIndex) (test, string) {
	if c.Verbatim {
		return test{}, "the condition " + strconv.Quote(c.Value) + " cannot be evaluated on a record's history"
	}
	t := test{field: fields.of(c.Field), op: c.Operator, value: c.Value}
	switch c.Operator {
	case "=", "!=", "LIKE", "NOT LIKE", "NOTLIKE", "STARTSWITH", "ENDSWITH", "ISEMPTY", "ISNOTEMPTY", "EMPTYSTRING",
		"ANYTHING", "<", "<=", ">", ">=", "VALCHANGES", "CHANGESFROM", "CHANGESTO":
		if c.Operator == "LIKE" || c.Operator == "NOT LIKE" || c.Operator == "NOTLIKE" || c.Operator == "STARTSWITH" || c.Operator == "ENDSWITH" {
			t.value = strings.ToLower(c.Value)
		}
	case "IN", "NOT IN":
		t.list = strings.Split(c.Value, ",")
	case "BETWEEN":
		lo, hi, _ := strings.Cut(c.Value, "@")
		t.list = []string{lo, hi}
	case "SAMEAS", "NSAMEAS", "GT_FIELD", "LT_FIELD", "GT_OR_EQUALS_FIELD", "LT_OR_EQUALS_FIELD":
		t.other = fields.of(c.Value)
	default:
		return test{}, "the operator " + c.Operator + " (field " + c.Field + ") cannot be evaluated on a record's history"
	}
	return t, ""
}

// match evaluates q on s; an unset query matches nothing.
func (q *compiled) match(s *state) bool {
	for _, alt := range q.alts {
		if matchAll(alt, s) {
			return true
		}
	}
	return false
}

func matchAll(conj [][]test, s *state) bool {
	for _, disj := range conj {
		ok := false
		for i := range disj {
			if disj[i].eval(s) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func (t *test) eval(s *state) bool {
	v := s.values[t.field]
	switch t.op {
	case "=":
		return v == t.value
	case "!=":
		return v != t.value
	case "LIKE":
		return strings.Contains(strings.ToLower(v), t.value)
	case "NOT LIKE", "NOTLIKE":
		return !strings.Contains(strings.ToLower(v), t.value)
	case "STARTSWITH":
		return strings.HasPrefix(strings.ToLower(v), t.value)
	case "ENDSWITH":
		return strings.HasSuffix(strings.ToLower(v), t.value)
	case "ISEMPTY", "EMPTYSTRING":
		return v == ""
	case "ISNOTEMPTY":
		return v != ""
	case "ANYTHING":
		return true
	case "IN", "NOT IN":
		in := false
		for _, x := range t.list {
			if x == v {
				in = true
				break
			}
		}
		return in == (t.op == "IN")
	case "<":
		return v != "" && encodedquery.CompareValues(v, t.value) < 0
	case "<=":
		return v != "" && encodedquery.CompareValues(v, t.value) <= 0
	case ">":
		return v != "" && encodedquery.CompareValues(v, t.value) > 0
	case ">=":
		return v != "" && encodedquery.CompareValues(v, t.value) >= 0
	case "BETWEEN":
		return v != "" && encodedquery.CompareValues(v, t.list[0]) >= 0 && encodedquery.CompareValues(v, t.list[1]) <= 0
	case "SAMEAS":
		return v == s.values[t.other]
	case "NSAMEAS":
		return v != s.values[t.other]
	case "GT_FIELD":
		return encodedquery.CompareValues(v, s.values[t.other]) > 0
	case "LT_FIELD":
		return encodedquery.CompareValues(v, s.values[t.other]) < 0
	case "GT_OR_EQUALS_FIELD":
		return encodedquery.CompareValues(v, s.values[t.other]) >= 0
	case "LT_OR_EQUALS_FIELD":
		return encodedquery.CompareValues(v, s.values[t.other]) <= 0
	case "VALCHANGES":
		return s.changed[t.field]
	case "CHANGESFROM":
		return s.changed[t.field] && s.previous[t.field] == t.value
	case "CHANGESTO":
		return s.changed[t.field] && v == t.value
	}
	return false
}

// remap renumbers the fields of q with to (old index → new index).
func (q *compiled) remap(to []int) {
	for _, alt := range q.alts {
		for _, disj := range alt {
			for i := range disj {
				disj[i].field = to[disj[i].field]
				if disj[i].op == "SAMEAS" || disj[i].op == "NSAMEAS" || disj[i].op == "GT_FIELD" || disj[i].op == "LT_FIELD" ||
					disj[i].op == "GT_OR_EQUALS_FIELD" || disj[i].op == "LT_OR_EQUALS_FIELD" {
					disj[i].other = to[disj[i].other]
				}
			}
		}
	}
}
