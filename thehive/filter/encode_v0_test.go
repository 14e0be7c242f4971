package filter

import "testing"

func TestEncodeV0(t *testing.T) {
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"eq bare", Eq("status", "Open"), `{"_field":"status","_value":"Open"}`},
		{"eq bool", Eq("flag", true), `{"_field":"flag","_value":true}`},
		{"eq time", Eq("startDate", t0), `{"_field":"startDate","_value":1734425224596}`},
		{"eq valuer", Eq("tlp", tlpRed), `{"_field":"tlp","_value":3}`},
		{"lt", Lt("severity", 3), `{"_lt":{"severity":3}}`},
		{"lte", Lte("severity", severity(2)), `{"_lte":{"severity":2}}`},
		{"gt", Gt("createdAt", t0), `{"_gt":{"createdAt":1734425224596}}`},
		{"gte", Gte("tlp", 2), `{"_gte":{"tlp":2}}`},
		{"startsWith", StartsWith("title", "Phish"), `{"_wildcard":{"_field":"title","_value":"Phish*"}}`},
		{"endsWith", EndsWith("data", ".exe"), `{"_wildcard":{"_field":"data","_value":"*.exe"}}`},
		{"like", Like("description", "mimikatz"), `{"_wildcard":{"_field":"description","_value":"*mimikatz*"}}`},
		{"wildcard escaped", StartsWith("data", `C:\Temp\*?`),
			`{"_wildcard":{"_field":"data","_value":"C:\\\\Temp\\\\\\*\\?*"}}`},
		{"in", In("status", "Open", "Resolved"), `{"_in":{"_field":"status","_values":["Open","Resolved"]}}`},
		{"between", Between("createdAt", t0, t1),
			`{"_between":{"_field":"createdAt","_from":1734425224596,"_to":1734511624596}}`},
		{"id", ID("AWxyz"), `{"_id":"AWxyz"}`},
		{"not", Not(Eq("status", "Deleted")), `{"_not":{"_field":"status","_value":"Deleted"}}`},
		{"and flattened", And(Eq("status", "Open"), And(Gt("severity", 2), StartsWith("title", "x"))),
			`{"_and":[{"_field":"status","_value":"Open"},{"_gt":{"severity":2}},{"_wildcard":{"_field":"title","_value":"x*"}}]}`},
		{"or flattened", Or(Or(ID("a"), ID("b")), ID("c")), `{"_or":[{"_id":"a"},{"_id":"b"},{"_id":"c"}]}`},
		{"single operand", Or(ID("a")), `{"_id":"a"}`},
		{"parent id", ParentID("case", "AW1"), `{"_parent":{"_id":"AW1","_type":"case"}}`},
		{"parent query", And(Eq("status", "InProgress"), Parent("case", Eq("status", "Open"))),
			`{"_and":[{"_field":"status","_value":"InProgress"},{"_parent":{"_query":{"_field":"status","_value":"Open"},"_type":"case"}}]}`},
		{"child", Child("case_artifact", And(Eq("dataType", "ip"), Eq("data", "198.51.100.7"))),
			`{"_child":{"_query":{"_and":[{"_field":"dataType","_value":"ip"},{"_field":"data","_value":"198.51.100.7"}]},"_type":"case_artifact"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EncodeV0(tt.f)
			if err != nil {
				t.Fatalf("EncodeV0: %v", err)
			}
			if s := mustJSON(t, got); s != tt.want {
				t.Errorf("EncodeV0 =\n %s\nwant\n %s", s, tt.want)
			}
		})
	}
}
