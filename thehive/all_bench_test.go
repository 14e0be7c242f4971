package thehive

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/incidentkit/incidentkit/internal/benchkit"
)

const (
	benchTotal = 50000
	benchPage  = 1000
)

// benchPages are benchTotal cases in TheHive 5's JSON, benchPage to a
// page. They are rendered on first use, so that test runs do not pay for
// them.
var benchPages = benchkit.LazyPages(benchTotal, benchPage, "[", "]", func(b *bytes.Buffer, n int) {
	fmt.Fprintf(b, `{"_id":"~%d","_type":"Case","_createdBy":"analyst@soc.test","_updatedBy":"analyst@soc.test",`+
		`"_createdAt":1709294400000,"_updatedAt":1709298000000,"number":%d,"title":"Suspicious login %d",`+
		`"description":"User reported an unexpected MFA prompt while travelling; investigating source address.",`+
		`"severity":2,"severityLabel":"MEDIUM","startDate":1709294400000,"endDate":null,"tags":["mfa","login"],`+
		`"flag":false,"tlp":2,"tlpLabel":"AMBER","pap":2,"papLabel":"AMBER","status":"InProgress","stage":"InProgress",`+
		`"assignee":"analyst@soc.test","summary":"","impactStatus":null,`+
		`"customFields":[{"_id":"~c1","name":"source","type":"string","value":"idp","order":0},`+
		`{"_id":"~c2","name":"hits","type":"integer","value":%d,"order":1}],"extraData":{}}`, n, n, n, n)
})

// queryOffset reads the offset of a TheHive 5 case listing: a POST to
// /api/v1/query whose body starts with the listCase step and ends with a
// page step asking for benchPage cases from "from" to "to". Any other
// request is an error, which the listing server answers with 400.
func queryOffset(r *http.Request) (int, error) {
	if r.Method != http.MethodPost || r.URL.Path != "/api/v1/query" {
		return 0, fmt.Errorf("%s %s is not a V1 query", r.Method, r.URL.Path)
	}
	var body struct {
		Query []struct {
			Name string `json:"_name"`
			From *int   `json:"from"`
			To   *int   `json:"to"`
		} `json:"query"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return 0, err
	}
	q := body.Query
	if len(q) < 2 || q[0].Name != "listCase" {
		return 0, fmt.Errorf("query %+v does not list cases", q)
	}
	page := q[len(q)-1]
	if page.Name != "page" || page.From == nil || page.To == nil || *page.To-*page.From != benchPage {
		return 0, fmt.Errorf("query does not end with a page step of %d cases", benchPage)
	}
	return *page.From, nil
}

// baselineCase is what a hand-written loop would decode into.
type baselineCase struct {
	ID           string   `json:"_id"`
	Type         string   `json:"_type"`
	CreatedBy    string   `json:"_createdBy"`
	UpdatedBy    string   `json:"_updatedBy"`
	CreatedAt    int64    `json:"_createdAt"`
	UpdatedAt    int64    `json:"_updatedAt"`
	Number       int      `json:"number"`
	Title        string   `json:"title"`
	Description  string   `json:"description"`
	Severity     int      `json:"severity"`
	StartDate    int64    `json:"startDate"`
	EndDate      *int64   `json:"endDate"`
	Tags         []string `json:"tags"`
	Flag         bool     `json:"flag"`
	TLP          int      `json:"tlp"`
	TLPLabel     string   `json:"tlpLabel"`
	PAP          int      `json:"pap"`
	Status       string   `json:"status"`
	Stage        string   `json:"stage"`
	Assignee     string   `json:"assignee"`
	Summary      string   `json:"summary"`
	ImpactStatus *string  `json:"impactStatus"`
	CustomFields []struct {
		Name  string          `json:"name"`
		Type  string          `json:"type"`
		Value json.RawMessage `json:"value"`
		Order int             `json:"order"`
	} `json:"customFields"`
	ExtraData json.RawMessage `json:"extraData"`
}

// listSide is one side of the comparison: given the server's URL and
// client it prepares what every run shares and returns one run, which
// reports how many cases it listed.
type listSide func(url string, hc *http.Client) (list func(context.Context) (int, error), err error)

// baselineSide is the hand-written loop: net/http and encoding/json, one
// V1 query per page, paging until the X-Total header is reached. Every
// body is drained and closed, so the loop keeps one connection.
func baselineSide(base string, hc *http.Client) (func(context.Context) (int, error), error) {
	return func(ctx context.Context) (int, error) {
		return benchkit.ListByOffset(func(from int) (int, bool, error) {
			body, err := json.Marshal(map[string]any{"query": []map[string]any{
				{"_name": "listCase"},
				{"_name": "page", "from": from, "to": from + benchPage, "extraData": []string{"total"}},
			}})
			if err != nil {
				return 0, false, err
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/query", bytes.NewReader(body))
			if err != nil {
				return 0, false, err
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer key")
			var page []baselineCase
			header, err := benchkit.DecodeJSON(hc, req, &page)
			if err != nil {
				return 0, false, err
			}
			total, _ := strconv.Atoi(header.Get("X-Total"))
			return len(page), from+len(page) < total, nil
		})
	}, nil
}

// casesSide lists with Cases.All.
func casesSide(url string, hc *http.Client) (func(context.Context) (int, error), error) {
	c, err := NewClient(url, WithAPIKey("key"), WithHTTPClient(hc))
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (int, error) {
		n := 0
		for _, err := range c.Cases.All(ctx, &ListOptions{PageSize: benchPage}) {
			if err != nil {
				return n, err
			}
			n++
		}
		return n, nil
	}, nil
}

// benchList times side against a listing server of its own; every run
// must list benchTotal cases in benchTotal/benchPage requests. Afterwards
// it reports the connections the side opened as "conns", and fails unless
// that is one: a side that reconnects for every page would be measuring
// the dialling.
func benchList(b *testing.B, side listSide) {
	srv := benchkit.ServeListing(b, benchkit.Listing{
		Pages:    benchPages(),
		PageSize: benchPage,
		Offset:   queryOffset,
		Header:   http.Header{"X-Total": {strconv.Itoa(benchTotal)}},
	})
	list, err := side(srv.URL, srv.Client())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n, err := list(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if n != benchTotal {
			b.Fatalf("listed %d cases, want %d", n, benchTotal)
		}
	}
	b.ReportMetric(float64(srv.Conns()), "conns")
	if want := int64(b.N) * benchTotal / benchPage; srv.Requests() != want || srv.Conns() != 1 {
		b.Fatalf("%d requests over %d connections, want %d over one", srv.Requests(), srv.Conns(), want)
	}
}

// BenchmarkAllCases lists 50,000 cases, 1,000 per page, with Cases.All
// (V1); BenchmarkAllCasesBaseline does the same with a hand-written
// net/http and encoding/json loop. Compare the two.
func BenchmarkAllCases(b *testing.B) { benchList(b, casesSide) }

// BenchmarkAllCasesBaseline is the hand-written side of BenchmarkAllCases.
func BenchmarkAllCasesBaseline(b *testing.B) { benchList(b, baselineSide) }
