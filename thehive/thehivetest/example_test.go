package thehivetest_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// newClient points a thehive client at the fake, with short retry waits so
// that a test with faults stays fast.
func newClient(srv *thehivetest.Server) *thehive.Client {
	c, err := thehive.NewClient(srv.URL(),
		thehive.WithAPIKey(thehivetest.APIKey),
		thehive.WithRetryWait(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		panic(err)
	}
	return c
}

// A 429 answer means TheHive did not act, so the client sends the create
// again; the fake stores exactly one case.
func ExampleServer_Fail() {
	srv := thehivetest.New()
	defer srv.Close()
	c := newClient(srv)

	srv.Fail(1, http.StatusTooManyRequests, time.Second, thehivetest.Path("POST", "/api/v1/case"))
	created, err := c.Cases.Create(context.Background(), &thehive.CaseInput{
		Title:       "Phishing wave",
		Description: "Several users reported the same mail.",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(created.Number, created.Title)
	fmt.Println("attempts:", srv.CountRequests("POST", "/api/v1/case"))
	fmt.Println("cases stored:", len(srv.Cases()))
	// Output:
	// 1 Phishing wave
	// attempts: 2
	// cases stored: 1
}

// Inject covers what the shortcuts do not, such as the HTML page a proxy
// answers with; a read is safe to repeat, so the client sends it again.
func ExampleServer_Inject() {
	srv := thehivetest.New()
	defer srv.Close()
	c := newClient(srv)
	id := srv.AddCase(thehivetest.Case{Title: "Beaconing host", Description: "EDR saw periodic callbacks."})

	srv.Inject(1, incidentkittest.Fault{
		Status: http.StatusBadGateway,
		HTML:   true,
		Match:  thehivetest.Path("GET", "/api/v1/case/"),
	})
	got, err := c.Cases.Get(context.Background(), id)
	if err != nil {
		panic(err)
	}
	fmt.Println(got.Title)
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Header.Get("Authorization") == "Bearer "+thehivetest.APIKey)
	}
	// Output:
	// Beaconing host
	// GET /api/v1/case/~40968 true
	// GET /api/v1/case/~40968 true
}
