package filter

import "testing"

func TestEncodeV0(t *testing.T) {
	testEncode(t, "EncodeV0", EncodeV0, []encodeCase{
		{name: "eq bare", f: Eq("status", "Open"), want: `{"_field":"status","_value":"Open"}`},
		{name: "eq bool", f: Eq("flag", true), want: `{"_field":"flag","_value":true}`},
		{name: "eq time", f: Eq("startDate", t0), want: `{"_field":"startDate","_value":1734425224596}`},
		{name: "eq valuer", f: Eq("tlp", tlpRed), want: `{"_field":"tlp","_value":3}`},
		{name: "lt", f: Lt("severity", 3), want: `{"_lt":{"severity":3}}`},
		{name: "lte", f: Lte("severity", severity(2)), want: `{"_lte":{"severity":2}}`},
		{name: "gt", f: Gt("createdAt", t0), want: `{"_gt":{"createdAt":1734425224596}}`},
		{name: "gte", f: Gte("tlp", 2), want: `{"_gte":{"tlp":2}}`},
		{name: "startsWith", f: StartsWith("title", "Phish"), want: `{"_wildcard":{"_field":"title","_value":"Phish*"}}`},
		{name: "endsWith", f: EndsWith("data", ".exe"), want: `{"_wildcard":{"_field":"data","_value":"*.exe"}}`},
		{name: "like", f: Like("description", "mimikatz"), want: `{"_wildcard":{"_field":"description","_value":"*mimikatz*"}}`},
		{name: "wildcard escaped", f: StartsWith("data", `C:\Temp\*?`),
			want: `{"_wildcard":{"_field":"data","_value":"C:\\\\Temp\\\\\\*\\?*"}}`},
		{name: "in", f: In("status", "Open", "Resolved"), want: `{"_in":{"_field":"status","_values":["Open","Resolved"]}}`},
		{name: "between", f: Between("createdAt", t0, t1),
			want: `{"_between":{"_field":"createdAt","_from":1734425224596,"_to":1734511624596}}`},
		{name: "id", f: ID("AWxyz"), want: `{"_id":"AWxyz"}`},
		// elastic4play's QueryDSL (TheHive 3) and ScalliGraph's filter parser
		// (TheHive 4) read _contains as "field is set".
		{name: "has", f: Not(Has("assignee")), want: `{"_not":{"_contains":"assignee"}}`},
		{name: "not", f: Not(Eq("status", "Deleted")), want: `{"_not":{"_field":"status","_value":"Deleted"}}`},
		{name: "and flattened", f: And(Eq("status", "Open"), And(Gt("severity", 2), StartsWith("title", "x"))),
			want: `{"_and":[{"_field":"status","_value":"Open"},{"_gt":{"severity":2}},{"_wildcard":{"_field":"title","_value":"x*"}}]}`},
		{name: "or flattened", f: Or(Or(ID("a"), ID("b")), ID("c")), want: `{"_or":[{"_id":"a"},{"_id":"b"},{"_id":"c"}]}`},
		{name: "single operand", f: Or(ID("a")), want: `{"_id":"a"}`},
		{name: "parent id", f: ParentID("case", "AW1"), want: `{"_parent":{"_id":"AW1","_type":"case"}}`},
		{name: "parent query", f: And(Eq("status", "InProgress"), Parent("case", Eq("status", "Open"))),
			want: `{"_and":[{"_field":"status","_value":"InProgress"},{"_parent":{"_query":{"_field":"status","_value":"Open"},"_type":"case"}}]}`},
		{name: "child", f: Child("case_artifact", And(Eq("dataType", "ip"), Eq("data", "198.51.100.7"))),
			want: `{"_child":{"_query":{"_and":[{"_field":"dataType","_value":"ip"},{"_field":"data","_value":"198.51.100.7"}]},"_type":"case_artifact"}}`},
	})
}

// TestEncodeV0TheHive4 checks the string matches of TheHive 4's v0 API:
// ScalliGraph's _startsWith and _endsWith (TextP.startingWith, endingWith)
// and _like, which strips one leading and one trailing * and matches what
// is left as it is. None has escapes. Everything else encodes as in V0.
func TestEncodeV0TheHive4(t *testing.T) {
	testEncode(t, "Encode(V0TheHive4)", func(f Filter) (map[string]any, error) { return Encode(f, V0TheHive4) }, []encodeCase{
		{name: "startsWith", f: StartsWith("title", "Phish"), want: `{"_startsWith":{"_field":"title","_value":"Phish"}}`},
		{name: "endsWith", f: EndsWith("data", ".exe"), want: `{"_endsWith":{"_field":"data","_value":".exe"}}`},
		{name: "like", f: Like("description", "mimikatz"), want: `{"_like":{"_field":"description","_value":"*mimikatz*"}}`},
		{name: "specials kept", f: StartsWith("data", `C:\Temp\*?`), want: `{"_startsWith":{"_field":"data","_value":"C:\\Temp\\*?"}}`},
		{name: "like a star", f: Like("title", "*"), want: `{"_like":{"_field":"title","_value":"***"}}`},
		{name: "has", f: Has("assignee"), want: `{"_contains":"assignee"}`},
		{name: "eq", f: Eq("status", "Open"), want: `{"_field":"status","_value":"Open"}`},
		{name: "parent", f: ParentID("case", "~1"), want: `{"_parent":{"_id":"~1","_type":"case"}}`},
	})
}
