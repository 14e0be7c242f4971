package filter

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/incidentkit/incidentkit/thehive/internal/jsonnum"
)

// maxDepth bounds how deeply filters may nest (after And and Or are
// flattened), so a runaway builder yields an error instead of a request the
// server will refuse.
const maxDepth = 64

// MaxConditions is the most conditions (comparisons, string matches, In,
// Between, Has, ID and ParentID) one filter may hold; encoding a larger
// one is an error. Servers refuse far smaller queries: the Elasticsearch
// behind TheHive 3 allows 1,024 clauses in a query by default
// (indices.query.bool.max_clause_count), so split a long list of values
// over several searches.
const MaxConditions = 10000

// EncodeV1 renders f for TheHive 5's query API: for example
// {"_eq":{"_field":"status","_value":"New"}}. The map's entries go into a
// {"_name":"filter", ...} step of /api/v1/query. The zero Filter encodes to
// a nil map and no error, meaning "leave the filter step out".
func EncodeV1(f Filter) (map[string]any, error) { return Encode(f, V1) }

// EncodeV0 renders f for the /api/case/_search endpoints of TheHive 3 and 4,
// the value of the "query" body field: for example
// {"_field":"status","_value":"Open"} or {"_gt":{"severity":2}}. The zero
// Filter encodes to a nil map and no error.
func EncodeV0(f Filter) (map[string]any, error) { return Encode(f, V0) }

// Encode renders f for dialect d; see [EncodeV1] and [EncodeV0].
func Encode(f Filter, d Dialect) (map[string]any, error) {
	if d != V1 && !d.Legacy() {
		return nil, &Error{Path: "dialect", Problem: "unknown " + d.String()}
	}
	if f.IsZero() {
		return nil, nil
	}
	e := encoder{dialect: d, path: make([]pathSeg, 0, 8)}
	return e.filter(f)
}

// encoder walks a filter tree for one dialect. path records where it is,
// for error messages only.
type encoder struct {
	dialect Dialect
	path    []pathSeg
	depth   int
	// conditions counts the conditions encoded so far.
	conditions int
}

// pathSeg is one step of a path: an operator key, and the operand's
// position for And and Or (-1 otherwise).
type pathSeg struct {
	key   string
	index int
}

func (e *encoder) push(key string)          { e.path = append(e.path, pathSeg{key, -1}) }
func (e *encoder) pushAt(key string, i int) { e.path = append(e.path, pathSeg{key, i}) }
func (e *encoder) pop()                     { e.path = e.path[:len(e.path)-1] }

// where renders the current path as "_and[1]._eq", or "" at the top.
func (e *encoder) where() string {
	var b strings.Builder
	for i, s := range e.path {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
		if s.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		}
	}
	return b.String()
}

func (e *encoder) invalid(format string, args ...any) error {
	return &Error{Path: e.where(), Problem: fmt.Sprintf(format, args...)}
}

// unsupported reports a value the dialect cannot express, located at the
// current path.
func (e *encoder) unsupported(what, hint string) error {
	return &UnsupportedError{Op: what, Dialect: e.dialect, Path: e.where(), Hint: hint}
}

// unsupportedOp reports the operator at the current path, located at its
// parent.
func (e *encoder) unsupportedOp(o op, hint string) error {
	e.pop()
	err := e.unsupported(o.name(), hint)
	e.push(o.key())
	return err
}

// filter encodes one non-zero node.
func (e *encoder) filter(f Filter) (map[string]any, error) {
	if f.n == nil {
		return nil, e.invalid("operand is the zero Filter")
	}
	if e.depth >= maxDepth {
		return nil, e.invalid("filter nests deeper than %d levels", maxDepth)
	}
	if f.n.op != opAnd && f.n.op != opOr && f.n.op != opNot {
		if e.conditions++; e.conditions > MaxConditions {
			return nil, e.invalid("filter holds more than %d conditions", MaxConditions)
		}
	}
	e.depth++
	m, err := e.node(f.n)
	e.depth--
	return m, err
}

// node encodes one operator.
func (e *encoder) node(n *node) (map[string]any, error) {
	switch n.op {
	case opAnd, opOr:
		return e.group(n)
	case opNot:
		e.push(n.op.key())
		inner, err := e.filter(n.kids[0])
		e.pop()
		if err != nil {
			return nil, err
		}
		return map[string]any{"_not": inner}, nil
	case opParentID, opParent, opChild:
		return e.relation(n)
	case opID:
		if strings.TrimSpace(n.field) == "" {
			e.push("_id")
			defer e.pop()
			return nil, e.invalid("id is empty")
		}
		return map[string]any{"_id": n.field}, nil
	}
	e.push(n.op.key())
	defer e.pop()
	if p := fieldProblem(n.field); p != "" {
		return nil, e.invalid("%s", p)
	}
	if e.dialect.Legacy() {
		return e.leafV0(n)
	}
	return e.leafV1(n)
}

// relation encodes the v0 parent and child filters.
func (e *encoder) relation(n *node) (map[string]any, error) {
	key := n.op.key()
	e.push(key)
	defer e.pop()
	if !e.dialect.Legacy() {
		return nil, e.unsupportedOp(n.op, "select related entities with the query API's steps (for example getCase, then tasks)")
	}
	if p := typeProblem(n.typ); p != "" {
		return nil, e.invalid("%s", p)
	}
	if n.op == opParentID {
		if strings.TrimSpace(n.field) == "" {
			return nil, e.invalid("id is empty")
		}
		return map[string]any{key: map[string]any{"_type": n.typ, "_id": n.field}}, nil
	}
	q, err := e.filter(n.kids[0])
	if err != nil {
		return nil, err
	}
	return map[string]any{key: map[string]any{"_type": n.typ, "_query": q}}, nil
}

// typeProblem describes what is wrong with an entity type name, or
// returns "".
func typeProblem(t string) string {
	if t == "" {
		return "entity type is empty"
	}
	if p := fieldProblem(t); p != "" {
		return "entity type" + strings.TrimPrefix(p, "field name")
	}
	return ""
}

// group encodes And and Or; a single operand stands for itself.
func (e *encoder) group(n *node) (map[string]any, error) {
	key := n.op.key()
	kids := n.operands()
	if len(kids) == 0 {
		e.push(key)
		defer e.pop()
		return nil, e.invalid("%s needs at least one operand", n.op.name())
	}
	if len(kids) == 1 {
		return e.filter(kids[0])
	}
	list := make([]any, len(kids))
	for i, k := range kids {
		e.pushAt(key, i)
		m, err := e.filter(k)
		e.pop()
		if err != nil {
			return nil, err
		}
		list[i] = m
	}
	return map[string]any{key: list}, nil
}

func (e *encoder) leafV1(n *node) (map[string]any, error) {
	switch n.op {
	case opEq, opNe, opLt, opLte, opGt, opGte:
		v, err := e.scalar(n.value, n.op >= opLt && n.op <= opGte)
		if err != nil {
			return nil, err
		}
		return fieldValue(n.op.key(), n.field, v), nil
	case opStartsWith, opEndsWith, opLike, opMatch:
		if _, err := e.text(n.value); err != nil {
			return nil, err
		}
		return fieldValue(n.op.key(), n.field, n.value), nil
	case opHas:
		return map[string]any{"_has": n.field}, nil
	}
	return e.shared(n)
}

func (e *encoder) leafV0(n *node) (map[string]any, error) {
	switch n.op {
	case opEq:
		v, err := e.scalar(n.value, false)
		if err != nil {
			return nil, err
		}
		return map[string]any{"_field": n.field, "_value": v}, nil
	case opLt, opLte, opGt, opGte:
		v, err := e.scalar(n.value, true)
		if err != nil {
			return nil, err
		}
		return map[string]any{n.op.key(): map[string]any{n.field: v}}, nil
	case opStartsWith, opEndsWith, opLike:
		s, err := e.text(n.value)
		if err != nil {
			return nil, err
		}
		if e.dialect == V0TheHive4 {
			// ScalliGraph's _startsWith and _endsWith match the value as it
			// is; its _like strips one leading and one trailing * and
			// matches what is between as it is (InputFilter.like).
			if n.op == opLike {
				return fieldValue("_like", n.field, "*"+s+"*"), nil
			}
			return fieldValue(n.op.key(), n.field, s), nil
		}
		key, s := "_wildcard", escapeWildcard(s)
		switch n.op {
		case opStartsWith:
			s += "*"
		case opEndsWith:
			s = "*" + s
		default:
			s = "*" + s + "*"
		}
		return fieldValue(key, n.field, s), nil
	case opNe:
		return nil, e.unsupportedOp(opNe, "use Not(Eq(field, value))")
	case opMatch:
		return nil, e.unsupportedOp(opMatch, "use Like(field, word)")
	case opHas:
		// TheHive 3 and 4 read "field is set" as _contains (elastic4play's
		// QueryDSL and ScalliGraph's query parser); _has is TheHive 5's
		// name for it, which TheHive 3 would take for a field called _has.
		return map[string]any{"_contains": n.field}, nil
	}
	return e.shared(n)
}

// shared encodes the operators whose form is the same in both dialects.
func (e *encoder) shared(n *node) (map[string]any, error) {
	switch n.op {
	case opIn:
		if len(n.vals) == 0 {
			return nil, e.invalid("In needs at least one value")
		}
		vals := make([]any, len(n.vals))
		for i, v := range n.vals {
			w, err := e.scalar(v, false)
			if err != nil {
				return nil, err
			}
			vals[i] = w
		}
		return map[string]any{"_in": map[string]any{"_field": n.field, "_values": vals}}, nil
	case opBetween:
		from, err := e.scalar(n.from, true)
		if err != nil {
			return nil, err
		}
		to, err := e.scalar(n.to, true)
		if err != nil {
			return nil, err
		}
		if c, ok := jsonnum.Compare(from, to); ok && c >= 0 {
			return nil, e.invalid("range from %v to %v is empty (from is inclusive, to exclusive)", from, to)
		}
		return map[string]any{"_between": map[string]any{"_field": n.field, "_from": from, "_to": to}}, nil
	}
	return nil, e.invalid("unknown operator")
}

func fieldValue(key, field string, v any) map[string]any {
	return map[string]any{key: map[string]any{"_field": field, "_value": v}}
}

// fieldProblem describes what is wrong with a field name, or returns "".
func fieldProblem(f string) string {
	switch {
	case f == "":
		return "field name is empty"
	case !utf8.ValidString(f):
		return "field name is not valid UTF-8"
	case strings.TrimSpace(f) != f:
		return "field name " + strconv.Quote(f) + " has surrounding spaces"
	case strings.IndexFunc(f, unicode.IsControl) >= 0:
		return "field name " + strconv.Quote(f) + " has control characters"
	}
	return ""
}

// escapeWildcard makes '*', '?' and '\' in s match literally in a Lucene
// wildcard pattern.
func escapeWildcard(s string) string {
	if !strings.ContainsAny(s, `*?\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*', '?', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
