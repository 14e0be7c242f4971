package thehive

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

const (
	benchTotal = 50000
	benchPage  = 1000
)

// benchServer answers V1 case queries with benchTotal cases from page
// bodies built once, so the server is not the bottleneck.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	pages := make([][]byte, benchTotal/benchPage)
	for p := range pages {
		var sb strings.Builder
		sb.WriteByte('[')
		for i := 0; i < benchPage; i++ {
			n := p*benchPage + i
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"_id":"~%d","_type":"Case","_createdBy":"analyst@soc.test","_updatedBy":"analyst@soc.test",`+
				`"_createdAt":1709294400000,"_updatedAt":1709298000000,"number":%d,"title":"Suspicious login %d",`+
				`"description":"User reported an unexpected MFA prompt while travelling; investigating source address.",`+
				`"severity":2,"severityLabel":"MEDIUM","startDate":1709294400000,"endDate":null,"tags":["mfa","login"],`+
				`"flag":false,"tlp":2,"tlpLabel":"AMBER","pap":2,"papLabel":"AMBER","status":"InProgress","stage":"InProgress",`+
				`"assignee":"analyst@soc.test","summary":"","impactStatus":null,`+
				`"customFields":[{"_id":"~c1","name":"source","type":"string","value":"idp","order":0},`+
				`{"_id":"~c2","name":"hits","type":"integer","value":%d,"order":1}],"extraData":{}}`, n, n, n, n)
		}
		sb.WriteByte(']')
		pages[p] = []byte(sb.String())
	}
	total := strconv.Itoa(benchTotal)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Query []struct {
				Name string `json:"_name"`
				From int    `json:"from"`
			} `json:"query"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || len(body.Query) == 0 {
			http.Error(w, "bad query", http.StatusBadRequest)
			return
		}
		from := body.Query[len(body.Query)-1].From
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Total", total)
		if from/benchPage >= len(pages) {
			_, _ = w.Write([]byte(`[]`))
			return
		}
		_, _ = w.Write(pages[from/benchPage])
	}))
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

// baselineAll is the hand-written loop: one net/http request per page,
// encoding/json decoding, paging by the X-Total header.
func baselineAll(ctx context.Context, client *http.Client, base string) (int, error) {
	n := 0
	for from := 0; ; from += benchPage {
		body, _ := json.Marshal(map[string]any{"query": []map[string]any{
			{"_name": "listCase"},
			{"_name": "page", "from": from, "to": from + benchPage, "extraData": []string{"total"}},
		}})
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/query", bytes.NewReader(body))
		if err != nil {
			return n, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer key")
		resp, err := client.Do(req)
		if err != nil {
			return n, err
		}
		var page []baselineCase
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return n, err
		}
		n += len(page)
		total, _ := strconv.Atoi(resp.Header.Get("X-Total"))
		if len(page) == 0 || from+benchPage >= total {
			return n, nil
		}
	}
}

// BenchmarkAllCases iterates 50,000 cases, 1,000 per page, with the
// client's All; BenchmarkAllCasesBaseline does the same with a
// hand-written loop. Compare ns/op of the two.
func BenchmarkAllCases(b *testing.B) {
	srv := benchServer(b)
	defer srv.Close()
	c, err := NewClient(srv.URL, WithAPIKey("key"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		for cs, err := range c.Cases.All(ctx, &SearchOptions{PageSize: benchPage}) {
			if err != nil {
				b.Fatal(err)
			}
			_ = cs
			n++
		}
		if n != benchTotal {
			b.Fatalf("got %d cases", n)
		}
	}
}

func BenchmarkAllCasesBaseline(b *testing.B) {
	srv := benchServer(b)
	defer srv.Close()
	client := &http.Client{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := baselineAll(ctx, client, srv.URL)
		if err != nil {
			b.Fatal(err)
		}
		if n != benchTotal {
			b.Fatalf("got %d cases", n)
		}
	}
}
