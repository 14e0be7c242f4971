package servicenow

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"net/http"
	"runtime"
	"strconv"
	"testing"

	"github.com/incidentkit/incidentkit/internal/benchkit"
)

const (
	benchTotal = 100000
	benchPage  = 1000
)

// benchPages are the listing's page bodies: benchTotal incidents of about
// 60 string fields, benchPage to a page. They are rendered on first use,
// so that test runs and peak-memory child processes do not pay for them.
var benchPages = benchkit.LazyPages(benchTotal, benchPage, `{"result":[`, `]}`, func(b *bytes.Buffer, n int) {
	fmt.Fprintf(b, `{"sys_id":"%032x","number":"INC%07d","short_description":"Suspicious login from new device %d",`+
		`"description":"User reported an unexpected MFA prompt while travelling; investigating source address.",`+
		`"state":"2","impact":"2","urgency":"1","priority":"2","category":"security","subcategory":"phishing",`+
		`"hold_reason":"","close_code":"","close_notes":"","assignment_group":"d625dccec0a8016700a222a0f7900d06",`+
		`"assigned_to":"5137153cc611227c000bbd1bd8cd2005","caller_id":"681ccaf9c0a8016400b98a06818d57c7",`+
		`"opened_at":"2026-01-02 03:04:05","resolved_at":"","closed_at":"","sys_created_on":"2026-01-02 03:04:05",`+
		`"sys_updated_on":"2026-01-03 04:05:06"`, n, n, n)
	for f := 0; f < 40; f++ {
		fmt.Fprintf(b, `,"u_field_%02d":"value %d of a custom field"`, f, f)
	}
	b.WriteByte('}')
})

// serveIncidents serves benchPages the way the Table API pages the
// incident table: by sysparm_offset, with X-Total-Count.
func serveIncidents(b *testing.B) *benchkit.Server {
	return benchkit.ServeListing(b, benchkit.Listing{
		Pages:    benchPages(),
		PageSize: benchPage,
		Offset:   benchkit.QueryOffset("sysparm_offset"),
		Empty:    []byte(`{"result":[]}`),
		Header:   http.Header{"X-Total-Count": {strconv.Itoa(benchTotal)}},
	})
}

// baselineIncident is what a hand-written loop would decode into; the
// Table[T] benchmark uses it as the caller's record struct.
type baselineIncident struct {
	SysID            string `json:"sys_id"`
	Number           string `json:"number"`
	ShortDescription string `json:"short_description"`
	Description      string `json:"description"`
	State            string `json:"state"`
	Impact           string `json:"impact"`
	Urgency          string `json:"urgency"`
	Priority         string `json:"priority"`
	Category         string `json:"category"`
	Subcategory      string `json:"subcategory"`
	HoldReason       string `json:"hold_reason"`
	CloseCode        string `json:"close_code"`
	CloseNotes       string `json:"close_notes"`
	AssignmentGroup  string `json:"assignment_group"`
	AssignedTo       string `json:"assigned_to"`
	Caller           string `json:"caller_id"`
	OpenedAt         string `json:"opened_at"`
	ResolvedAt       string `json:"resolved_at"`
	ClosedAt         string `json:"closed_at"`
	CreatedOn        string `json:"sys_created_on"`
	UpdatedOn        string `json:"sys_updated_on"`
}

// listSide is one side of a listing comparison: given the server's URL
// and client it prepares what every run shares (a client, say) and returns
// one run, which lists every incident.
type listSide func(url string, hc *http.Client) (run func(context.Context) error, err error)

// baselineSide is the hand-written loop: net/http and encoding/json, one
// request per page, paging by offset until X-Total-Count is reached. Every
// body is drained and closed, so the loop keeps one connection.
func baselineSide(base string, hc *http.Client) (func(context.Context) error, error) {
	return func(ctx context.Context) error {
		return listed(benchkit.ListByOffset(func(off int) (int, bool, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet,
				base+"/api/now/table/incident?sysparm_query=ORDERBYsys_id&sysparm_limit=1000&sysparm_offset="+strconv.Itoa(off), nil)
			if err != nil {
				return 0, false, err
			}
			req.SetBasicAuth("admin", "secret")
			req.Header.Set("Accept", "application/json")
			var env struct {
				Result []baselineIncident `json:"result"`
			}
			header, err := benchkit.DecodeJSON(hc, req, &env)
			if err != nil {
				return 0, false, err
			}
			total, _ := strconv.Atoi(header.Get("X-Total-Count"))
			return len(env.Result), off+len(env.Result) < total, nil
		}))
	}, nil
}

// incidentsSide lists with Incidents.All.
func incidentsSide(url string, hc *http.Client) (func(context.Context) error, error) {
	c, err := newBenchClient(url, hc)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) error { return listed(countAll(c.Incidents.All(ctx, nil))) }, nil
}

// tableSide lists with Table[T].All into the baseline's struct.
func tableSide(url string, hc *http.Client) (func(context.Context) error, error) {
	c, err := newBenchClient(url, hc)
	if err != nil {
		return nil, err
	}
	t := NewTable[baselineIncident](c, "incident")
	return func(ctx context.Context) error { return listed(countAll(t.All(ctx, nil))) }, nil
}

// newBenchClient returns a client of the benchmark server.
func newBenchClient(url string, hc *http.Client) (*Client, error) {
	return NewClient(url, WithBasicAuth("admin", "secret"), WithHTTPClient(hc))
}

// countAll ranges a listing to its end and returns how many records it
// yielded.
func countAll[T any](seq iter.Seq2[*T, error]) (int, error) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// listed is the outcome of a run that listed n records: err, or an error
// unless n is benchTotal.
func listed(n int, err error) error {
	if err == nil && n != benchTotal {
		err = fmt.Errorf("listed %d records, want %d", n, benchTotal)
	}
	return err
}

// benchList times side against a server of its own, which counts the
// connections the side opens: see benchkit.Server.Loop.
func benchList(b *testing.B, side listSide) {
	srv := serveIncidents(b)
	run, err := side(srv.URL, srv.Client())
	if err != nil {
		b.Fatal(err)
	}
	srv.Loop(b, run)
}

// BenchmarkAll lists 100,000 incidents with Incidents.All, whose records
// decode themselves in one pass over the page, beside the hand-written
// baseline.
func BenchmarkAll(b *testing.B) {
	b.Run("baseline", func(b *testing.B) { benchList(b, baselineSide) })
	b.Run("servicenow", func(b *testing.B) { benchList(b, incidentsSide) })
}

// BenchmarkTableAll lists the same incidents with Table[T].All into the
// caller's own struct (the baseline's), decoded by encoding/json, beside
// the hand-written baseline.
func BenchmarkTableAll(b *testing.B) {
	b.Run("baseline", func(b *testing.B) { benchList(b, baselineSide) })
	b.Run("servicenow", func(b *testing.B) { benchList(b, tableSide) })
}

// BenchmarkAllHeap reports heap in use after a GC at the 10th and the last
// page boundary; flat figures show that All holds one page at a time. The
// figures include the server's pre-rendered pages.
func BenchmarkAllHeap(b *testing.B) {
	srv := serveIncidents(b)
	c, err := newBenchClient(srv.URL, srv.Client())
	if err != nil {
		b.Fatal(err)
	}
	var early, late uint64
	for b.Loop() {
		n := 0
		for _, err := range c.Incidents.All(context.Background(), nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
			if n == 10*benchPage || n == benchTotal-1 {
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				if n == 10*benchPage {
					early = ms.HeapInuse
				} else {
					late = ms.HeapInuse
				}
			}
		}
	}
	b.ReportMetric(float64(early)/(1<<20), "heapMB@page10")
	b.ReportMetric(float64(late)/(1<<20), "heapMB@page100")
}
