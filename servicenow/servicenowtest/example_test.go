package servicenowtest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// newClient points a servicenow client at the fake with its default basic
// auth credentials, and short retry waits so that a test with faults stays
// fast.
func newClient(srv *servicenowtest.Server) *servicenow.Client {
	c, err := servicenow.NewClient(srv.URL(),
		servicenow.WithBasicAuth("admin", "admin"),
		servicenow.WithRetryWait(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		panic(err)
	}
	return c
}

// A create is sent again only where ServiceNow provably did not act: after
// a 503 with Retry-After it is, after a 500 it is not. Either way the
// instance holds one incident per call that succeeded.
func ExampleServer_Fail() {
	srv := servicenowtest.New()
	defer srv.Close()
	c := newClient(srv)
	ctx := context.Background()
	creates := servicenowtest.Path("POST", "/api/now/table/incident")

	srv.Fail(1, http.StatusServiceUnavailable, time.Second, creates)
	in, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: incidentkit.Ptr("Phishing mail reported"),
	})
	if err != nil {
		panic(err)
	}
	sent := srv.CountRequests("POST", "/api/now/table/incident")
	fmt.Println(in.Number, "after", sent, "attempts")

	srv.Fail(1, http.StatusInternalServerError, 0, creates)
	_, err = c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: incidentkit.Ptr("Malware on a laptop"),
	})
	fmt.Println(errors.Is(err, servicenow.ErrServer), "after", srv.CountRequests("POST", "/api/now/table/incident")-sent, "attempt")
	fmt.Println("incidents stored:", len(srv.Records("incident")))
	// Output:
	// INC0010001 after 2 attempts
	// true after 1 attempt
	// incidents stored: 1
}

// A dropped connection is a connection error; a read is sent again.
// Requests shows every attempt as it arrived.
func ExampleServer_Drop() {
	srv := servicenowtest.New()
	defer srv.Close()
	c := newClient(srv)
	ids := srv.Seed("incident", servicenowtest.Record{"short_description": "Impossible travel"})

	srv.Drop(1, servicenowtest.Path("GET", ""))
	in, err := c.Incidents.Get(context.Background(), ids[0], nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(in.Number, in.ShortDescription)
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, strings.HasPrefix(r.Header.Get("Authorization"), "Basic "))
	}
	// Output:
	// INC0010001 Impossible travel
	// GET /api/now/table/incident/000000000000000000000000fa4e0001 true
	// GET /api/now/table/incident/000000000000000000000000fa4e0001 true
}
