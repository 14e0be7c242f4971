package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// node is an element of a parsed page.
type node struct {
	name string
	attr map[string]string
	kids []*node
	text string // the text directly inside the element
}

// parseXHTML parses page as strict XML, which the HTML report is written
// to be: every element closed, attributes quoted, no named entities.
func parseXHTML(t *testing.T, page []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	root := &node{name: "#document"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the HTML is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{name: tk.Name.Local, attr: map[string]string{}}
			for _, a := range tk.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += string(tk)
		}
	}
	if len(root.kids) != 1 || root.kids[0].name != "html" {
		t.Fatalf("the document's root is not one <html> element")
	}
	return root.kids[0]
}

// all returns the elements under n (n included) that match.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	if match(n) {
		out = append(out, n)
	}
	for _, k := range n.kids {
		out = append(out, k.all(match)...)
	}
	return out
}

// named matches elements by name.
func named(name string) func(*node) bool { return func(n *node) bool { return n.name == name } }

// hasClass reports whether n carries class c.
func (n *node) hasClass(c string) bool {
	return n.attr != nil && strings.Contains(" "+n.attr["class"]+" ", " "+c+" ")
}

// title is the text of n's <title> child, or "".
func (n *node) title() string {
	for _, k := range n.kids {
		if k.name == "title" {
			return strings.TrimSpace(k.text)
		}
	}
	return ""
}

// num reads a numeric attribute.
func (n *node) num(t *testing.T, attr string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.attr[attr], 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.name, attr, n.attr[attr], err)
	}
	return v
}

// jsonData is the part of the JSON report the HTML test checks against.
type jsonData struct {
	AsOf      time.Time `json:"as_of"`
	Incidents []struct {
		Number      string    `json:"number"`
		OpenedAt    time.Time `json:"opened_at"`
		Response    string    `json:"response"`
		Resolution  string    `json:"resolution"`
		UsedPercent *float64  `json:"used_percent"`
	} `json:"incidents"`
	Priorities []struct {
		Priority string `json:"priority"`
		AtRisk   int    `json:"at_risk"`
		Breached int    `json:"breached"`
	} `json:"priorities"`
	Weeks []struct {
		Week                 string
		Response, Resolution struct {
			Met, Breached int
			MetPercent    *float64 `json:"met_percent"`
		}
	} `json:"weeks"`
}

// TestHTML checks that the page is well-formed, self-contained and
// accessible, and that its charts and table show the same data as the
// JSON output of the same run.
func TestHTML(t *testing.T) {
	page := parseXHTML(t, []byte(runReport(t, "-format", "html")))
	var data jsonData
	if err := json.Unmarshal([]byte(runReport(t, "-format", "json")), &data); err != nil {
		t.Fatal(err)
	}

	t.Run("self-contained", func(t *testing.T) {
		for _, n := range page.all(func(*node) bool { return true }) {
			switch n.name {
			case "script", "link", "img", "iframe", "object", "embed":
				t.Errorf("the page has a <%s> element", n.name)
			}
			for _, a := range []string{"href", "src", "srcset"} {
				if v, ok := n.attr[a]; ok {
					t.Errorf("<%s %s=%q> loads a resource", n.name, a, v)
				}
			}
		}
		for _, s := range page.all(named("style")) {
			if strings.Contains(s.text, "url(") || strings.Contains(s.text, "@import") {
				t.Error("the style sheet loads a resource")
			}
		}
	})

	charts := map[string]*node{}
	t.Run("accessible", func(t *testing.T) {
		for _, svg := range page.all(named("svg")) {
			id := svg.attr["id"]
			charts[id] = svg
			if len(svg.kids) == 0 || svg.kids[0].name != "title" || strings.TrimSpace(svg.kids[0].text) == "" {
				t.Errorf("svg %q does not start with a <title>", id)
			}
			if svg.attr["role"] != "img" || svg.attr["aria-labelledby"] == "" {
				t.Errorf("svg %q has no role=img and aria-labelledby", id)
			}
			for _, bar := range svg.all(func(n *node) bool { return n.hasClass("bar") }) {
				if bar.title() == "" {
					t.Errorf("a bar of %q has no <title>", id)
				}
			}
		}
		for _, id := range []string{"chart-priority", "chart-time-left", "chart-age", "chart-weeks"} {
			if charts[id] == nil {
				t.Errorf("no chart %q", id)
			}
		}
	})

	t.Run("priority bars", func(t *testing.T) {
		var want []float64
		var tips []string
		for _, p := range data.Priorities {
			want = append(want, float64(p.Breached), float64(p.AtRisk))
			tips = append(tips, fmt.Sprintf("%s: %s breached", p.Priority, incidents(p.Breached)),
				fmt.Sprintf("%s: %s at risk", p.Priority, incidents(p.AtRisk)))
		}
		checkColumns(t, charts["chart-priority"], want, tips)
	})

	t.Run("age histogram", func(t *testing.T) {
		bounds := []time.Duration{time.Hour, 4 * time.Hour, 8 * time.Hour, 24 * time.Hour, 72 * time.Hour, 168 * time.Hour}
		want := make([]float64, len(bounds)+1)
		for _, in := range data.Incidents {
			age, i := data.AsOf.Sub(in.OpenedAt), 0
			for i < len(bounds) && age >= bounds[i] {
				i++
			}
			want[i]++
		}
		tips := make([]string, len(want))
		for i, n := range want {
			tips[i] = incidents(int(n))
		}
		checkColumns(t, charts["chart-age"], want, tips)
	})

	t.Run("weekly met rates", func(t *testing.T) {
		var want []float64
		var tips, weeks []string
		for _, w := range data.Weeks {
			for _, o := range []struct {
				kind          string
				met, breached int
				pct           *float64
			}{
				{"response", w.Response.Met, w.Response.Breached, w.Response.MetPercent},
				{"resolution", w.Resolution.Met, w.Resolution.Breached, w.Resolution.MetPercent},
			} {
				if o.pct != nil {
					want = append(want, *o.pct)
					tips = append(tips, fmt.Sprintf("%s: %d of %d met", o.kind, o.met, o.met+o.breached))
					weeks = append(weeks, w.Week)
				}
			}
		}
		if len(want) < 2*6 {
			t.Errorf("only %d weekly bars: the seeded history should fill most weeks", len(want))
		}
		checkColumns(t, charts["chart-weeks"], want, tips)
		for i, bar := range charts["chart-weeks"].all(func(n *node) bool { return n.hasClass("bar") }) {
			if !strings.HasPrefix(bar.title(), weeks[i]+" ") {
				t.Errorf("bar %d is titled %q, want week %s", i, bar.title(), weeks[i])
			}
		}
	})

	t.Run("time left against target", func(t *testing.T) {
		svg := charts["chart-time-left"]
		bars := svg.all(func(n *node) bool { return n.hasClass("bar") })
		targets := svg.all(func(n *node) bool { return n.hasClass("target") })
		var want []string
		var used []float64
		var states []string
		for _, in := range data.Incidents {
			if in.UsedPercent != nil {
				want = append(want, in.Number)
				used = append(used, *in.UsedPercent)
				states = append(states, strings.ReplaceAll(in.Resolution, " ", "-"))
			}
		}
		if len(bars) != len(want) || len(targets) != len(want) {
			t.Fatalf("%d bars and %d targets, want one each per incident with a target (%d)", len(bars), len(targets), len(want))
		}
		overruns := 0
		for i, bar := range bars {
			target := targets[i]
			if !strings.HasPrefix(bar.title(), want[i]+" ") {
				t.Errorf("bar %d is titled %q, want incident %s", i, bar.title(), want[i])
			}
			if !bar.hasClass(states[i]) {
				t.Errorf("bar of %s has class %q, want %q", want[i], bar.attr["class"], states[i])
			}
			if bar.num(t, "x") != target.num(t, "x") {
				t.Errorf("bar of %s does not start where its target does", want[i])
			}
			got := 100 * bar.num(t, "width") / target.num(t, "width")
			if math.Abs(got-used[i]) > 0.5 {
				t.Errorf("bar of %s is %.1f%% of its target's width, want %.1f%%", want[i], got, used[i])
			}
			if used[i] > 100 {
				overruns++
				if bar.num(t, "width") <= target.num(t, "width") {
					t.Errorf("the overrun of %s does not pass the target", want[i])
				}
			}
		}
		if overruns == 0 {
			t.Error("the default run should show an overrun")
		}
	})

	t.Run("table", func(t *testing.T) {
		rows := page.all(named("tbody"))[0].all(named("tr"))
		if len(rows) != len(data.Incidents) {
			t.Fatalf("%d table rows, want %d", len(rows), len(data.Incidents))
		}
		for i, tr := range rows {
			in := data.Incidents[i]
			if got := strings.TrimSpace(tr.kids[0].text); got != in.Number {
				t.Errorf("row %d is %s, want %s", i, got, in.Number)
			}
			var badges []string
			for _, b := range tr.all(func(n *node) bool { return n.hasClass("badge") }) {
				badges = append(badges, b.text)
			}
			if want := []string{in.Response, in.Resolution}; fmt.Sprint(badges) != fmt.Sprint(want) {
				t.Errorf("%s shows %q, want %q as in the JSON", in.Number, badges, want)
			}
		}
	})
}

// checkColumns checks a vertical bar chart against the values it should
// show: one bar per value in order, all standing on one baseline, each
// bar's height in the same proportion to its value, and each bar's
// tooltip holding its text from tips.
func checkColumns(t *testing.T, svg *node, want []float64, tips []string) {
	t.Helper()
	if svg == nil {
		t.Fatal("no such chart")
	}
	bars := svg.all(func(n *node) bool { return n.hasClass("bar") })
	if len(bars) != len(want) {
		t.Fatalf("%d bars, want %d", len(bars), len(want))
	}
	scale, base := 0.0, 0.0
	for i, bar := range bars {
		h, bottom := bar.num(t, "height"), bar.num(t, "y")+bar.num(t, "height")
		if i == 0 {
			base = bottom
		} else if math.Abs(bottom-base) > 0.15 {
			t.Errorf("bar %d stands at %.1f, not on the baseline %.1f", i, bottom, base)
		}
		if want[i] == 0 {
			if h != 0 {
				t.Errorf("bar %d has height %.1f for the value 0", i, h)
			}
		} else if scale == 0 {
			scale = h / want[i]
		} else if math.Abs(h-want[i]*scale) > 0.15 {
			t.Errorf("bar %d: height %.1f for %v, want %.1f (%.3f px per unit)", i, h, want[i], want[i]*scale, scale)
		}
		if !strings.Contains(bar.title(), tips[i]) {
			t.Errorf("bar %d is titled %q, want it to say %q", i, bar.title(), tips[i])
		}
	}
	if scale <= 0 {
		t.Error("no bar has a height")
	}
}

// An instance with no incidents gives an empty report in every format,
// and a page that is still well-formed with every chart present.
func TestEmptyInstance(t *testing.T) {
	srv := servicenowtest.New()
	defer srv.Close()
	cfg := config{instance: srv.URL(), user: "admin", password: "admin"}
	for _, tc := range []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"table", func(t *testing.T, out string) {
			if !strings.Contains(out, "(none)") {
				t.Errorf("the table does not say it is empty:\n%s", out)
			}
		}},
		{"json", func(t *testing.T, out string) {
			if !strings.Contains(out, `"incidents": [],`) {
				t.Errorf("the JSON has no empty incident list:\n%s", out)
			}
		}},
		{"csv", func(t *testing.T, out string) {
			if strings.Count(out, "\n") != 1 {
				t.Errorf("the CSV is not only its header:\n%s", out)
			}
		}},
		{"html", func(t *testing.T, out string) {
			page := parseXHTML(t, []byte(out))
			if n := len(page.all(named("svg"))); n != 4 {
				t.Errorf("%d charts, want 4", n)
			}
			if n := len(page.all(func(n *node) bool { return n.hasClass("bar") })); n != 0 {
				t.Errorf("%d bars in an empty report", n)
			}
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := cli(context.Background(), []string{"-now", asOf, "-format", tc.format}, &stdout, &stderr, cfg); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr = %q, want nothing for a configured instance", stderr.String())
			}
			tc.check(t, stdout.String())
		})
	}
}

// Text from the instance is escaped: markup in a description or a group
// name reads as text, and the page stays well-formed.
func TestHTMLEscapesRecordText(t *testing.T) {
	now, err := time.Parse(time.RFC3339, asOf)
	if err != nil {
		t.Fatal(err)
	}
	srv := servicenowtest.New(servicenowtest.WithClock(func() time.Time { return now }))
	defer srv.Close()
	const desc = `<script>alert("x")</script> & ]]> 'quoted' &amp;`
	group := srv.Seed("sys_user_group", servicenowtest.Record{"name": "R&D <lab>"})[0]
	srv.Seed("incident", servicenowtest.Record{"short_description": desc, "impact": "1", "urgency": "1", "state": "2",
		"opened_at": now.Add(-time.Hour).Format("2006-01-02 15:04:05"), "assignment_group": group})
	cfg := config{instance: srv.URL(), user: "admin", password: "admin"}
	var stdout, stderr bytes.Buffer
	if code := cli(context.Background(), []string{"-now", asOf, "-format", "html"}, &stdout, &stderr, cfg); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	page := parseXHTML(t, stdout.Bytes())
	if n := len(page.all(named("script"))); n != 0 {
		t.Errorf("%d <script> elements", n)
	}
	var texts []string
	for _, td := range page.all(named("td")) {
		texts = append(texts, td.text)
	}
	for _, want := range []string{desc, "R&D <lab>"} {
		if !strings.Contains(strings.Join(texts, "\n"), want) {
			t.Errorf("no cell reads %q; cells: %q", want, texts)
		}
	}
}
