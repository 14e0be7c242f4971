package thehive_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// fake starts thehivetest's in-memory TheHive with a fixed clock and
// returns it with a client for it.
func fake(d thehive.Dialect) (*thehivetest.Server, *thehive.Client) {
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	srv := thehivetest.New(thehivetest.WithClock(func() time.Time { return at }))
	client, err := thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithDialect(d))
	if err != nil {
		panic(err)
	}
	return srv, client
}

func ExampleCaseService_Create() {
	srv, client := fake(thehive.V1)
	defer srv.Close()

	c, err := client.Cases.Create(context.Background(), &thehive.CaseInput{
		Title:       "Phishing wave",
		Description: "Several users reported the same mail.",
		Severity:    thehive.SeverityHigh,
		TLP:         incidentkit.Ptr(thehive.TLPRed),
		Flag:        incidentkit.Ptr(false), // sent as false, not dropped
		Tags:        []string{"phishing"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Number, c.Title, c.Severity, c.TLP, c.Status, c.StartDate.Format(time.DateOnly))
	// Output: 1 Phishing wave High RED New 2024-03-01
}

// List returns one page and the total; All walks every page lazily.
func ExampleCaseService_List() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	for _, title := range []string{"Beacon", "Malware", "Phishing"} {
		srv.AddCase(thehivetest.Case{Title: title, Description: "seeded"})
	}

	ctx := context.Background()
	page, err := client.Cases.List(ctx, &thehive.ListOptions{PageSize: 2})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(page.Items), "of", page.Total, "next at", page.NextOffset)

	for c, err := range client.Cases.All(ctx, &thehive.ListOptions{PageSize: 2}) {
		if err != nil {
			panic(err)
		}
		fmt.Printf("#%d %s\n", c.Number, c.Title)
	}
	fmt.Println("requests:", srv.CountRequests("POST", "/api/v1/query"))
	// Output:
	// 2 of 3 next at 2
	// #1 Beacon
	// #2 Malware
	// #3 Phishing
	// requests: 3
}

// A filter is built once and encoded for the client's dialect; the same
// code searches TheHive 3/4.
func ExampleCaseService_All_filter() {
	for _, d := range []thehive.Dialect{thehive.V1, thehive.V0} {
		srv, client := fake(d)
		for i, title := range []string{"Phishing: invoice", "Beacon", "Phishing: parcel", "Phishing: bank"} {
			srv.AddCase(thehivetest.Case{Title: title, Description: "seeded", Severity: 1 + i%4})
		}
		opts := &thehive.ListOptions{
			Filter: filter.And(filter.StartsWith("title", "Phishing"), filter.Gte("severity", 2)),
			Sort:   []filter.Sort{filter.Desc("severity")},
		}
		fmt.Print(d, ":")
		for c, err := range client.Cases.All(context.Background(), opts) {
			if err != nil {
				panic(err)
			}
			fmt.Printf(" %q (%v)", c.Title, c.Severity)
		}
		fmt.Println()
		srv.Close()
	}
	// Output:
	// v1: "Phishing: bank" (Critical) "Phishing: parcel" (High)
	// v0: "Phishing: bank" (Critical) "Phishing: parcel" (High)
}

// A file observable streams an incidentkit.Upload; Progress reports the
// bytes sent.
func ExampleObservableService_CreateFile() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	caseID := srv.AddCase(thehivetest.Case{Title: "Dropper", Description: "seeded"})

	sample := "MZ\x90\x00 not really a program"
	var sent int64
	res, err := client.Observables.CreateFile(context.Background(), caseID,
		&thehive.ObservableInput{Message: "attachment of the phishing mail", IOC: incidentkit.Ptr(true)},
		incidentkit.Upload{
			Reader:   strings.NewReader(sample), // a *strings.Reader can be re-read for a retry
			FileName: "invoice.exe",
			Progress: func(done, total int64) { sent = done },
		})
	if err != nil {
		panic(err)
	}
	o := res.Created[0]
	fmt.Println(o.DataType, o.Attachment.Name, o.Attachment.Size, o.IOC)
	fmt.Println("sent", sent, "bytes")
	// Output:
	// file invoice.exe 25 true
	// sent 25 bytes
}

// Adding a value the case has already is refused; the error matches
// ErrAlreadyExists, and the other values are created.
func ExampleObservableService_Create() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	caseID := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "seeded"})
	srv.AddObservable(caseID, thehivetest.Observable{DataType: "ip", Data: "10.0.0.2"})

	res, err := client.Observables.Create(context.Background(), caseID, &thehive.ObservableInput{
		DataType: "ip",
		Data:     []string{"10.0.0.1", "10.0.0.2"},
	})
	fmt.Println(errors.Is(err, thehive.ErrPartial), errors.Is(err, thehive.ErrAlreadyExists))
	for _, o := range res.Created {
		fmt.Println("created", o.Data)
	}
	for _, f := range res.Failures {
		fmt.Println("refused", string(f.Object), f.Message)
	}
	// Output:
	// true true
	// created 10.0.0.1
	// refused {"data":"10.0.0.2"} Observable already exists
}

// An alert is unique by type, source and sourceRef: creating it twice
// fails with ErrAlreadyExists. Promoting it opens a case.
func ExampleAlertService_Promote() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()

	in := &thehive.AlertInput{
		Type: "edr", Source: "mdr", SourceRef: "TSI-1042",
		Title: "Beaconing host", Description: "Periodic callbacks to a rare domain.",
		Observables: []thehive.ObservableInput{{DataType: "domain", Data: []string{"rare.example"}}},
	}
	alert, err := client.Alerts.Create(ctx, in)
	if err != nil {
		panic(err)
	}
	_, err = client.Alerts.Create(ctx, in)
	fmt.Println("again:", errors.Is(err, thehive.ErrAlreadyExists))

	c, err := client.Alerts.Promote(ctx, alert.ID, &thehive.CaseInput{Assignee: "analyst@soc.test"})
	if err != nil {
		panic(err)
	}
	obs, err := client.Observables.List(ctx, c.ID, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("case #%d %q for %s, %d observable(s): %s\n", c.Number, c.Title, c.Assignee, obs.Total, obs.Items[0].Data)
	// Output:
	// again: true
	// case #1 "Beaconing host" for analyst@soc.test, 1 observable(s): rare.example
}

func ExampleCommentService() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	caseID := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "seeded"})

	for _, msg := range []string{"Host isolated.", "Domain blocked at the proxy."} {
		if _, err := client.Comments.Create(ctx, caseID, &thehive.CommentInput{Message: msg}); err != nil {
			panic(err)
		}
	}
	for c, err := range client.Comments.All(ctx, caseID, nil) {
		if err != nil {
			panic(err)
		}
		fmt.Println(c.CreatedBy+":", c.Message)
	}
	// Output:
	// api@thehive.local: Host isolated.
	// api@thehive.local: Domain blocked at the proxy.
}

// Update sends only what is set; incidentkit.Clear empties a field with
// JSON null.
func ExampleCaseService_Update() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	id := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "seeded", Assignee: "amy"})

	err := client.Cases.Update(ctx, id, &thehive.CaseUpdate{
		Assignee: incidentkit.Clear[string](),
		Severity: incidentkit.Ptr(thehive.SeverityCritical),
	})
	if err != nil {
		panic(err)
	}
	c, err := client.Cases.Get(ctx, id)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%v %q\n", c.Severity, c.Assignee)
	// Output: Critical ""
}

// Raw keeps every field of the answer, including those Case does not name.
func ExampleCase_raw() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	id := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "seeded", Severity: 3})

	c, err := client.Cases.Get(context.Background(), id)
	if err != nil {
		panic(err)
	}
	var extra struct {
		SeverityLabel string `json:"severityLabel"`
	}
	if err := json.Unmarshal(c.Raw, &extra); err != nil {
		panic(err)
	}
	fmt.Println(c.Severity, extra.SeverityLabel)
	// Output: High HIGH
}

// A missing case is an *incidentkit.Error matching ErrNotFound, with
// TheHive's error type in Code.
func ExampleCaseService_Get_notFound() {
	srv, client := fake(thehive.V1)
	defer srv.Close()

	_, err := client.Cases.Get(context.Background(), "~404")
	var e *incidentkit.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(err, thehive.ErrNotFound), e.StatusCode, e.Code)
	}
	// Output: true 404 NotFoundError
}
