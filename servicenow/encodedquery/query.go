package encodedquery

import (
	"strconv"
	"strings"
	"sync/atomic"
)

// MaxConditions caps what distributing And over alternatives (^NQ) may
// make of a query's normal form: the expansion multiplies conditions, and
// past this cap And returns an error instead of an exponentially long
// query. Flat conjunctions and disjunctions are not expanded and are
// bounded by MaxQueryConditions only.
const MaxConditions = 1000

// MaxQueryConditions caps the conditions of any one query, built or
// parsed; Encode and Parse refuse more (Parse before it splits the
// string). A query this long is already far past what an instance serves
// in a URL.
const MaxQueryConditions = 100000

// atom is one condition, or one verbatim token when raw is set (the whole
// token is then in value). Every string is unescaped.
type atom struct {
	field, op, value string
	raw              bool
	// nested marks a related-list sub-query (RLQUERY…^ENDRLQUERY) kept
	// as one node: value is its encoded text, written as it is, so that
	// combining queries never splits it.
	nested bool
}

// clause is a disjunction of atoms (joined by ^OR).
type clause []atom

// group is a conjunction of clauses (joined by ^).
type group []clause

type order struct {
	field string
	desc  bool
}

// Query is an encoded query in ServiceNow's normal form: alternatives
// (joined by ^NQ) of conjunctions (^) of disjunctions (^OR) of conditions,
// then ORDERBY terms. The zero Query matches everything and encodes as "".
// A Query is immutable; combining queries returns new ones.
type Query struct {
	groups []group
	orders []order
	err    error
	// room, when set, owns the spare capacity of the clauses of a
	// one-group query built by And: the query whose clause count equals
	// room.used may append in place (once, by compare-and-swap), so that
	// q = q.And(c) in a loop costs the same for every condition while
	// every Query stays immutable.
	room *room
	// alts is room's counterpart for the atoms of a one-clause query built
	// by Or, so that q = q.Or(c) in a loop is linear too.
	alts *room
}

// room tracks how much of a shared clause array has been handed out.
type room struct{ used atomic.Int64 }

// IsZero reports whether q has no condition, no order and no error.
func (q Query) IsZero() bool { return len(q.groups) == 0 && len(q.orders) == 0 && q.err == nil }

// Err returns the first error met while building q, or nil.
func (q Query) Err() error { return q.err }

// Ordered reports whether q orders its results (ORDERBY or ORDERBYDESC).
// An order term inside a raw fragment counts too.
func (q Query) Ordered() bool {
	if len(q.orders) > 0 {
		return true
	}
	for _, g := range q.groups {
		for _, c := range g {
			for _, a := range c {
				if a.raw && strings.HasPrefix(a.value, "ORDERBY") {
					return true
				}
			}
		}
	}
	return false
}

// Len returns the number of conditions in q's normal form.
func (q Query) Len() int {
	n := 0
	for _, g := range q.groups {
		for _, c := range g {
			n += len(c)
		}
	}
	return n
}

// And returns the conjunction of the queries. Their order terms are kept,
// in argument order.
func And(qs ...Query) Query {
	if q, ok := andFlat(qs); ok {
		return q
	}
	return fold(qs, and2)
}

// andFlat is the common case of And: no operand has more than one group,
// so the result is one group holding every clause. When the first
// operand owns spare room after its clauses (it was built by And), the
// others are appended there; otherwise the group is built once, with room
// to grow.
func andFlat(qs []Query) (Query, bool) {
	clauses, norders := 0, 0
	for _, q := range qs {
		if q.err != nil || len(q.groups) > 1 {
			return Query{}, false
		}
		if len(q.groups) == 1 {
			clauses += len(q.groups[0])
		}
		norders += len(q.orders)
	}
	if clauses == 0 {
		return Query{}, false
	}
	orders := collectOrders(qs, norders)
	if first := qs[0]; first.room != nil && len(first.groups) == 1 {
		g := first.groups[0]
		if cap(g) >= clauses && first.room.used.CompareAndSwap(int64(len(g)), int64(clauses)) {
			for _, q := range qs[1:] {
				if len(q.groups) == 1 {
					g = append(g, q.groups[0]...)
				}
			}
			return Query{groups: []group{g}, orders: orders, room: first.room}, true
		}
	}
	g := make(group, 0, clauses+clauses/4+1) // room to grow by a quarter
	for _, q := range qs {
		if len(q.groups) == 1 {
			g = append(g, q.groups[0]...)
		}
	}
	r := &room{}
	r.used.Store(int64(len(g)))
	return Query{groups: []group{g}, orders: orders, room: r}, true
}

// collectOrders returns the order terms of qs, n in all, in argument
// order; nil when there are none.
func collectOrders(qs []Query, n int) []order {
	if n == 0 {
		return nil
	}
	orders := make([]order, 0, n)
	for _, q := range qs {
		orders = append(orders, q.orders...)
	}
	return orders
}

// Or returns the disjunction of the queries. Their order terms are kept,
// in argument order. It is built in one pass: plain disjunctions merge
// into one clause (a^ORb^ORc), anything else joins as alternatives.
func Or(qs ...Query) Query {
	if q, ok := orFlat(qs); ok {
		return q
	}
	var out Query
	var orders []order
	for _, q := range qs {
		if q.err != nil {
			return Query{err: q.err}
		}
		orders = append(orders, q.orders...)
		switch {
		case len(q.groups) == 0:
		case len(out.groups) == 1 && len(out.groups[0]) == 1 && len(q.groups) == 1 && len(q.groups[0]) == 1:
			// out is built here and owned: extend its one clause.
			out.groups[0][0] = append(out.groups[0][0], q.groups[0][0]...)
		case len(out.groups) == 0 && len(q.groups) == 1 && len(q.groups[0]) == 1:
			out.groups = []group{{append(clause(nil), q.groups[0][0]...)}}
		default:
			out.groups = append(out.groups, q.groups...)
		}
	}
	out.orders = orders
	return out
}

// orFlat is the common case of Or: every operand is one disjunction (or
// empty), so the result is one clause holding every condition. Like
// andFlat, it appends in place after a first operand that owns spare room
// (it was built by Or), and otherwise builds the clause once, with room to
// grow.
func orFlat(qs []Query) (Query, bool) {
	atoms, norders := 0, 0
	for _, q := range qs {
		if q.err != nil || len(q.groups) > 1 || (len(q.groups) == 1 && len(q.groups[0]) != 1) {
			return Query{}, false
		}
		if len(q.groups) == 1 {
			atoms += len(q.groups[0][0])
		}
		norders += len(q.orders)
	}
	if atoms == 0 {
		return Query{}, false
	}
	orders := collectOrders(qs, norders)
	if first := qs[0]; first.alts != nil && len(first.groups) == 1 {
		c := first.groups[0][0]
		if cap(c) >= atoms && first.alts.used.CompareAndSwap(int64(len(c)), int64(atoms)) {
			for _, q := range qs[1:] {
				if len(q.groups) == 1 {
					c = append(c, q.groups[0][0]...)
				}
			}
			return Query{groups: []group{{c}}, orders: orders, alts: first.alts}, true
		}
	}
	c := make(clause, 0, atoms+atoms/4+1)
	for _, q := range qs {
		if len(q.groups) == 1 {
			c = append(c, q.groups[0][0]...)
		}
	}
	r := &room{}
	r.used.Store(int64(len(c)))
	return Query{groups: []group{{c}}, orders: orders, alts: r}, true
}

func fold(qs []Query, combine func(a, b Query) Query) Query {
	var out Query
	for i, q := range qs {
		if i == 0 {
			out = q
			continue
		}
		out = combine(out, q)
	}
	return out
}

// And returns q AND each of qs.
func (q Query) And(qs ...Query) Query { return And(append([]Query{q}, qs...)...) }

// Or returns q OR each of qs.
func (q Query) Or(qs ...Query) Query { return Or(append([]Query{q}, qs...)...) }

func firstErr(a, b Query) error {
	if a.err != nil {
		return a.err
	}
	return b.err
}

func joinOrders(a, b Query) []order {
	if len(b.orders) == 0 {
		return a.orders
	}
	return append(append([]order(nil), a.orders...), b.orders...)
}

// trivial combines a and b where either holds an error or no condition,
// the cases AND and OR handle alike; ok is false when both have conditions.
func trivial(a, b Query) (q Query, ok bool) {
	switch {
	case a.err != nil || b.err != nil:
		return Query{err: firstErr(a, b)}, true
	case len(a.groups) == 0:
		return Query{groups: b.groups, orders: joinOrders(a, b)}, true
	case len(b.groups) == 0:
		return Query{groups: a.groups, orders: joinOrders(a, b)}, true
	}
	return Query{}, false
}

func and2(a, b Query) Query {
	if q, ok := trivial(a, b); ok {
		return q
	}
	// (g1 OR g2) AND (h1 OR h2) = g1h1 OR g1h2 OR g2h1 OR g2h2.
	size := 0
	for _, ga := range a.groups {
		for _, gb := range b.groups {
			size += groupLen(ga) + groupLen(gb)
			if size > MaxConditions {
				return fail("", "the query's normal form would exceed "+strconv.Itoa(MaxConditions)+" conditions")
			}
		}
	}
	groups := make([]group, 0, len(a.groups)*len(b.groups))
	for _, ga := range a.groups {
		for _, gb := range b.groups {
			g := make(group, 0, len(ga)+len(gb))
			groups = append(groups, append(append(g, ga...), gb...))
		}
	}
	return Query{groups: groups, orders: joinOrders(a, b)}
}

func groupLen(g group) int {
	n := 0
	for _, c := range g {
		n += len(c)
	}
	return n
}

// OrderBy returns q ordered by the fields, ascending, after any order q
// already has.
func (q Query) OrderBy(fields ...string) Query { return q.orderBy(false, fields) }

// OrderByDesc returns q ordered by the fields, descending, after any order
// q already has.
func (q Query) OrderByDesc(fields ...string) Query { return q.orderBy(true, fields) }

func (q Query) orderBy(desc bool, fields []string) Query {
	if q.err != nil {
		return q
	}
	out := Query{groups: q.groups, orders: append([]order(nil), q.orders...)}
	for _, f := range fields {
		if err := checkField(f); err != nil {
			return Query{err: err}
		}
		out.orders = append(out.orders, order{f, desc})
	}
	return out
}

// Encode returns the encoded query, or the first error met while building
// it. The zero Query encodes as "".
func (q Query) Encode() (string, error) {
	if q.err != nil {
		return "", q.err
	}
	if n := q.Len(); n > MaxQueryConditions {
		return "", &Error{Problem: "the query holds " + strconv.Itoa(n) + " conditions, more than " + strconv.Itoa(MaxQueryConditions)}
	}
	var b strings.Builder
	b.Grow(q.encodedLen())
	sep := func(s string) {
		if b.Len() > 0 {
			b.WriteString(s)
		}
	}
	for gi, g := range q.groups {
		if gi > 0 {
			b.WriteString("^NQ")
		}
		for ci, c := range g {
			if ci > 0 {
				b.WriteByte('^')
			}
			for ai, a := range c {
				if ai > 0 {
					b.WriteString("^OR")
				}
				if err := a.encode(&b); err != nil {
					return "", err
				}
			}
		}
	}
	for _, o := range q.orders {
		sep("^")
		if o.desc {
			b.WriteString("ORDERBYDESC")
		} else {
			b.WriteString("ORDERBY")
		}
		b.WriteString(o.field)
	}
	return b.String(), nil
}

// encodedLen estimates the length of the encoding, escapes aside.
func (q Query) encodedLen() int {
	n := 0
	for _, g := range q.groups {
		for _, c := range g {
			for _, a := range c {
				n += len(a.field) + len(a.op) + len(a.value) + 3
			}
		}
	}
	for _, o := range q.orders {
		n += len(o.field) + 13
	}
	return n
}

// String returns the encoded query, or a description of its error.
func (q Query) String() string {
	s, err := q.Encode()
	if err != nil {
		return "!(" + err.Error() + ")"
	}
	return s
}

func (a atom) encode(b *strings.Builder) error {
	if hasLineBreak(a.value) {
		return &Error{Field: a.field, Problem: "a line break cannot be encoded"}
	}
	if a.nested {
		b.WriteString(a.value)
		return nil
	}
	if !a.raw {
		b.WriteString(a.field)
		b.WriteString(a.op)
	}
	writeEscaped(b, a.value)
	return nil
}

// writeEscaped writes s with every ^ doubled.
func writeEscaped(b *strings.Builder, s string) {
	for {
		i := strings.IndexByte(s, '^')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i+1])
		b.WriteByte('^')
		s = s[i+1:]
	}
}
