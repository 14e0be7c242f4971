package encodedquery

import (
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Field names a field of the queried table, dot-walked through references
// where needed ("caller_id.department.name"). Its methods build one
// condition each.
type Field string

// checkField accepts lower-case names of letters, digits and underscores,
// joined by dots.
func checkField(f string) error {
	if f == "" {
		return &Error{Problem: "empty field name"}
	}
	prev := byte('.')
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '.' && prev == '.':
			return &Error{Field: f, Problem: "empty part in a dot-walked name"}
		case c == '.', c >= 'a' && c <= 'z', c == '_', c >= '0' && c <= '9':
		default:
			return &Error{Field: f, Problem: "a field name holds only a-z, 0-9, _ and ."}
		}
		prev = c
	}
	if prev == '.' {
		return &Error{Field: f, Problem: "empty part in a dot-walked name"}
	}
	return nil
}

// cond builds one condition and checks that it reads back as itself, so
// that no value can change the operator it follows.
func (f Field) cond(op, value string) Query {
	name := string(f)
	if err := checkField(name); err != nil {
		return Query{err: err}
	}
	if hasLineBreak(value) {
		return fail(name, "a line break cannot be encoded")
	}
	if misread(op, value) {
		return fail(name, "the value "+strconv.Quote(value)+" would read as another operator after "+op)
	}
	return single(atom{field: name, op: op, value: value})
}

// single returns a Query of one condition with a single allocation.
func single(a atom) Query {
	s := &struct {
		a [1]atom
		c [1]clause
		g [1]group
	}{a: [1]atom{a}}
	s.c[0] = s.a[:]
	s.g[0] = s.c[:]
	return Query{groups: s.g[:]}
}

func (f Field) valued(op string, v any) Query {
	s, problem := formatValue(v)
	if problem != "" {
		return fail(string(f), problem)
	}
	return f.cond(op, s)
}

func (f Field) fieldOp(op string, other Field) Query {
	if err := checkField(string(other)); err != nil {
		return Query{err: err}
	}
	return f.cond(op, string(other))
}

func (f Field) list(op string, vs []any) Query {
	items, problem := listValues(vs)
	if problem != "" {
		return fail(string(f), problem)
	}
	var b strings.Builder
	for i, v := range items {
		s, problem := formatValue(v)
		if problem != "" {
			return fail(string(f), problem)
		}
		if strings.Contains(s, ",") {
			return fail(string(f), "the list item "+strconv.Quote(s)+" holds a comma, which has no escape")
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s)
	}
	return f.cond(op, b.String())
}

// Eq matches field = v.
func (f Field) Eq(v any) Query { return f.valued(opEq, v) }

// Ne matches field != v.
func (f Field) Ne(v any) Query { return f.valued(opNe, v) }

// Lt matches field < v.
func (f Field) Lt(v any) Query { return f.valued(opLt, v) }

// Lte matches field <= v.
func (f Field) Lte(v any) Query { return f.valued(opLte, v) }

// Gt matches field > v.
func (f Field) Gt(v any) Query { return f.valued(opGt, v) }

// Gte matches field >= v.
func (f Field) Gte(v any) Query { return f.valued(opGte, v) }

// Like matches fields containing s.
func (f Field) Like(s string) Query { return f.valued(opLike, s) }

// NotLike matches fields not containing s.
func (f Field) NotLike(s string) Query { return f.valued(opNotLike, s) }

// StartsWith matches fields starting with s.
func (f Field) StartsWith(s string) Query { return f.valued(opStartsWith, s) }

// EndsWith matches fields ending with s.
func (f Field) EndsWith(s string) Query { return f.valued(opEndsWith, s) }

// In matches any of the values; a slice argument contributes its elements.
func (f Field) In(vs ...any) Query { return f.list(opIn, vs) }

// NotIn matches none of the values; a slice argument contributes its
// elements.
func (f Field) NotIn(vs ...any) Query { return f.list(opNotIn, vs) }

// InHierarchy matches records at or below the given record of a
// hierarchical reference (IN_HIERARCHY).
func (f Field) InHierarchy(sysID string) Query { return f.valued(opInHierarchy, sysID) }

// IsEmpty matches empty fields.
func (f Field) IsEmpty() Query { return f.cond(opIsEmpty, "") }

// IsNotEmpty matches fields with a value.
func (f Field) IsNotEmpty() Query { return f.cond(opIsNotEmpty, "") }

// Anything matches every value, empty or not.
func (f Field) Anything() Query { return f.cond(opAnything, "") }

// EmptyString matches fields holding the empty string.
func (f Field) EmptyString() Query { return f.cond(opEmptyString, "") }

// Between matches lo <= field <= hi (numbers, dates and times).
func (f Field) Between(lo, hi any) Query {
	a, problem := formatValue(lo)
	if problem == "" {
		var b string
		if b, problem = formatValue(hi); problem == "" {
			if strings.Contains(a, "@") || strings.Contains(b, "@") {
				return fail(string(f), "a Between bound holds an @, which has no escape")
			}
			if inverted(lo, hi) {
				return fail(string(f), "Between's low bound "+a+" is above its high bound "+b)
			}
			return f.cond(opBetween, a+"@"+b)
		}
	}
	return fail(string(f), problem)
}

// inverted reports whether lo > hi, for bounds of one comparable kind
// (numbers, times); strings and scripts are left to the instance.
func inverted(lo, hi any) bool {
	if a, ok := lo.(time.Time); ok {
		b, ok := hi.(time.Time)
		return ok && a.After(b)
	}
	a, okA := number(lo)
	b, okB := number(hi)
	return okA && okB && a > b
}

// number returns v as a float64 when it is an integer or a float.
func number(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}

// InstanceOf matches records whose class is table or extends it (the
// INSTANCEOF operator, on sys_class_name): Field("sys_class_name").
// InstanceOf("cmdb_ci_server").
func (f Field) InstanceOf(table string) Query {
	if err := checkField(table); err != nil {
		return fail(string(f), "INSTANCEOF needs a table name: "+err.Error())
	}
	return f.cond(opInstanceOf, table)
}

// SameAs matches when the field equals another field of the same record.
func (f Field) SameAs(other Field) Query { return f.fieldOp(opSameAs, other) }

// NotSameAs matches when the field differs from another field.
func (f Field) NotSameAs(other Field) Query { return f.fieldOp(opNotSameAs, other) }

// GtField matches when the field is greater than another field.
func (f Field) GtField(other Field) Query { return f.fieldOp(opGtField, other) }

// LtField matches when the field is less than another field.
func (f Field) LtField(other Field) Query { return f.fieldOp(opLtField, other) }

// GteField matches when the field is greater than or equal to another field.
func (f Field) GteField(other Field) Query { return f.fieldOp(opGtOrEqualsField, other) }

// LteField matches when the field is less than or equal to another field.
func (f Field) LteField(other Field) Query { return f.fieldOp(opLtOrEqualsField, other) }

// Dynamic matches a dynamic filter option by its sys_id (for example "Me"
// on a user reference).
func (f Field) Dynamic(sysID string) Query {
	if !isSysID(sysID) {
		return fail(string(f), "Dynamic needs the 32-character hex sys_id of a dynamic filter option")
	}
	return f.cond(opDynamic, sysID)
}

// ValChanges matches when the field changes (business rule conditions).
func (f Field) ValChanges() Query { return f.cond(opValChanges, "") }

// ChangesFrom matches when the field changes from v.
func (f Field) ChangesFrom(v any) Query { return f.valued(opChangesFrom, v) }

// ChangesTo matches when the field changes to v.
func (f Field) ChangesTo(v any) Query { return f.valued(opChangesTo, v) }

func isSysID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
