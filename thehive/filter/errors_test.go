package filter

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestEncodeErrors(t *testing.T) {
	var nilTime *time.Time
	var nilValuer *ptrValuer
	tests := []struct {
		name        string
		f           Filter
		dialect     Dialect
		unsupported bool   // want an *UnsupportedError rather than an *Error
		want        string // substring of the message
	}{
		{name: "empty field", f: Eq("", 1), dialect: V1, unsupported: false, want: "filter: _eq: field name is empty"},
		{name: "empty field v0", f: Gt("", 1), dialect: V0, unsupported: false, want: "filter: _gt: field name is empty"},
		{name: "space field", f: Eq(" status", 1), dialect: V1, unsupported: false, want: "surrounding spaces"},
		{name: "control field", f: Eq("a\nb", 1), dialect: V1, unsupported: false, want: "control characters"},
		{name: "invalid utf8 field", f: Has("\xff"), dialect: V1, unsupported: false, want: "not valid UTF-8"},
		{name: "empty has", f: Has(""), dialect: V1, unsupported: false, want: "filter: _has: field name is empty"},
		{name: "empty id", f: ID(""), dialect: V1, unsupported: false, want: "filter: _id: id is empty"},
		{name: "blank id", f: ID("  "), dialect: V0, unsupported: false, want: "id is empty"},
		{name: "nil value", f: Eq("a", nil), dialect: V1, unsupported: false, want: "value is nil"},
		{name: "nil time pointer", f: Eq("a", nilTime), dialect: V1, unsupported: false, want: "nil *time.Time"},
		{name: "zero time", f: Gt("a", time.Time{}), dialect: V1, unsupported: false, want: "zero time.Time"},
		{name: "NaN", f: Lt("a", math.NaN()), dialect: V1, unsupported: false, want: "not a finite number"},
		{name: "Inf", f: Lt("a", float32(math.Inf(1))), dialect: V0, unsupported: false, want: "not a finite number"},
		{name: "duration", f: Gt("a", time.Second), dialect: V1, unsupported: false, want: "time.Duration"},
		{name: "slice value", f: Eq("a", []string{"x"}), dialect: V1, unsupported: false, want: "[]string is not"},
		{name: "map value", f: Eq("a", map[string]any{}), dialect: V1, unsupported: false, want: "is not a string"},
		{name: "struct value", f: Eq("a", struct{}{}), dialect: V1, unsupported: false, want: "is not a string"},
		{name: "pointer value", f: Eq("a", new(int)), dialect: V1, unsupported: false, want: "*int is not"},
		{name: "bad json.Number", f: Eq("a", jsonNumber("1e")), dialect: V1, unsupported: false, want: `json.Number "1e" is not a number`},
		{name: "empty prefix", f: StartsWith("title", ""), dialect: V1, unsupported: false, want: "filter: _startsWith: value is empty"},
		{name: "empty like v0", f: Like("title", ""), dialect: V0, unsupported: false, want: "value is empty"},
		{name: "empty in", f: In("tags"), dialect: V1, unsupported: false, want: "filter: _in: In needs at least one value"},
		{name: "empty in values", f: InValues[string]("tags", nil), dialect: V0, unsupported: false, want: "at least one value"},
		{name: "bad in element", f: In("tags", "a", nil), dialect: V1, unsupported: false, want: "value is nil"},
		{name: "relative in in", f: In("d", Ago(1, Days)), dialect: V1, unsupported: false, want: "only in Lt, Lte, Gt, Gte and Between"},
		{name: "relative in eq", f: Eq("d", Ago(1, Days)), dialect: V1, unsupported: false, want: "only in Lt"},
		{name: "relative negative", f: Gt("d", Ago(-1, Days)), dialect: V1, unsupported: false, want: "is negative"},
		{name: "relative unit", f: Gt("d", Ago(1, "fortnights")), dialect: V1, unsupported: false, want: `unit "fortnights"`},
		{name: "relative look", f: Gt("d", RelativeDate{Amount: 1, Unit: Days}), dialect: V1, unsupported: false, want: `look ""`},
		{name: "relative modifier", f: Gt("d", RelativeDate{Amount: 1, Unit: Days, Look: Behind, Modifier: "noon"}), dialect: V1, unsupported: false, want: `modifier "noon"`},
		{name: "relative timezone", f: Gt("d", Ago(1, Days).In("Europe/ Paris")), dialect: V1, unsupported: false, want: "timezone"},
		{name: "between empty range", f: Between("n", 5, 5), dialect: V1, unsupported: false, want: "is empty"},
		{name: "between reversed", f: Between("d", t1, t0), dialect: V0, unsupported: false, want: "is empty"},
		{name: "between reversed mixed", f: Between("n", 2.5, 1), dialect: V1, unsupported: false, want: "is empty"},
		{name: "between nil", f: Between("n", nil, 1), dialect: V1, unsupported: false, want: "value is nil"},
		{name: "and empty", f: And(), dialect: V1, unsupported: false, want: "filter: _and: And needs at least one operand"},
		{name: "or empty", f: Or(), dialect: V0, unsupported: false, want: "filter: _or: Or needs at least one operand"},
		{name: "and zero operand", f: And(ID("~1"), Filter{}), dialect: V1, unsupported: false, want: "filter: _and[1]: operand is the zero Filter"},
		{name: "single zero operand", f: Or(Filter{}), dialect: V1, unsupported: false, want: "zero Filter"},
		{name: "not zero", f: Not(Filter{}), dialect: V1, unsupported: false, want: "filter: _not: operand is the zero Filter"},
		{name: "nested path", f: And(ID("~1"), Or(ID("~2"), Not(Eq("", 1)))), dialect: V1, unsupported: false, want: "filter: _and[1]._or[1]._not._eq: field name is empty"},
		{name: "valuer error", f: Eq("tlp", tlpAmberStrict), dialect: V0, unsupported: false, want: "AMBER+STRICT"},
		{name: "valuer loop", f: Eq("tlp", looping{}), dialect: V1, unsupported: false, want: "returned another Valuer"},
		{name: "nil valuer", f: Eq("tlp", nilValuer), dialect: V1, unsupported: false, want: "nil *filter.ptrValuer"},
		{name: "ne v0", f: Ne("status", "Open"), dialect: V0, unsupported: true, want: "filter: Ne cannot be expressed in the TheHive v0 dialect; use Not(Eq(field, value))"},
		{name: "match v0", f: And(ID("a"), Match("d", "w")), dialect: V0, unsupported: true, want: "Match (at _and[1]) cannot be expressed in the TheHive v0 dialect"},
		{name: "relative v0", f: Gt("createdAt", Ago(1, Days)), dialect: V0, unsupported: true, want: "RelativeDate (at _gt) cannot be expressed in the TheHive v0 dialect"},
		{name: "relative between v0", f: Between("createdAt", t0, Ago(1, Days)), dialect: V0, unsupported: true, want: "RelativeDate"},
		{name: "parent id v1", f: ParentID("case", "~1"), dialect: V1, unsupported: true, want: "ParentID cannot be expressed in the TheHive v1 dialect; select related entities"},
		{name: "parent v1", f: And(ID("~1"), Parent("case", ID("~2"))), dialect: V1, unsupported: true, want: "Parent (at _and[1]) cannot be expressed in the TheHive v1 dialect"},
		{name: "child v1", f: Child("case_task", ID("~2")), dialect: V1, unsupported: true, want: "Child cannot"},
		{name: "parent empty type", f: ParentID("", "AW1"), dialect: V0, unsupported: false, want: "filter: _parent: entity type is empty"},
		{name: "parent blank type", f: Parent(" case", ID("AW1")), dialect: V0, unsupported: false, want: `entity type " case" has surrounding spaces`},
		{name: "parent empty id", f: ParentID("case", ""), dialect: V0, unsupported: false, want: "filter: _parent: id is empty"},
		{name: "parent zero query", f: Parent("case", Filter{}), dialect: V0, unsupported: false, want: "filter: _parent: operand is the zero Filter"},
		{name: "child bad query", f: Child("case_artifact", Ne("data", "x")), dialect: V0, unsupported: true, want: "Ne (at _child) cannot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Encode(tt.f, tt.dialect)
			if err == nil {
				t.Fatalf("Encode(%v) = %s, want an error", tt.dialect, mustJSON(t, m))
			}
			if m != nil {
				t.Errorf("Encode returned a map beside the error: %v", m)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
			}
			var ue *UnsupportedError
			if got := errors.As(err, &ue); got != tt.unsupported {
				t.Errorf("errors.As(%v, *UnsupportedError) = %v, want %v", err, got, tt.unsupported)
			}
			if got := errors.Is(err, ErrUnsupported); got != tt.unsupported {
				t.Errorf("errors.Is(%v, ErrUnsupported) = %v, want %v", err, got, tt.unsupported)
			}
			if ue != nil && ue.Dialect != tt.dialect {
				t.Errorf("UnsupportedError.Dialect = %v, want %v", ue.Dialect, tt.dialect)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestEncodeUnknownDialect(t *testing.T) {
	for _, d := range []Dialect{0, 4} {
		if _, err := Encode(ID("~1"), d); !errors.Is(err, ErrInvalid) {
			t.Errorf("Encode(dialect %v) error = %v, want ErrInvalid", d, err)
		}
	}
}

func TestEncodeDepthLimit(t *testing.T) {
	f := ID("~1")
	for range maxDepth - 1 {
		f = Not(f)
	}
	if _, err := EncodeV1(f); err != nil {
		t.Fatalf("depth %d: %v", maxDepth, err)
	}
	if _, err := EncodeV1(Not(f)); err == nil || !strings.Contains(err.Error(), "deeper than") {
		t.Fatalf("depth %d: error = %v, want a depth error", maxDepth+1, err)
	}
}

func TestUnsupportedErrorFields(t *testing.T) {
	_, err := EncodeV0(And(Eq("a", 1), Ne("status", "Open")))
	var ue *UnsupportedError
	if !errors.As(err, &ue) {
		t.Fatalf("error %v is not an *UnsupportedError", err)
	}
	want := UnsupportedError{Op: "Ne", Dialect: V0, Path: "_and[1]", Hint: "use Not(Eq(field, value))"}
	if *ue != want {
		t.Errorf("UnsupportedError = %+v, want %+v", *ue, want)
	}
}

func TestDialectString(t *testing.T) {
	for d, want := range map[Dialect]string{V1: "v1", V0: "v0", 0: "Dialect(0)", 9: "Dialect(9)"} {
		if got := d.String(); got != want {
			t.Errorf("Dialect(%d).String() = %q, want %q", d, got, want)
		}
	}
}

func jsonNumber(s string) json.Number { return json.Number(s) }

func TestErrorFields(t *testing.T) {
	_, err := EncodeV1(And(ID("~1"), Eq("", 1)))
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if fe.Path != "_and[1]._eq" || fe.Problem != "field name is empty" || fe.Err != nil {
		t.Errorf("Error = %+v", *fe)
	}
	if got, want := err.Error(), "filter: _and[1]._eq: field name is empty"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if errors.Is(err, ErrUnsupported) {
		t.Error("an *Error matches ErrUnsupported")
	}

	// A Valuer's own error stays reachable.
	_, err = EncodeV0(Eq("tlp", tlpAmberStrict))
	if !errors.As(err, &fe) || fe.Path != "_eq" || fe.Err == nil {
		t.Fatalf("valuer error = %#v", err)
	}
	if !errors.Is(err, fe.Err) || !errors.Is(err, ErrInvalid) {
		t.Errorf("errors.Is does not see the valuer's error through %v", err)
	}

	_, err = SortV1(Asc("a"), Asc("a"))
	if !errors.As(err, &fe) || fe.Path != "sort[1]" {
		t.Errorf("sort error = %v", err)
	}
}
