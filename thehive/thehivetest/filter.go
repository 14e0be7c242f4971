package thehivetest

import (
	"fmt"
	"path"
	"strings"

	"github.com/incidentkit/incidentkit/thehive/internal/jsonnum"
)

// matcher evaluates TheHive filters of both dialects against rendered
// objects; _parent and _child look related objects up in the store.
type matcher struct {
	s  *Server
	v0 bool
}

// compare orders a stored value against a filter value: -2 when they do
// not compare.
func compare(a, b any) int {
	if c, ok := jsonnum.Compare(a, b); ok {
		return c
	}
	sa, ok1 := a.(string)
	sb, ok2 := b.(string)
	if ok1 && ok2 {
		return strings.Compare(sa, sb)
	}
	if ba, ok := a.(bool); ok {
		if bb, ok := b.(bool); ok && ba == bb {
			return 0
		}
	}
	return -2
}

// values returns the field's value(s): every element of a list.
func values(d fields, field string) []any {
	first, rest, nested := strings.Cut(field, ".")
	cur, ok := d.field(first)
	if !ok {
		return nil
	}
	for nested {
		var part string
		part, rest, nested = strings.Cut(rest, ".")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = m[part]; !ok {
			return nil
		}
	}
	switch x := cur.(type) {
	case nil:
		return nil
	case []any:
		return x
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	}
	return []any{cur}
}

func any2(d fields, field string, ok func(any) bool) bool {
	for _, v := range values(d, field) {
		if ok(v) {
			return true
		}
	}
	return false
}

// fieldValue reads {"_field":f,"_value":v}, or the old {"f":v} form.
func fieldValue(arg any) (string, any, bool) {
	m, ok := arg.(map[string]any)
	if !ok {
		return "", nil, false
	}
	if f, ok := m["_field"].(string); ok {
		return f, m["_value"], true
	}
	if len(m) == 1 {
		for k, v := range m {
			return k, v, true
		}
	}
	return "", nil, false
}

// match evaluates f against the object d of kind, as its dialect renders
// it.
func (m matcher) match(kind string, d fields, f map[string]any) (bool, error) {
	if len(f) == 0 {
		return true, nil
	}
	if _, ok := f["_field"]; ok { // v0 bare equality
		field, v, _ := fieldValue(f)
		return any2(d, field, func(x any) bool { return compare(x, v) == 0 }), nil
	}
	if len(f) != 1 {
		return false, fmt.Errorf("a filter object must hold one operator, got %d keys", len(f))
	}
	for op, arg := range f {
		switch op {
		case "_and", "_or":
			list, ok := arg.([]any)
			if !ok {
				return false, fmt.Errorf("%s needs a list", op)
			}
			for _, x := range list {
				sub, ok := x.(map[string]any)
				if !ok {
					return false, fmt.Errorf("%s holds a non-object", op)
				}
				r, err := m.match(kind, d, sub)
				if err != nil {
					return false, err
				}
				if op == "_or" && r {
					return true, nil
				}
				if op == "_and" && !r {
					return false, nil
				}
			}
			return op == "_and", nil
		case "_not":
			sub, ok := arg.(map[string]any)
			if !ok {
				return false, fmt.Errorf("_not needs an object")
			}
			r, err := m.match(kind, d, sub)
			return !r, err
		case "_eq", "_ne", "_lt", "_lte", "_gt", "_gte":
			field, v, ok := fieldValue(arg)
			if !ok {
				return false, fmt.Errorf("%s needs a field and a value", op)
			}
			if op == "_ne" {
				return !any2(d, field, func(x any) bool { return compare(x, v) == 0 }), nil
			}
			return any2(d, field, func(x any) bool {
				c := compare(x, v)
				switch op {
				case "_eq":
					return c == 0
				case "_lt":
					return c == -1
				case "_lte":
					return c == -1 || c == 0
				case "_gt":
					return c == 1
				}
				return c == 1 || c == 0
			}), nil
		case "_like", "_startsWith", "_endsWith", "_match", "_wildcard":
			field, v, ok := fieldValue(arg)
			want, isText := v.(string)
			if !ok || !isText {
				return false, fmt.Errorf("%s needs a field and a text value", op)
			}
			lw := strings.ToLower(want)
			return any2(d, field, func(x any) bool {
				s, ok := x.(string)
				if !ok {
					return false
				}
				s = strings.ToLower(s)
				switch op {
				case "_startsWith":
					return strings.HasPrefix(s, lw)
				case "_endsWith":
					return strings.HasSuffix(s, lw)
				case "_wildcard":
					ok, _ := path.Match(lw, s)
					return ok
				case "_like":
					if m.v0 {
						return likeV0(s, lw)
					}
				}
				return strings.Contains(s, strings.Trim(lw, "*"))
			}), nil
		case "_in":
			a, _ := arg.(map[string]any)
			field, _ := a["_field"].(string)
			vals, _ := a["_values"].([]any)
			return any2(d, field, func(x any) bool {
				for _, v := range vals {
					if compare(x, v) == 0 {
						return true
					}
				}
				return false
			}), nil
		case "_between":
			a, _ := arg.(map[string]any)
			field, _ := a["_field"].(string)
			return any2(d, field, func(x any) bool {
				lo, hi := compare(x, a["_from"]), compare(x, a["_to"])
				return (lo == 0 || lo == 1) && hi == -1
			}), nil
		case "_has", "_contains":
			field, _ := arg.(string)
			return len(values(d, field)) > 0, nil
		case "_id":
			id, _ := d.field("_id")
			return id == arg, nil
		case "_parent":
			return m.parent(kind, d, arg)
		case "_child":
			return m.child(d, arg)
		case "_string":
			return true, nil
		default:
			return false, fmt.Errorf("unknown operator %s", op)
		}
	}
	return false, nil
}

// parent evaluates {"_parent":{"_type":"case","_id":id}} or with
// "_query".
func (m matcher) parent(kind string, d fields, arg any) (bool, error) {
	a, _ := arg.(map[string]any)
	key, parentKind := "__case", kindCase
	if kind == kindLog {
		key, parentKind = "__task", kindTask // a log's parent is a case_task
	}
	id, _ := d.field("_id")
	parentID, _ := m.s.find(kind, fmt.Sprint(id))[key].(string)
	if parentID == "" {
		return false, nil
	}
	if id, ok := a["_id"].(string); ok {
		return id == parentID, nil
	}
	q, _ := a["_query"].(map[string]any)
	p := m.s.find(parentKind, parentID)
	if p == nil {
		return false, nil
	}
	return m.match(parentKind, &lazy{kind: parentKind, d: p, v0: m.v0}, q)
}

// child evaluates {"_child":{"_type":...,"_query":Q}} on a case.
func (m matcher) child(d fields, arg any) (bool, error) {
	a, _ := arg.(map[string]any)
	kind := kindObservable
	if t, _ := a["_type"].(string); t == "case_task" || t == "task" {
		kind = kindTask
	}
	q, _ := a["_query"].(map[string]any)
	id, _ := d.field("_id")
	for _, c := range m.s.children(kind, "__case", fmt.Sprint(id)) {
		r, err := m.match(kind, &lazy{kind: kind, d: c, v0: m.v0}, q)
		if err != nil || r {
			return r, err
		}
	}
	return false, nil
}

// likeV0 matches s against a TheHive 4 v0 _like pattern: only a leading
// and a trailing * are special (ScalliGraph's InputFilter.like), and a
// pattern without them is an equality.
func likeV0(s, pattern string) bool {
	starts, ends := strings.HasPrefix(pattern, "*"), strings.HasSuffix(pattern, "*") && len(pattern) > 1
	core := pattern
	if starts {
		core = core[1:]
	}
	if ends {
		core = core[:len(core)-1]
	}
	switch {
	case starts && ends:
		return strings.Contains(s, core)
	case starts:
		return strings.HasSuffix(s, core)
	case ends:
		return strings.HasPrefix(s, core)
	}
	return s == core
}
