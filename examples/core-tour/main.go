// Command core-tour shows what the HTTP core shared by incidentkit's
// clients does when a ticketing API misbehaves. It starts the in-memory
// ServiceNow fake (servicenowtest), tells it to answer 503 and 429 with
// Retry-After, fail a create with a 500 and serve an HTML page where JSON
// belongs, and walks through each case with the ordinary servicenow client.
// The other clients share the same core and behave the same way.
//
//	go run ./examples/core-tour        # the tour
//	go run ./examples/core-tour -v     # with one log record per attempt
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

func main() {
	verbose := flag.Bool("v", false, "log every HTTP attempt to stderr")
	timeout := flag.Duration("timeout", time.Minute, "give up after this `duration`")
	flag.Parse()
	var logger *slog.Logger
	if *verbose {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	if err := run(ctx, os.Stdout, logger); err != nil {
		fmt.Fprintln(os.Stderr, "core-tour:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, logger *slog.Logger) error {
	srv := servicenowtest.New()
	defer srv.Close()
	for i := 1; i <= 7; i++ {
		srv.Seed("incident", servicenowtest.Record{
			"short_description": fmt.Sprintf("Seeded incident %d", i), "urgency": "2", "impact": "2",
		})
	}
	c, err := servicenow.NewClient(srv.URL(),
		servicenow.WithBasicAuth("admin", "admin"),
		servicenow.WithLogger(logger),
		servicenow.WithRetryWait(10*time.Millisecond, 200*time.Millisecond), // Retry-After is clamped to 200ms
		servicenow.WithRateLimit(50, 5),
	)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "incidentkit core tour — an in-memory ServiceNow that misbehaves on purpose")

	// 1. Paging: the first page answers 503 + Retry-After once; the pages
	// are followed through their Link rel="next" headers.
	list := servicenowtest.Path("GET", "/api/now/table/incident")
	srv.Fail(1, http.StatusServiceUnavailable, time.Second, list)
	var numbers []string
	opts := &servicenow.ListOptions{Query: encodedquery.And().OrderBy("number"), PageSize: 3}
	for inc, err := range c.Incidents.All(ctx, opts) {
		if err != nil {
			return fmt.Errorf("listing incidents: %w", err)
		}
		numbers = append(numbers, inc.Number)
	}
	fmt.Fprintf(w, "1. list:   %d incidents over %d requests %v (the first page was answered 503 + Retry-After and read again)\n",
		len(numbers), srv.CountRequests("GET", "/api/now/table/incident"), numbers)

	// 2. A create answered 429 is sent again after the wait: the server
	// provably did not act on it.
	creates := servicenowtest.Path("POST", "/api/now/table/incident")
	srv.Fail(1, http.StatusTooManyRequests, time.Second, creates)
	before := len(srv.Records("incident"))
	inc, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: incidentkit.Ptr("Phishing campaign against finance"),
	})
	if err != nil {
		return fmt.Errorf("creating an incident: %w", err)
	}
	fmt.Fprintf(w, "2. create: %s created after %d attempts (429 first); the instance stored %d new incident\n",
		inc.Number, srv.CountRequests("POST", "/api/now/table/incident"), len(srv.Records("incident"))-before)

	// 3. A create answered 500 is never repeated: the server may have
	// stored it, and a second incident would be a duplicate.
	srv.Fail(1, http.StatusInternalServerError, 0, creates)
	sent := srv.CountRequests("POST", "/api/now/table/incident")
	_, err = c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: incidentkit.Ptr("Malware beacon on host-17"),
	})
	var apiErr *incidentkit.Error
	if !errors.As(err, &apiErr) {
		return fmt.Errorf("expected an API error, got %w", err)
	}
	fmt.Fprintf(w, "3. create: %d %q, sent %d time(s), not repeated\n",
		apiErr.StatusCode, apiErr.Message, srv.CountRequests("POST", "/api/now/table/incident")-sent)

	// 4. A hostile ID stays one path segment: "../admin" cannot reach
	// another endpoint. The 404 is a typed error.
	_, err = c.Incidents.Get(ctx, "../admin", nil)
	reqs := srv.Requests()
	fmt.Fprintf(w, "4. get:    sys_id \"../admin\" requested as %s → errors.Is(err, servicenow.ErrNotFound) = %v\n",
		reqs[len(reqs)-1].RawPath, errors.Is(err, servicenow.ErrNotFound))

	// 5. An HTML page where JSON belongs becomes a readable error, not
	// "invalid character '<'".
	srv.Inject(1, incidentkittest.Fault{Status: http.StatusOK, HTML: true, Match: list})
	_, err = c.Incidents.Get(ctx, inc.SysID, nil)
	var bodyErr *incidentkit.BodyError
	if !errors.As(err, &bodyErr) {
		return fmt.Errorf("expected a body error, got %w", err)
	}
	fmt.Fprintf(w, "5. get:    %d answer that is an HTML page, not JSON: %q\n", bodyErr.StatusCode, bodyErr.Summary)

	// 6. Bad input is refused before anything is sent.
	_, err = c.Incidents.Get(ctx, "", nil)
	fmt.Fprintf(w, "6. get:    empty sys_id → %v (errors.Is(err, servicenow.ErrInvalidInput) = %v)\n",
		err, errors.Is(err, servicenow.ErrInvalidInput))
	return nil
}
