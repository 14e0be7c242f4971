package filter

import "slices"

// Filter is a TheHive search filter. Build one with the constructors in this
// package; the zero value means "no filter" and encodes to a nil map.
//
// A Filter is immutable and safe to share and reuse between goroutines.
type Filter struct {
	n *node
}

// IsZero reports whether f is the zero Filter, meaning "no filter".
func (f Filter) IsZero() bool { return f.n == nil }

// op identifies a filter operator.
type op uint8

const (
	opEq op = iota + 1
	opNe
	opLt
	opLte
	opGt
	opGte
	opStartsWith
	opEndsWith
	opLike
	opMatch
	opIn
	opBetween
	opHas
	opID
	opAnd
	opOr
	opNot
	opParentID
	opParent
	opChild
)

// opInfo holds an operator's constructor name (used in errors) and its v1
// wire key.
var opInfo = [...]struct{ name, key string }{
	opEq:         {"Eq", "_eq"},
	opNe:         {"Ne", "_ne"},
	opLt:         {"Lt", "_lt"},
	opLte:        {"Lte", "_lte"},
	opGt:         {"Gt", "_gt"},
	opGte:        {"Gte", "_gte"},
	opStartsWith: {"StartsWith", "_startsWith"},
	opEndsWith:   {"EndsWith", "_endsWith"},
	opLike:       {"Like", "_like"},
	opMatch:      {"Match", "_match"},
	opIn:         {"In", "_in"},
	opBetween:    {"Between", "_between"},
	opHas:        {"Has", "_has"},
	opID:         {"ID", "_id"},
	opAnd:        {"And", "_and"},
	opOr:         {"Or", "_or"},
	opNot:        {"Not", "_not"},
	opParentID:   {"ParentID", "_parent"},
	opParent:     {"Parent", "_parent"},
	opChild:      {"Child", "_child"},
}

func (o op) name() string { return opInfo[o].name }
func (o op) key() string  { return opInfo[o].key }

// node is the shared, never-modified representation behind a Filter.
type node struct {
	op    op
	field string   // field name; the id for opID and opParentID
	typ   string   // entity type for opParentID, opParent and opChild
	value any      // comparison and string operators
	vals  []any    // opIn
	from  any      // opBetween
	to    any      // opBetween
	kids  []Filter // opAnd, opOr (as given; see operands); opNot, opParent, opChild have one
}

func leaf(o op, field string, value any) Filter {
	return Filter{&node{op: o, field: field, value: value}}
}

// Eq matches entities whose field equals value.
func Eq(field string, value any) Filter { return leaf(opEq, field, value) }

// Ne matches entities whose field differs from value. TheHive's v0 dialect
// has no such operator; use Not(Eq(field, value)) there.
func Ne(field string, value any) Filter { return leaf(opNe, field, value) }

// Lt matches entities whose field is less than value.
func Lt(field string, value any) Filter { return leaf(opLt, field, value) }

// Lte matches entities whose field is less than or equal to value.
func Lte(field string, value any) Filter { return leaf(opLte, field, value) }

// Gt matches entities whose field is greater than value.
func Gt(field string, value any) Filter { return leaf(opGt, field, value) }

// Gte matches entities whose field is greater than or equal to value.
func Gte(field string, value any) Filter { return leaf(opGte, field, value) }

// StartsWith matches entities whose string field starts with prefix. In the
// v0 dialect it becomes a _wildcard query, with '*', '?' and '\' in prefix
// escaped so they match literally.
func StartsWith(field, prefix string) Filter { return leaf(opStartsWith, field, prefix) }

// EndsWith matches entities whose string field ends with suffix. In the v0
// dialect it becomes a _wildcard query, with '*', '?' and '\' in suffix
// escaped so they match literally.
func EndsWith(field, suffix string) Filter { return leaf(opEndsWith, field, suffix) }

// Like matches entities whose field contains substr (TheHive 5 may match a
// word instead of a substring, depending on how the field is indexed). In
// the v0 dialect it becomes the _wildcard query "*substr*", with '*', '?'
// and '\' in substr escaped so they match literally.
func Like(field, substr string) Filter { return leaf(opLike, field, substr) }

// Match matches entities whose field contains the word. It exists only in
// the v1 dialect.
func Match(field, word string) Filter { return leaf(opMatch, field, word) }

// In matches entities whose field equals one of values. An empty list is an
// error when encoded.
func In(field string, values ...any) Filter {
	return Filter{&node{op: opIn, field: field, vals: append([]any(nil), values...)}}
}

// InValues is In for a typed slice, such as a []string of tags.
func InValues[T any](field string, values []T) Filter {
	vals := make([]any, len(values))
	for i, v := range values {
		vals[i] = v
	}
	return Filter{&node{op: opIn, field: field, vals: vals}}
}

// Between matches entities whose field is at least from and less than to:
// from is inclusive, to is exclusive. Numbers and times must satisfy
// from < to.
func Between(field string, from, to any) Filter {
	return Filter{&node{op: opBetween, field: field, from: from, to: to}}
}

// Has matches entities in which field is set: {"_has": field} in the v1
// dialect, {"_contains": field} in the v0 dialect (TheHive 3 and 4's name
// for it).
func Has(field string) Filter { return Filter{&node{op: opHas, field: field}} }

// ID matches the entity with the given id, such as "~123456".
func ID(id string) Filter { return Filter{&node{op: opID, field: id}} }

// And matches entities that match every operand. Operands that are
// themselves And filters are merged into one list. At least one operand is
// required, and no operand may be the zero Filter; both are errors when
// encoded. A single operand encodes as that operand alone.
func And(filters ...Filter) Filter { return group(opAnd, filters) }

// Or matches entities that match at least one operand. Operands that are
// themselves Or filters are merged into one list. At least one operand is
// required, and no operand may be the zero Filter; both are errors when
// encoded. A single operand encodes as that operand alone.
func Or(filters ...Filter) Filter { return group(opOr, filters) }

// Not matches entities that do not match f. Not of the zero Filter is an
// error when encoded.
func Not(f Filter) Filter { return Filter{&node{op: opNot, kids: []Filter{f}}} }

// group builds an And or Or node. It keeps its operands as given, so
// that building a filter one operand at a time (f = And(f, c) in a loop)
// costs the same for every operand; operands merges nested nodes of the
// same operator once, when the filter is encoded or printed.
func group(o op, filters []Filter) Filter {
	return Filter{&node{op: o, kids: slices.Clone(filters)}}
}

// operands returns the operands of an And or Or node with the operands of
// nested nodes of the same operator merged in, in order. It walks the
// nesting with a stack of its own, so a chain of any length is merged in
// time proportional to its size.
func (n *node) operands() []Filter {
	if !slices.ContainsFunc(n.kids, func(k Filter) bool { return k.n != nil && k.n.op == n.op }) {
		return n.kids
	}
	var out []Filter
	stack := [][]Filter{n.kids}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		if len(top) == 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		k := top[0]
		stack[len(stack)-1] = top[1:]
		if k.n != nil && k.n.op == n.op {
			stack = append(stack, k.n.kids)
			continue
		}
		out = append(out, k)
	}
	return out
}

// ParentID matches entities whose parent of type typ has the given id, such
// as the tasks of one case: ParentID("case", "AW1"). It exists only in the
// v0 dialect; TheHive 5 reaches related entities through the query API's
// steps (getCase, then tasks) instead.
func ParentID(typ, id string) Filter {
	return Filter{&node{op: opParentID, typ: typ, field: id}}
}

// Parent matches entities whose parent of type typ matches q, such as the
// observables of open cases: Parent("case", Eq("status", "Open")). It exists
// only in the v0 dialect.
func Parent(typ string, q Filter) Filter {
	return Filter{&node{op: opParent, typ: typ, kids: []Filter{q}}}
}

// Child matches entities with at least one child of type typ that matches
// q, such as cases with a given observable:
// Child("case_artifact", Eq("data", "198.51.100.7")). It exists only in the
// v0 dialect.
func Child(typ string, q Filter) Filter {
	return Filter{&node{op: opChild, typ: typ, kids: []Filter{q}}}
}
