package filter

import (
	"encoding/json"
	"testing"
)

func TestEncodeV1(t *testing.T) {
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"eq string", Eq("status", "New"), `{"_eq":{"_field":"status","_value":"New"}}`},
		{"eq named string", Eq("status", status("InProgress")), `{"_eq":{"_field":"status","_value":"InProgress"}}`},
		{"eq named int", Eq("severity", severity(3)), `{"_eq":{"_field":"severity","_value":3}}`},
		{"eq bool", Eq("flag", false), `{"_eq":{"_field":"flag","_value":false}}`},
		{"eq zero int", Eq("tlp", 0), `{"_eq":{"_field":"tlp","_value":0}}`},
		{"eq uint8", Eq("pap", uint8(2)), `{"_eq":{"_field":"pap","_value":2}}`},
		{"eq float32", Eq("score", float32(1.5)), `{"_eq":{"_field":"score","_value":1.5}}`},
		{"eq float32 shortest", Eq("score", float32(0.1)), `{"_eq":{"_field":"score","_value":0.1}}`},
		{"eq named float64", Eq("score", score(2.25)), `{"_eq":{"_field":"score","_value":2.25}}`},
		{"eq uint64 max", Eq("n", uint64(1<<64-1)), `{"_eq":{"_field":"n","_value":18446744073709551615}}`},
		{"eq int8", Eq("n", int8(-5)), `{"_eq":{"_field":"n","_value":-5}}`},
		{"eq json.Number", Eq("score", json.Number("12.25")), `{"_eq":{"_field":"score","_value":12.25}}`},
		{"eq valuer", Eq("tlp", tlpRed), `{"_eq":{"_field":"tlp","_value":4}}`},
		{"eq pointer valuer", Eq("n", &ptrValuer{7}), `{"_eq":{"_field":"n","_value":7}}`},
		{"ne", Ne("status", "Duplicated"), `{"_ne":{"_field":"status","_value":"Duplicated"}}`},
		{"lt", Lt("severity", 3), `{"_lt":{"_field":"severity","_value":3}}`},
		{"lte", Lte("severity", 3), `{"_lte":{"_field":"severity","_value":3}}`},
		{"gt time", Gt("_createdAt", t0), `{"_gt":{"_field":"_createdAt","_value":1734425224596}}`},
		{"gte time pointer", Gte("_createdAt", &t0), `{"_gte":{"_field":"_createdAt","_value":1734425224596}}`},
		{"gt relative", Gt("_createdAt", Ago(0, Days).StartOfDay()),
			`{"_gt":{"_field":"_createdAt","_value":{"amount":0,"look":"behind","modifier":"startOfDay","unit":"days"}}}`},
		{"lt relative tz", Lt("endDate", FromNow(2, Weeks).EndOfDay().In("Europe/Paris")),
			`{"_lt":{"_field":"endDate","_value":{"amount":2,"look":"ahead","modifier":"endOfDay","timezone":"Europe/Paris","unit":"weeks"}}}`},
		{"startsWith", StartsWith("title", "Phish"), `{"_startsWith":{"_field":"title","_value":"Phish"}}`},
		{"startsWith keeps wildcard chars", StartsWith("title", "a*b?"), `{"_startsWith":{"_field":"title","_value":"a*b?"}}`},
		{"endsWith", EndsWith("data", ".exe"), `{"_endsWith":{"_field":"data","_value":".exe"}}`},
		{"like", Like("description", "mimikatz"), `{"_like":{"_field":"description","_value":"mimikatz"}}`},
		{"match", Match("description", "ransomware"), `{"_match":{"_field":"description","_value":"ransomware"}}`},
		{"in", In("tags", "phishing", "malware"), `{"_in":{"_field":"tags","_values":["phishing","malware"]}}`},
		{"in mixed", In("severity", 3, severity(4)), `{"_in":{"_field":"severity","_values":[3,4]}}`},
		{"inValues", InValues("tags", []string{"a", "b"}), `{"_in":{"_field":"tags","_values":["a","b"]}}`},
		{"between times", Between("_createdAt", t0, t1),
			`{"_between":{"_field":"_createdAt","_from":1734425224596,"_to":1734511624596}}`},
		{"between relative", Between("_createdAt", Ago(1, Days).StartOfDay(), Ago(1, Days).EndOfDay()),
			`{"_between":{"_field":"_createdAt","_from":{"amount":1,"look":"behind","modifier":"startOfDay","unit":"days"},"_to":{"amount":1,"look":"behind","modifier":"endOfDay","unit":"days"}}}`},
		{"between strings", Between("title", "a", "m"), `{"_between":{"_field":"title","_from":"a","_to":"m"}}`},
		{"has", Has("assignee"), `{"_has":"assignee"}`},
		{"id", ID("~123456"), `{"_id":"~123456"}`},
		{"not", Not(Eq("status", "New")), `{"_not":{"_eq":{"_field":"status","_value":"New"}}}`},
		{"and", And(Eq("status", "New"), Gte("severity", 3)),
			`{"_and":[{"_eq":{"_field":"status","_value":"New"}},{"_gte":{"_field":"severity","_value":3}}]}`},
		{"or", Or(ID("~1"), ID("~2")), `{"_or":[{"_id":"~1"},{"_id":"~2"}]}`},
		{"and flattened", And(And(ID("~1"), ID("~2")), ID("~3"), And(ID("~4"), And(ID("~5")))),
			`{"_and":[{"_id":"~1"},{"_id":"~2"},{"_id":"~3"},{"_id":"~4"},{"_id":"~5"}]}`},
		{"or flattened", Or(ID("~1"), Or(ID("~2"), Or(ID("~3"), ID("~4")))),
			`{"_or":[{"_id":"~1"},{"_id":"~2"},{"_id":"~3"},{"_id":"~4"}]}`},
		{"or inside and kept", And(ID("~1"), Or(ID("~2"), ID("~3"))),
			`{"_and":[{"_id":"~1"},{"_or":[{"_id":"~2"},{"_id":"~3"}]}]}`},
		{"and under not kept", And(ID("~1"), Not(And(ID("~2"), ID("~3")))),
			`{"_and":[{"_id":"~1"},{"_not":{"_and":[{"_id":"~2"},{"_id":"~3"}]}}]}`},
		{"single operand", And(Has("summary")), `{"_has":"summary"}`},
		{"custom field path", Eq("customFields.business-unit.string", "HR"),
			`{"_eq":{"_field":"customFields.business-unit.string","_value":"HR"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EncodeV1(tt.f)
			if err != nil {
				t.Fatalf("EncodeV1: %v", err)
			}
			if s := mustJSON(t, got); s != tt.want {
				t.Errorf("EncodeV1 =\n %s\nwant\n %s", s, tt.want)
			}
		})
	}
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
		{f, `{"_in":{"_field":"tags","_values":["a","b"]}}`},
		{g, `{"_and":[{"_id":"~1"},{"_id":"~2"}]}`},
		{h, `{"_and":[{"_id":"~1"},{"_id":"~2"},{"_id":"~3"}]}`},
	} {
		got, err := EncodeV1(tc.f)
		if err != nil {
			t.Fatal(err)
		}
		if s := mustJSON(t, got); s != tc.want {
			t.Errorf("got %s, want %s", s, tc.want)
		}
	}
}
