package filter

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// fuzzBuilder turns fuzz bytes into a Filter, so the fuzzer explores trees
// of every operator, field and value kind, including invalid ones.
type fuzzBuilder struct {
	data []byte
	text []string
}

func (b *fuzzBuilder) byte() byte {
	if len(b.data) == 0 {
		return 0
	}
	c := b.data[0]
	b.data = b.data[1:]
	return c
}

func (b *fuzzBuilder) str() string { return b.text[int(b.byte())%len(b.text)] }

func (b *fuzzBuilder) value() any {
	switch b.byte() % 12 {
	case 0:
		return b.str()
	case 1:
		return int(int8(b.byte()))
	case 2:
		return math.Float64frombits(uint64(b.byte())<<56 | uint64(b.byte())<<48 | 1)
	case 3:
		return b.byte()%2 == 0
	case 4:
		return time.UnixMilli(int64(b.byte()) * 1e9)
	case 5:
		return RelativeDate{Amount: int(int8(b.byte())), Unit: Unit(b.str()), Look: Look(b.str()), Modifier: Modifier(b.str())}
	case 6:
		return Ago(int(b.byte()), Days).StartOfDay()
	case 7:
		return nil
	case 8:
		return status(b.str())
	case 9:
		return tlp(9 + b.byte()%3)
	case 10:
		return json.Number(b.str())
	}
	return []int{1}
}

// The leaf operators that take a value and those that take text, in the
// order the fuzz bytes pick them (0-5 and 6-9).
var (
	fuzzValueOps = []func(field string, v any) Filter{Eq, Ne, Lt, Lte, Gt, Gte}
	fuzzTextOps  = []func(field, s string) Filter{StartsWith, EndsWith, Like, Match}
)

func (b *fuzzBuilder) filter(depth int) Filter {
	if depth > 70 {
		return ID(b.str())
	}
	f := b.str()
	op := int(b.byte() % 20)
	switch {
	case op < 6:
		return fuzzValueOps[op](f, b.value())
	case op < 10:
		return fuzzTextOps[op-6](f, b.str())
	}
	switch op {
	case 10:
		vals := make([]any, b.byte()%4)
		for i := range vals {
			vals[i] = b.value()
		}
		return In(f, vals...)
	case 11:
		return Between(f, b.value(), b.value())
	case 12:
		return Has(f)
	case 13:
		return ID(f)
	case 14, 15, 16:
		kids := make([]Filter, b.byte()%4)
		for i := range kids {
			kids[i] = b.filter(depth + 1)
		}
		if b.byte()%2 == 0 {
			return And(kids...)
		}
		return Or(kids...)
	case 17:
		return Not(b.filter(depth + 1))
	case 18:
		switch b.byte() % 4 {
		case 0:
			return ParentID(b.str(), f)
		case 1:
			return Parent(b.str(), b.filter(depth+1))
		case 2:
			return Child(b.str(), b.filter(depth+1))
		}
		return Filter{}
	}
	return And(b.filter(depth+1), b.filter(depth+1))
}

// checkTree verifies invariants of an encoded filter: groups are flat and
// have at least two operands, leaves name a field, and v0 output uses only
// v0 operators.
func checkTree(t *testing.T, d Dialect, v any) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		t.Fatalf("%v: node %#v is not a non-empty object", d, v)
	}
	if d.Legacy() {
		if _, bare := m["_field"]; bare {
			return
		}
	}
	if len(m) != 1 {
		t.Fatalf("%v: node %v has %d keys", d, m, len(m))
	}
	for k, inner := range m {
		switch k {
		case "_and", "_or":
			list := inner.([]any)
			if len(list) < 2 {
				t.Fatalf("%v: %s with %d operands", d, k, len(list))
			}
			for _, c := range list {
				if _, nested := c.(map[string]any)[k]; nested {
					t.Fatalf("%v: %s not flattened: %v", d, k, m)
				}
				checkTree(t, d, c)
			}
		case "_not":
			checkTree(t, d, inner)
		case "_parent", "_child":
			if !d.Legacy() {
				t.Fatalf("%v output uses v0 operator %s", d, k)
			}
			obj := inner.(map[string]any)
			if obj["_type"] == "" {
				t.Fatalf("%s with empty type", k)
			}
			if q, ok := obj["_query"]; ok {
				checkTree(t, d, q)
			} else if s, _ := obj["_id"].(string); strings.TrimSpace(s) == "" {
				t.Fatalf("%s with empty id", k)
			}
		case "_id", "_has", "_contains":
			if s, _ := inner.(string); strings.TrimSpace(s) == "" {
				t.Fatalf("%v: empty %s", d, k)
			}
			if k == "_contains" && d == V1 {
				t.Fatalf("v1 output uses the v0 operator _contains")
			}
		default:
			if d == V0 && strings.Contains("_ne _match _has _like _startsWith _endsWith", k) {
				t.Fatalf("v0 output uses v1 operator %s", k)
			}
			obj := inner.(map[string]any)
			if len(obj) == 0 {
				t.Fatalf("%v: %s with no operand", d, k)
			}
			if f, ok := obj["_field"]; ok && f == "" {
				t.Fatalf("%v: %s with empty field", d, k)
			}
		}
	}
}

func FuzzEncode(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0}, "status", "New")
	f.Add([]byte{3, 14, 4, 0, 11, 2, 4, 1, 4, 2, 1, 6, 3, 9}, "_createdAt", "~1")
	f.Add([]byte{1, 16, 3, 1, 10, 3, 0, 1, 1, 2, 0, 17, 0, 12}, "tags", "")
	f.Add([]byte{2, 5, 5, 200, 1, 0, 1}, "a*b?", `C:\x`)
	f.Fuzz(func(t *testing.T, data []byte, s1, s2 string) {
		b := &fuzzBuilder{data: data, text: []string{s1, s2, "title", "", "days", "behind", "startOfDay", "12.5"}}
		flt := b.filter(0)
		for _, d := range []Dialect{V1, V0, V0TheHive4} {
			m, err := Encode(flt, d)
			if err != nil {
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("%v: error %v does not match ErrInvalid", d, err)
				}
				if m != nil {
					t.Fatalf("%v: map and error together", d)
				}
				if err.Error() == "" {
					t.Fatalf("%v: empty error message", d)
				}
				continue
			}
			if flt.IsZero() {
				if m != nil {
					t.Fatalf("%v: zero filter encoded to %v", d, m)
				}
				continue
			}
			raw, err := json.Marshal(m)
			if err != nil {
				t.Fatalf("%v: json.Marshal: %v", d, err)
			}
			again, _ := Encode(flt, d)
			if raw2, _ := json.Marshal(again); string(raw2) != string(raw) {
				t.Fatalf("%v: encoding not deterministic:\n%s\n%s", d, raw, raw2)
			}
			var back any
			if err := json.Unmarshal(raw, &back); err != nil {
				t.Fatalf("%v: output is not JSON: %v", d, err)
			}
			checkTree(t, d, back)
		}
	})
}

// unescapeWildcard reverses escapeWildcard.
func unescapeWildcard(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func FuzzEscapeWildcard(f *testing.F) {
	for _, s := range []string{"", "plain", `a*b?c\d`, `\\**??`, "é*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := escapeWildcard(s)
		if got := unescapeWildcard(e); got != s {
			t.Fatalf("unescape(escape(%q)) = %q", s, got)
		}
		// Every '*' or '?' left in the output must be escaped.
		for i := 0; i < len(e); i++ {
			switch e[i] {
			case '\\':
				i++
			case '*', '?':
				t.Fatalf("escape(%q) = %q leaves an unescaped %q", s, e, e[i])
			}
		}
	})
}

func FuzzSort(f *testing.F) {
	f.Add("createdAt", "title", true)
	f.Add("", "-x", false)
	f.Add("a", "a", true)
	f.Fuzz(func(t *testing.T, a, b string, desc bool) {
		s := []Sort{Asc(a), Desc(b)}
		if desc {
			s[0] = Desc(a)
		}
		v1, err1 := SortV1(s...)
		v0, err0 := SortV0(s...)
		if err1 != nil {
			if !errors.Is(err1, ErrInvalid) || err0 == nil {
				t.Fatalf("SortV1 error %v, SortV0 error %v", err1, err0)
			}
			return
		}
		if len(v1) != 2 || v1[0][a] == "" || v1[1][b] != "desc" {
			t.Fatalf("SortV1 = %v", v1)
		}
		if err0 != nil {
			if !strings.HasPrefix(a, "+") && !strings.HasPrefix(a, "-") &&
				!strings.HasPrefix(b, "+") && !strings.HasPrefix(b, "-") {
				t.Fatalf("SortV0 error %v for accepted fields", err0)
			}
			return
		}
		if len(v0) != 2 || v0[0][1:] != a || v0[1] != "-"+b {
			t.Fatalf("SortV0 = %v", v0)
		}
	})
}
