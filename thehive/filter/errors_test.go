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
		unsupported bool   // want an *UnsupportedError rather than an *InputError
		want        string // substring of the message
	}{
		{"empty field", Eq("", 1), V1, false, "filter _eq: field name is empty"},
		{"empty field v0", Gt("", 1), V0, false, "filter _gt: field name is empty"},
		{"space field", Eq(" status", 1), V1, false, "surrounding spaces"},
		{"control field", Eq("a\nb", 1), V1, false, "control characters"},
		{"invalid utf8 field", Has("\xff"), V1, false, "not valid UTF-8"},
		{"empty has", Has(""), V1, false, "filter _has: field name is empty"},
		{"empty id", ID(""), V1, false, "filter _id: id is empty"},
		{"blank id", ID("  "), V0, false, "id is empty"},
		{"nil value", Eq("a", nil), V1, false, "value is nil"},
		{"nil time pointer", Eq("a", nilTime), V1, false, "nil *time.Time"},
		{"zero time", Gt("a", time.Time{}), V1, false, "zero time.Time"},
		{"NaN", Lt("a", math.NaN()), V1, false, "not a finite number"},
		{"Inf", Lt("a", float32(math.Inf(1))), V0, false, "not a finite number"},
		{"duration", Gt("a", time.Second), V1, false, "time.Duration"},
		{"slice value", Eq("a", []string{"x"}), V1, false, "[]string is not"},
		{"map value", Eq("a", map[string]any{}), V1, false, "is not a string"},
		{"struct value", Eq("a", struct{}{}), V1, false, "is not a string"},
		{"pointer value", Eq("a", new(int)), V1, false, "*int is not"},
		{"bad json.Number", Eq("a", jsonNumber("1e")), V1, false, `json.Number "1e" is not a number`},
		{"empty prefix", StartsWith("title", ""), V1, false, "filter _startsWith: value is empty"},
		{"empty like v0", Like("title", ""), V0, false, "value is empty"},
		{"empty in", In("tags"), V1, false, "filter _in: In needs at least one value"},
		{"empty in values", InValues[string]("tags", nil), V0, false, "at least one value"},
		{"bad in element", In("tags", "a", nil), V1, false, "value is nil"},
		{"relative in in", In("d", Ago(1, Days)), V1, false, "only in Lt, Lte, Gt, Gte and Between"},
		{"relative in eq", Eq("d", Ago(1, Days)), V1, false, "only in Lt"},
		{"relative negative", Gt("d", Ago(-1, Days)), V1, false, "is negative"},
		{"relative unit", Gt("d", Ago(1, "fortnights")), V1, false, `unit "fortnights"`},
		{"relative look", Gt("d", RelativeDate{Amount: 1, Unit: Days}), V1, false, `look ""`},
		{"relative modifier", Gt("d", RelativeDate{Amount: 1, Unit: Days, Look: Behind, Modifier: "noon"}), V1, false, `modifier "noon"`},
		{"relative timezone", Gt("d", Ago(1, Days).In("Europe/ Paris")), V1, false, "timezone"},
		{"between empty range", Between("n", 5, 5), V1, false, "is empty"},
		{"between reversed", Between("d", t1, t0), V0, false, "is empty"},
		{"between reversed mixed", Between("n", 2.5, 1), V1, false, "is empty"},
		{"between nil", Between("n", nil, 1), V1, false, "value is nil"},
		{"and empty", And(), V1, false, "filter _and: And needs at least one operand"},
		{"or empty", Or(), V0, false, "filter _or: Or needs at least one operand"},
		{"and zero operand", And(ID("~1"), Filter{}), V1, false, "filter _and[1]: operand is the zero Filter"},
		{"single zero operand", Or(Filter{}), V1, false, "zero Filter"},
		{"not zero", Not(Filter{}), V1, false, "filter _not: operand is the zero Filter"},
		{"nested path", And(ID("~1"), Or(ID("~2"), Not(Eq("", 1)))), V1, false, "filter _and[1]._or[1]._not._eq: field name is empty"},
		{"valuer error", Eq("tlp", tlpAmberStrict), V0, false, "AMBER+STRICT"},
		{"valuer loop", Eq("tlp", looping{}), V1, false, "returned another Valuer"},
		{"nil valuer", Eq("tlp", nilValuer), V1, false, "nil *filter.ptrValuer"},
		{"ne v0", Ne("status", "Open"), V0, true, "filter: Ne cannot be expressed in the TheHive v0 dialect; use Not(Eq(field, value))"},
		{"match v0", And(ID("a"), Match("d", "w")), V0, true, "Match (at _and[1]) cannot be expressed in the TheHive v0 dialect"},
		{"has v0", Not(Has("assignee")), V0, true, "Has (at _not) cannot"},
		{"relative v0", Gt("createdAt", Ago(1, Days)), V0, true, "RelativeDate (at _gt) cannot be expressed in the TheHive v0 dialect"},
		{"relative between v0", Between("createdAt", t0, Ago(1, Days)), V0, true, "RelativeDate"},
		{"parent id v1", ParentID("case", "~1"), V1, true, "ParentID cannot be expressed in the TheHive v1 dialect; select related entities"},
		{"parent v1", And(ID("~1"), Parent("case", ID("~2"))), V1, true, "Parent (at _and[1]) cannot be expressed in the TheHive v1 dialect"},
		{"child v1", Child("case_task", ID("~2")), V1, true, "Child cannot"},
		{"parent empty type", ParentID("", "AW1"), V0, false, "filter _parent: entity type is empty"},
		{"parent blank type", Parent(" case", ID("AW1")), V0, false, `entity type " case" has surrounding spaces`},
		{"parent empty id", ParentID("case", ""), V0, false, "filter _parent: id is empty"},
		{"parent zero query", Parent("case", Filter{}), V0, false, "filter _parent: operand is the zero Filter"},
		{"child bad query", Child("case_artifact", Ne("data", "x")), V0, true, "Ne (at _child) cannot"},
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
			if !errors.Is(err, ErrInvalidInput) {
				t.Errorf("errors.Is(%v, ErrInvalidInput) = false", err)
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
	for _, d := range []Dialect{0, 3} {
		if _, err := Encode(ID("~1"), d); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("Encode(dialect %v) error = %v, want ErrInvalidInput", d, err)
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
