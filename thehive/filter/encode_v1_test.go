package filter

import (
	"encoding/json"
	"testing"
)

func TestEncodeV1(t *testing.T) {
	testEncode(t, "EncodeV1", EncodeV1, []encodeCase{
		{name: "eq string", f: Eq("status", "New"), want: `{"_eq":{"_field":"status","_value":"New"}}`},
		{name: "eq named string", f: Eq("status", status("InProgress")), want: `{"_eq":{"_field":"status","_value":"InProgress"}}`},
		{name: "eq named int", f: Eq("severity", severity(3)), want: `{"_eq":{"_field":"severity","_value":3}}`},
		{name: "eq bool", f: Eq("flag", false), want: `{"_eq":{"_field":"flag","_value":false}}`},
		{name: "eq zero int", f: Eq("tlp", 0), want: `{"_eq":{"_field":"tlp","_value":0}}`},
		{name: "eq uint8", f: Eq("pap", uint8(2)), want: `{"_eq":{"_field":"pap","_value":2}}`},
		{name: "eq float32", f: Eq("score", float32(1.5)), want: `{"_eq":{"_field":"score","_value":1.5}}`},
		{name: "eq float32 shortest", f: Eq("score", float32(0.1)), want: `{"_eq":{"_field":"score","_value":0.1}}`},
		{name: "eq named float64", f: Eq("score", score(2.25)), want: `{"_eq":{"_field":"score","_value":2.25}}`},
		{name: "eq uint64 max", f: Eq("n", uint64(1<<64-1)), want: `{"_eq":{"_field":"n","_value":18446744073709551615}}`},
		{name: "eq int8", f: Eq("n", int8(-5)), want: `{"_eq":{"_field":"n","_value":-5}}`},
		{name: "eq json.Number", f: Eq("score", json.Number("12.25")), want: `{"_eq":{"_field":"score","_value":12.25}}`},
		{name: "eq valuer", f: Eq("tlp", tlpRed), want: `{"_eq":{"_field":"tlp","_value":4}}`},
		{name: "eq pointer valuer", f: Eq("n", &ptrValuer{7}), want: `{"_eq":{"_field":"n","_value":7}}`},
		{name: "ne", f: Ne("status", "Duplicated"), want: `{"_ne":{"_field":"status","_value":"Duplicated"}}`},
		{name: "lt", f: Lt("severity", 3), want: `{"_lt":{"_field":"severity","_value":3}}`},
		{name: "lte", f: Lte("severity", 3), want: `{"_lte":{"_field":"severity","_value":3}}`},
		{name: "gt time", f: Gt("_createdAt", t0), want: `{"_gt":{"_field":"_createdAt","_value":1734425224596}}`},
		{name: "gte time pointer", f: Gte("_createdAt", &t0), want: `{"_gte":{"_field":"_createdAt","_value":1734425224596}}`},
		{name: "gt relative", f: Gt("_createdAt", Ago(0, Days).StartOfDay()),
			want: `{"_gt":{"_field":"_createdAt","_value":{"amount":0,"look":"behind","modifier":"startOfDay","unit":"days"}}}`},
		{name: "lt relative tz", f: Lt("endDate", FromNow(2, Weeks).EndOfDay().In("Europe/Paris")),
			want: `{"_lt":{"_field":"endDate","_value":{"amount":2,"look":"ahead","modifier":"endOfDay","timezone":"Europe/Paris","unit":"weeks"}}}`},
		{name: "startsWith", f: StartsWith("title", "Phish"), want: `{"_startsWith":{"_field":"title","_value":"Phish"}}`},
		{name: "startsWith keeps wildcard chars", f: StartsWith("title", "a*b?"), want: `{"_startsWith":{"_field":"title","_value":"a*b?"}}`},
		{name: "endsWith", f: EndsWith("data", ".exe"), want: `{"_endsWith":{"_field":"data","_value":".exe"}}`},
		{name: "like", f: Like("description", "mimikatz"), want: `{"_like":{"_field":"description","_value":"mimikatz"}}`},
		{name: "match", f: Match("description", "ransomware"), want: `{"_match":{"_field":"description","_value":"ransomware"}}`},
		{name: "in", f: In("tags", "phishing", "malware"), want: `{"_in":{"_field":"tags","_values":["phishing","malware"]}}`},
		{name: "in mixed", f: In("severity", 3, severity(4)), want: `{"_in":{"_field":"severity","_values":[3,4]}}`},
		{name: "inValues", f: InValues("tags", []string{"a", "b"}), want: `{"_in":{"_field":"tags","_values":["a","b"]}}`},
		{name: "between times", f: Between("_createdAt", t0, t1),
			want: `{"_between":{"_field":"_createdAt","_from":1734425224596,"_to":1734511624596}}`},
		{name: "between relative", f: Between("_createdAt", Ago(1, Days).StartOfDay(), Ago(1, Days).EndOfDay()),
			want: `{"_between":{"_field":"_createdAt","_from":{"amount":1,"look":"behind","modifier":"startOfDay","unit":"days"},"_to":{"amount":1,"look":"behind","modifier":"endOfDay","unit":"days"}}}`},
		{name: "between strings", f: Between("title", "a", "m"), want: `{"_between":{"_field":"title","_from":"a","_to":"m"}}`},
		{name: "has", f: Has("assignee"), want: `{"_has":"assignee"}`},
		{name: "id", f: ID("~123456"), want: `{"_id":"~123456"}`},
		{name: "not", f: Not(Eq("status", "New")), want: `{"_not":{"_eq":{"_field":"status","_value":"New"}}}`},
		{name: "and", f: And(Eq("status", "New"), Gte("severity", 3)),
			want: `{"_and":[{"_eq":{"_field":"status","_value":"New"}},{"_gte":{"_field":"severity","_value":3}}]}`},
		{name: "or", f: Or(ID("~1"), ID("~2")), want: `{"_or":[{"_id":"~1"},{"_id":"~2"}]}`},
		{name: "and flattened", f: And(And(ID("~1"), ID("~2")), ID("~3"), And(ID("~4"), And(ID("~5")))),
			want: `{"_and":[{"_id":"~1"},{"_id":"~2"},{"_id":"~3"},{"_id":"~4"},{"_id":"~5"}]}`},
		{name: "or flattened", f: Or(ID("~1"), Or(ID("~2"), Or(ID("~3"), ID("~4")))),
			want: `{"_or":[{"_id":"~1"},{"_id":"~2"},{"_id":"~3"},{"_id":"~4"}]}`},
		{name: "or inside and kept", f: And(ID("~1"), Or(ID("~2"), ID("~3"))),
			want: `{"_and":[{"_id":"~1"},{"_or":[{"_id":"~2"},{"_id":"~3"}]}]}`},
		{name: "and under not kept", f: And(ID("~1"), Not(And(ID("~2"), ID("~3")))),
			want: `{"_and":[{"_id":"~1"},{"_not":{"_and":[{"_id":"~2"},{"_id":"~3"}]}}]}`},
		{name: "single operand", f: And(Has("summary")), want: `{"_has":"summary"}`},
		{name: "custom field path", f: Eq("customFields.business-unit.string", "HR"),
			want: `{"_eq":{"_field":"customFields.business-unit.string","_value":"HR"}}`},
	})
}

func TestEncodeZero(t *testing.T) {
	var f Filter
	if !f.IsZero() {
		t.Fatal("zero Filter: IsZero() = false")
	}
	if Eq("a", 1).IsZero() {
		t.Fatal("Eq: IsZero() = true")
	}
	for _, enc := range []func(Filter) (map[string]any, error){EncodeV1, EncodeV0} {
		m, err := enc(f)
		if m != nil || err != nil {
			t.Errorf("encode zero Filter = %v, %v; want nil, nil", m, err)
		}
	}
}

func TestFilterImmutable(t *testing.T) {
	vals := []any{"a", "b"}
	f := In("tags", vals...)
	vals[0] = "changed"
	inner := []Filter{ID("~1"), ID("~2")}
	g := And(inner...)
	inner[0] = ID("~9")
	h := And(g, ID("~3"))
	_ = And(h, ID("~4")) // must not alter h
	for _, tc := range []struct {
		f    Filter
		want string
	}{
		{f: f, want: `{"_in":{"_field":"tags","_values":["a","b"]}}`},
		{f: g, want: `{"_and":[{"_id":"~1"},{"_id":"~2"}]}`},
		{f: h, want: `{"_and":[{"_id":"~1"},{"_id":"~2"},{"_id":"~3"}]}`},
	} {
		got, err := EncodeV1(tc.f)
		wantJSON(t, "EncodeV1", got, err, tc.want)
	}
}
