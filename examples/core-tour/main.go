// Command core-tour shows what the HTTP core shared by incidentkit's
// clients does when a ticketing API misbehaves. It starts a small ticket
// API on 127.0.0.1 that answers 503 and 429 with Retry-After, pages with
// Link headers, fails a create with a 500 and serves an HTML page where
// JSON belongs, then walks through each case.
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
	"os"
	"time"

	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
)

func main() {
	verbose := flag.Bool("v", false, "log every HTTP attempt to stderr")
	flag.Parse()
	var logger *slog.Logger
	if *verbose {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if err := run(context.Background(), os.Stdout, logger); err != nil {
		fmt.Fprintln(os.Stderr, "core-tour:", err)
		os.Exit(1)
	}
}

// ticket is what the demo API stores.
type ticket struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Priority int    `json:"priority"`
}

func run(ctx context.Context, w io.Writer, logger *slog.Logger) error {
	srv := newFlakyAPI()
	defer srv.Close()

	auth, err := transport.BearerToken("demo-token")
	if err != nil {
		return err
	}
	settings, err := transport.NewSettings(
		transport.WithAuth(auth),
		transport.WithLogger(logger),
		transport.WithRetryWait(10*time.Millisecond, 200*time.Millisecond), // Retry-After is clamped to 200ms
		transport.WithRateLimit(50, 5),
	)
	if err != nil {
		return err
	}
	settings.Service, settings.BaseURL = "demo", srv.URL
	client, err := transport.New(settings)
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "incidentkit core tour — a local ticket API that misbehaves on purpose")

	// 1. Paging: the first page answers 503 + Retry-After once; the pages
	// are followed through their Link rel="next" headers.
	pages := 0
	fetch := func(ctx context.Context, c paging.Cursor) (*paging.Page[ticket], error) {
		req := &transport.Request{Path: "/api/tickets", Query: map[string][]string{"limit": {"3"}}}
		if c.URL != "" {
			req = &transport.Request{URL: c.URL}
		}
		var body struct {
			Result []ticket `json:"result"`
		}
		resp, err := client.Do(ctx, req, &body)
		if err != nil {
			return nil, err
		}
		pages++
		page := &paging.Page[ticket]{Items: body.Result}
		if next, ok := paging.ParseLinkHeader(resp.Header.Values("Link")...).Next(); ok {
			page.Next = &paging.Cursor{URL: next}
		}
		return page, nil
	}
	var titles []string
	for t, err := range paging.Items(ctx, fetch, paging.Options{}) {
		if err != nil {
			return fmt.Errorf("listing tickets: %w", err)
		}
		titles = append(titles, t.ID)
	}
	fmt.Fprintf(w, "1. list:   %d tickets over %d pages %v (the first page was answered 503 + Retry-After and read again)\n", len(titles), pages, titles)

	// 2. A create answered 429 is sent again after the wait: the server
	// provably did not act on it.
	var created ticket
	resp, err := client.Do(ctx, &transport.Request{
		Method: "POST", Path: "/api/tickets",
		JSON: ticket{Title: "Phishing campaign against finance", Priority: 2},
	}, &created)
	if err != nil {
		return fmt.Errorf("creating a ticket: %w", err)
	}
	fmt.Fprintf(w, "2. create: %s created after %d attempts (429 first); the server stored %d new ticket\n",
		created.ID, resp.Attempts, srv.creates("Phishing campaign against finance"))

	// 3. A create answered 500 is never repeated: the server may have
	// stored it, and a second ticket would be a duplicate.
	_, err = client.Do(ctx, &transport.Request{
		Method: "POST", Path: "/api/tickets",
		JSON: ticket{Title: "Malware beacon on host-17", Priority: 1},
	}, nil)
	var apiErr *transport.Error
	if !errors.As(err, &apiErr) {
		return fmt.Errorf("expected an API error, got %v", err)
	}
	fmt.Fprintf(w, "3. create: %d %q, sent %d time(s), not repeated\n",
		apiErr.StatusCode, apiErr.Message, srv.attempts("Malware beacon on host-17"))

	// 4. A hostile ID stays one path segment: "../admin" cannot reach
	// another endpoint. The 404 is a typed error.
	_, err = client.Do(ctx, &transport.Request{Path: "/api/tickets/{}", Args: []string{"../admin"}}, &ticket{})
	fmt.Fprintf(w, "4. get:    ID \"../admin\" requested as %s → errors.Is(err, ErrNotFound) = %v\n",
		srv.lastPath(), errors.Is(err, transport.ErrNotFound))

	// 5. An HTML page where JSON belongs becomes a readable error, not
	// "invalid character '<'".
	_, err = client.Do(ctx, &transport.Request{Path: "/api/status"}, &struct{}{})
	var bodyErr *transport.BodyError
	if !errors.As(err, &bodyErr) {
		return fmt.Errorf("expected a body error, got %v", err)
	}
	fmt.Fprintf(w, "5. status: %d answer that is not JSON: %q\n", bodyErr.StatusCode, bodyErr.Summary)

	// 6. Bad input is refused before anything is sent.
	_, err = client.Do(ctx, &transport.Request{Path: "/api/tickets/{}", Args: []string{""}}, nil)
	fmt.Fprintf(w, "6. get:    empty ID → %v (errors.Is(err, ErrInvalidInput) = %v)\n", err, errors.Is(err, transport.ErrInvalidInput))
	return nil
}
