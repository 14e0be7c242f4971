package soak

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

var long = flag.Bool("soak.long", false, "run the long fault soak (12,000 operations)")

// opDeadline bounds every operation; a delayed answer outlasts it.
const opDeadline = 400 * time.Millisecond

// faults are the misbehaviours the soak draws from.
func faults() []incidentkittest.Fault {
	return []incidentkittest.Fault{
		{Status: http.StatusTooManyRequests, RetryAfter: time.Second},
		{Status: http.StatusBadGateway},
		{Status: http.StatusServiceUnavailable},
		{Status: http.StatusServiceUnavailable, RetryAfter: time.Second},
		{Status: http.StatusGatewayTimeout},
		{Status: http.StatusBadGateway, HTML: true},
		{Drop: true},     // connection reset before any answer
		{Truncate: true}, // the answer is cut mid-body: the write happened
		{Delay: 2 * opDeadline},
	}
}

// write is one non-idempotent operation and what the caller was told.
// An ensured write (a create through Ensure) that failed for any reason
// but its deadline must not have happened: Ensure reports no false
// failures.
type write struct {
	kind, token string
	ok          bool
	ensured     bool
	deadline    bool
}

// typed reports whether err is one of the SDK's error types or a context
// error: nothing untyped may reach the caller.
func typed(err error) bool {
	var (
		apiErr   *incidentkit.Error
		bodyErr  *incidentkit.BodyError
		reqErr   *incidentkit.RequestError
		inputErr *incidentkit.InputError
		partial  *thehive.PartialError
	)
	return errors.As(err, &apiErr) || errors.As(err, &bodyErr) || errors.As(err, &reqErr) || errors.As(err, &inputErr) ||
		errors.As(err, &partial) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

func TestFaultSoak(t *testing.T) {
	n := 300
	if *long {
		n = 12000
	}
	goroutines := runtime.NumGoroutine()
	w, err := newWorld(20 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	incident := w.sn.Seed("incident", servicenowtest.Record{"short_description": "soak target"})[0]
	hiveCase := w.th.AddCase(thehivetest.Case{Title: "soak target", Description: "d"})
	ticket := w.cy.AddTicket(cyderestest.Ticket{Escalated: true})

	rng := rand.New(rand.NewPCG(7, uint64(n)))
	kinds := faults()
	var writes []write
	errCount := map[string]int{}
	for i := range n {
		token := fmt.Sprintf("soak-%05d", i)
		op := rng.IntN(15)
		target := []func(int, incidentkittest.Fault){
			func(k int, f incidentkittest.Fault) { w.sn.Inject(k, f) },
			func(k int, f incidentkittest.Fault) { w.th.Inject(k, f) },
			func(k int, f incidentkittest.Fault) { w.cy.Inject(k, f) },
		}[op%3]
		if rng.Float64() < 0.35 {
			target(1+rng.IntN(2), kinds[rng.IntN(len(kinds))])
		}
		ctx, cancel := context.WithTimeout(context.Background(), opDeadline)
		start := time.Now()
		kind, err := run(ctx, w, op, token, incident, hiveCase, ticket)
		elapsed := time.Since(start)
		cancel()
		w.sn.ClearFaults()
		w.th.ClearFaults()
		w.cy.ClearFaults()
		if err != nil {
			errCount[errorKind(err)]++
			if !typed(err) {
				t.Errorf("op %d (%s): untyped error %T: %v", i, kind, err, err)
			}
		}
		if elapsed > opDeadline+time.Second { // slack for a loaded CI machine
			t.Errorf("op %d (%s) took %v, past its deadline", i, kind, elapsed)
		}
		if kind != "" && kind[0] == '!' {
			writes = append(writes, write{kind: kind[1:], token: token, ok: err == nil,
				ensured: strings.HasPrefix(kind, "!ensure"), deadline: errors.Is(err, context.DeadlineExceeded)})
		}
	}
	checkWrites(t, w, writes, incident, hiveCase, ticket)
	t.Logf("%d operations, %d writes; errors by type: %v", n, len(writes), errCount)

	w.close()
	if open := w.bodies.open.Load(); open != 0 {
		t.Errorf("%d response bodies were never closed", open)
	}
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > goroutines+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > goroutines+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left, %d before:\n%s", g, goroutines, buf[:runtime.Stack(buf, true)])
	}
}

// run performs operation op; a kind starting with "!" is a write whose
// token must be found at most once (exactly once when it succeeded).
func run(ctx context.Context, w *world, op int, token, incident, hiveCase, ticket string) (string, error) {
	switch op {
	case 0:
		_, _, err := w.snc.Incidents.Ensure(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr(token),
			CorrelationID: incidentkit.Set(token)})
		return "!ensure sn incident", err
	case 3:
		_, err := w.snc.Incidents.AddWorkNote(ctx, incident, token)
		return "!sn work note", err
	case 6:
		_, err := w.snc.Attachments.Upload(ctx, "incident", incident, incidentkit.Upload{
			Reader: bytes.NewReader(bytes.Repeat([]byte(token), 512)), FileName: token})
		return "!sn upload", err
	case 9:
		n := 0
		for _, err := range w.snc.Incidents.All(ctx, &servicenow.ListOptions{PageSize: 7, MaxItems: 30}) {
			if err != nil {
				return "sn list", err
			}
			n++
		}
		return "sn list", nil
	case 12:
		_, err := w.snc.Incidents.Get(ctx, incident, nil)
		return "sn get", err
	case 1:
		_, err := w.thc.Cases.Create(ctx, &thehive.CaseInput{Title: token, Description: "soak"})
		return "!th case", err
	case 4:
		_, err := w.thc.Observables.Create(ctx, hiveCase, &thehive.ObservableInput{DataType: "other", Data: []string{token}})
		return "!th observable", err
	case 7:
		_, err := w.thc.Comments.Create(ctx, hiveCase, &thehive.CommentInput{Message: token})
		return "!th comment", err
	case 10:
		_, err := w.thc.Cases.List(ctx, &thehive.ListOptions{Filter: filter.StartsWith("title", "soak"), PageSize: 20})
		return "th search", err
	case 13:
		_, err := w.thc.Cases.Get(ctx, hiveCase)
		return "th get", err
	case 2:
		_, err := w.cyc.Comments.Ensure(ctx, ticket, &cyderes.CommentInput{Author: "soak", Body: token}, token)
		return "!ensure cy comment", err
	case 11:
		_, _, err := w.thc.Alerts.Ensure(ctx, &thehive.AlertInput{Type: "soak", Source: "soak", SourceRef: token, Title: token,
			Description: "soak"})
		return "!ensure th alert", err
	case 5:
		err := w.cyc.Tickets.Close(ctx, ticket, token)
		return "!cy close", err
	case 8:
		_, err := w.cyc.ServiceRequests.Create(ctx, &cyderes.ServiceRequestInput{Name: "soak", ShortDescription: token})
		return "!cy service request", err
	}
	_, err := w.cyc.Tickets.List(ctx, &cyderes.ListOptions{PageSize: 50, TicketType: cyderes.TicketTypeAll})
	return "cy list", err
}

// checkWrites counts every write's token in the fakes' state.
func checkWrites(t *testing.T, w *world, writes []write, incident, hiveCase, ticket string) {
	t.Helper()
	found := map[string]int{}
	for _, r := range w.sn.Records("incident") {
		found[r["short_description"]]++
	}
	for _, r := range w.sn.Journal(incident) {
		found[r["value"]]++
	}
	for _, r := range w.sn.Records("sys_attachment") {
		found[r["file_name"]]++
	}
	for _, c := range w.th.Cases() {
		found[fmt.Sprint(c["title"])]++
	}
	for _, o := range w.th.Observables(hiveCase) {
		found[fmt.Sprint(o["data"])]++
	}
	for _, c := range w.th.Comments(hiveCase) {
		found[fmt.Sprint(c["message"])]++
	}
	for _, a := range w.th.Alerts() {
		found[fmt.Sprint(a["sourceRef"])]++
	}
	for _, tk := range w.cy.Tickets() {
		found[tk.ShortDescription]++
		for _, c := range tk.Comments {
			found[c.Body]++
		}
	}
	ok := 0
	for _, wr := range writes {
		switch n := found[wr.token]; {
		case n > 1:
			t.Errorf("%s %s happened %d times", wr.kind, wr.token, n)
		case wr.ok && n == 0:
			t.Errorf("%s %s was reported written but is missing", wr.kind, wr.token)
		case wr.ensured && !wr.ok && !wr.deadline && n == 1:
			t.Errorf("%s %s was reported failed but was written", wr.kind, wr.token)
		}
		if wr.ok {
			ok++
		}
	}
	t.Logf("%d of %d writes succeeded; none doubled, none lost", ok, len(writes))
}

// errorKind names an error's type for the soak's summary.
func errorKind(err error) string {
	var (
		apiErr  *incidentkit.Error
		bodyErr *incidentkit.BodyError
		reqErr  *incidentkit.RequestError
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline"
	case errors.As(err, &apiErr):
		return fmt.Sprintf("API %d", apiErr.StatusCode)
	case errors.As(err, &bodyErr):
		return "body"
	case errors.As(err, &reqErr):
		return "no answer"
	}
	return fmt.Sprintf("%T", err)
}
