package servicenow

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

const (
	benchTotal = 100000
	benchPage  = 1000
)

// benchServer serves benchTotal incidents of about 60 string fields from
// page bodies built once, so the server is not the bottleneck.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	pages := make([][]byte, benchTotal/benchPage)
	for p := range pages {
		var sb strings.Builder
		sb.WriteString(`{"result":[`)
		for i := 0; i < benchPage; i++ {
			n := p*benchPage + i
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"sys_id":"%032x","number":"INC%07d","short_description":"Suspicious login from new device %d",`+
				`"description":"User reported an unexpected MFA prompt while travelling; investigating source address.",`+
				`"state":"2","impact":"2","urgency":"1","priority":"2","category":"security","subcategory":"phishing",`+
				`"hold_reason":"","close_code":"","close_notes":"","assignment_group":"d625dccec0a8016700a222a0f7900d06",`+
				`"assigned_to":"5137153cc611227c000bbd1bd8cd2005","caller_id":"681ccaf9c0a8016400b98a06818d57c7",`+
				`"opened_at":"2026-01-02 03:04:05","resolved_at":"","closed_at":"","sys_created_on":"2026-01-02 03:04:05",`+
				`"sys_updated_on":"2026-01-03 04:05:06"`, n, n, n)
			for f := 0; f < 40; f++ {
				fmt.Fprintf(&sb, `,"u_field_%02d":"value %d of a custom field"`, f, f)
			}
			sb.WriteByte('}')
		}
		sb.WriteString(`]}`)
		pages[p] = []byte(sb.String())
	}
	total := strconv.Itoa(benchTotal)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		off, _ := strconv.Atoi(r.URL.Query().Get("sysparm_offset"))
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Total-Count", total)
		if off/benchPage >= len(pages) {
			_, _ = w.Write([]byte(`{"result":[]}`))
			return
		}
		_, _ = w.Write(pages[off/benchPage])
	}))
}

// baselineIncident is what a hand-written loop would decode into.
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

func BenchmarkAll(b *testing.B) {
	srv := benchServer(b)
	defer srv.Close()
	b.Run("baseline", func(b *testing.B) {
		hc := srv.Client()
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			for off := 0; ; off += benchPage {
				req, _ := http.NewRequest("GET", srv.URL+"/api/now/table/incident?sysparm_query=ORDERBYsys_id&sysparm_limit=1000&sysparm_offset="+strconv.Itoa(off), nil)
				req.SetBasicAuth("admin", "secret")
				req.Header.Set("Accept", "application/json")
				resp, err := hc.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				var env struct {
					Result []baselineIncident `json:"result"`
				}
				err = json.NewDecoder(resp.Body).Decode(&env)
				resp.Body.Close()
				if err != nil {
					b.Fatal(err)
				}
				n += len(env.Result)
				if len(env.Result) == 0 || off+benchPage >= benchTotal {
					break
				}
			}
			if n != benchTotal {
				b.Fatalf("got %d", n)
			}
		}
	})
	b.Run("servicenow", func(b *testing.B) {
		c, err := NewClient(srv.URL, WithBasicAuth("admin", "secret"), WithHTTPClient(srv.Client()))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			for _, err := range c.Incidents.All(context.Background(), nil) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != benchTotal {
				b.Fatalf("got %d", n)
			}
		}
	})
}

// BenchmarkAllHeap reports heap in use after a GC at the 10th and the last
// page boundary; flat figures show that All holds one page at a time.
func BenchmarkAllHeap(b *testing.B) {
	srv := benchServer(b)
	defer srv.Close()
	c, err := NewClient(srv.URL, WithBasicAuth("admin", "secret"), WithHTTPClient(srv.Client()))
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
