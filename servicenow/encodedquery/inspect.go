package encodedquery

// Condition is one condition of a query, as the server reads it.
type Condition struct {
	// Field is the condition's field, dot-walked where it was; empty for a
	// verbatim part.
	Field string
	// Operator is the operator's spelling ("=", "LIKE", "NOT IN", ...).
	Operator string
	// Value is the unescaped value ("" for operators without one). A list
	// is comma-separated, a Between range is "lo@hi".
	Value string
	// Verbatim marks a part the parser does not model (a text search, a
	// related-list query ...); Value then holds the whole part.
	Verbatim bool
}

// Order is one ORDERBY term.
type Order struct {
	// Field is the field ordered by.
	Field string
	// Desc is true for ORDERBYDESC.
	Desc bool
}

// Alternatives returns q's conditions in ServiceNow's normal form: the
// alternatives (joined by ^NQ), each a conjunction (^) of disjunctions
// (^OR). A record matches q when it matches every disjunction of at least
// one alternative.
func (q Query) Alternatives() [][][]Condition {
	out := make([][][]Condition, len(q.groups))
	for i, g := range q.groups {
		out[i] = make([][]Condition, len(g))
		for j, c := range g {
			out[i][j] = make([]Condition, len(c))
			for k, a := range c {
				out[i][j][k] = Condition{Field: a.field, Operator: a.op, Value: a.value, Verbatim: a.raw}
			}
		}
	}
	return out
}

// Orders returns q's ORDERBY terms in order.
func (q Query) Orders() []Order {
	out := make([]Order, len(q.orders))
	for i, o := range q.orders {
		out[i] = Order{Field: o.field, Desc: o.desc}
	}
	return out
}

// Match evaluates q with eval deciding each condition, following
// ServiceNow's precedence. The zero Query matches everything.
func (q Query) Match(eval func(Condition) bool) bool {
	if len(q.groups) == 0 {
		return true
	}
	for _, g := range q.groups {
		if matchGroup(g, eval) {
			return true
		}
	}
	return false
}

func matchGroup(g group, eval func(Condition) bool) bool {
	for _, c := range g {
		matched := false
		for _, a := range c {
			if eval(Condition{Field: a.field, Operator: a.op, Value: a.value, Verbatim: a.raw}) {
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	return true
}
