package paging

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseLinkHeader(t *testing.T) {
	const sn = `<https://dev.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=0>;rel="first",` +
		`<https://dev.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=2>;rel="next",` +
		`<https://dev.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=8>;rel="last"`
	tests := []struct {
		name   string
		values []string
		want   Links
	}{
		{name: "servicenow", values: []string{sn}, want: Links{
			{URL: "https://dev.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=0", Rel: []string{"first"}},
			{URL: "https://dev.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=2", Rel: []string{"next"}},
			{URL: "https://dev.service-now.com/api/now/table/incident?sysparm_limit=2&sysparm_offset=8", Rel: []string{"last"}},
		}},
		{name: "unquoted rel, spaces, several values", values: []string{`<a>; rel=next`, ` <b> ; rel = "prev"`}, want: Links{
			{URL: "a", Rel: []string{"next"}}, {URL: "b", Rel: []string{"prev"}},
		}},
		{name: "several relation types, case folded", values: []string{`<a>; rel="Next LAST"`}, want: Links{
			{URL: "a", Rel: []string{"next", "last"}},
		}},
		{name: "comma and semicolon inside the URL and a quoted value", values: []string{`<https://x.test/a,b;c>; rel="next"; title="x, y; \"z\""`}, want: Links{
			{URL: "https://x.test/a,b;c", Rel: []string{"next"}, Params: map[string]string{"title": `x, y; "z"`}},
		}},
		{name: "only the first rel counts", values: []string{`<a>; rel="next"; rel="prev"`}, want: Links{
			{URL: "a", Rel: []string{"next"}},
		}},
		{name: "malformed link skipped, the next one kept", values: []string{`garbage; rel="next", <b>; rel="next"`}, want: Links{
			{URL: "b", Rel: []string{"next"}},
		}},
		{name: "bad parameter skips the link", values: []string{`<a> junk; rel="next", <b>; rel="prev"`}, want: Links{
			{URL: "b", Rel: []string{"prev"}},
		}},
		{name: "unterminated URL", values: []string{`<https://x.test/a; rel="next"`}, want: nil},
		{name: "parameter without a value", values: []string{`<a>; rel="next"; crossorigin`}, want: Links{
			{URL: "a", Rel: []string{"next"}, Params: map[string]string{"crossorigin": ""}},
		}},
		{name: "empty", values: []string{"", " , "}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseLinkHeader(tt.values...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseLinkHeader(%q)\n got %#v\nwant %#v", tt.values, got, tt.want)
			}
		})
	}
}

func TestLinksAccessors(t *testing.T) {
	ls := ParseLinkHeader(`<f>; rel=first, <p>; rel="previous", <n>; rel="next", <l>; rel="last"`)
	for name, get := range map[string]func() (string, bool){
		"f": ls.First, "p": ls.Prev, "n": ls.Next, "l": ls.Last,
	} {
		if u, ok := get(); !ok || u != name {
			t.Errorf("accessor for %q gave %q, %v", name, u, ok)
		}
	}
	if _, ok := Links(nil).Next(); ok {
		t.Error("no links, yet a next link")
	}
	if u, ok := ParseLinkHeader(`<p1>; rel="prev", <p2>; rel="previous"`).Prev(); !ok || u != "p1" {
		t.Errorf("Prev = %q, %v", u, ok)
	}
}

func FuzzParseLinkHeader(f *testing.F) {
	for _, s := range []string{
		`<https://x.test/?o=2>; rel="next", <https://x.test/?o=0>; rel="first"`,
		`<a>; rel=next; title="a\"b", <b>`,
		`<a`, `;;,,<>`, `<a>; rel="`, `"<a>"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		links := ParseLinkHeader(s)
		for _, l := range links {
			if !strings.Contains(s, l.URL) {
				t.Errorf("URL %q is not part of the input", l.URL)
			}
			for _, r := range l.Rel {
				if r == "" || r != strings.ToLower(r) {
					t.Errorf("bad relation %q", r)
				}
			}
		}
		// Parsing is deterministic.
		if again := ParseLinkHeader(s); !reflect.DeepEqual(links, again) {
			t.Errorf("two parses differ")
		}
	})
}
