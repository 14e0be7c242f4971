package thehive_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// exampleServer stands in for TheHive 5: it answers case creation,
// queries and observable creation with canned data.
func exampleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/api/v1/case" && r.Method == http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			fmt.Fprint(w, `{"_id":"~41","number":7,"title":"Phishing wave","severity":3,"tlp":4,"tlpLabel":"RED","status":"New"}`)
		case r.URL.Path == "/api/v1/query" && strings.Contains(string(body), `"from":0`):
			w.Header().Set("X-Total", "3")
			fmt.Fprint(w, `[{"_id":"~1","number":1,"title":"Beacon"},{"_id":"~2","number":2,"title":"Malware"}]`)
		case r.URL.Path == "/api/v1/query":
			w.Header().Set("X-Total", "3")
			fmt.Fprint(w, `[{"_id":"~3","number":3,"title":"Phishing"}]`)
		case strings.HasSuffix(r.URL.Path, "/observable"):
			w.WriteHeader(http.StatusMultiStatus)
			fmt.Fprint(w, `{"success":[{"_id":"~9","dataType":"ip","data":"10.0.0.1"}],
				"failure":[{"type":"CreateError","message":"Observable already exists","object":{"data":"10.0.0.2"}}]}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"type":"NotFoundError","message":"Case ~404 not found"}`)
		}
	}))
}

func ExampleCaseService_Create() {
	srv := exampleServer()
	defer srv.Close()
	client, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("api-key"), thehive.WithOrganisation("soc"))
	if err != nil {
		panic(err)
	}
	c, err := client.Cases.Create(context.Background(), thehive.CaseInput{
		Title:       "Phishing wave",
		Description: "Several users reported the same mail.",
		Severity:    thehive.SeverityHigh,
		TLP:         thehive.Ptr(thehive.TLPRed),
		Flag:        thehive.Ptr(false), // sent as false, not dropped
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(c.ID, c.Number, c.Title, c.Severity, c.TLP)
	// Output: ~41 7 Phishing wave High RED
}

func ExampleCaseService_All() {
	srv := exampleServer()
	defer srv.Close()
	client, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("api-key"))
	if err != nil {
		panic(err)
	}
	opts := &thehive.SearchOptions{
		Filter:   filter.And(filter.Eq("status", "New"), filter.Gte("severity", 2)),
		Sort:     []filter.Sort{filter.Asc("number")},
		PageSize: 2,
	}
	for c, err := range client.Cases.All(context.Background(), opts) {
		if err != nil {
			panic(err)
		}
		fmt.Printf("#%d %s\n", c.Number, c.Title)
	}
	// Output:
	// #1 Beacon
	// #2 Malware
	// #3 Phishing
}

func ExampleObservableService_Create() {
	srv := exampleServer()
	defer srv.Close()
	client, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("api-key"))
	if err != nil {
		panic(err)
	}
	res, err := client.Observables.Create(context.Background(), "~41", thehive.ObservableInput{
		DataType: "ip",
		Data:     []string{"10.0.0.1", "10.0.0.2"},
		IOC:      thehive.Ptr(true),
	})
	if errors.Is(err, thehive.ErrPartial) {
		fmt.Println("partly created:", err)
	}
	for _, o := range res.Created {
		fmt.Println("created", o.ID, o.Data)
	}
	for _, f := range res.Failures {
		fmt.Println("refused", string(f.Object), f.Message)
	}
	// Output:
	// partly created: thehive: 1 observable(s) created, 1 refused: CreateError: Observable already exists
	// created ~9 10.0.0.1
	// refused {"data":"10.0.0.2"} Observable already exists
}

func ExampleError() {
	srv := exampleServer()
	defer srv.Close()
	client, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("api-key"))
	if err != nil {
		panic(err)
	}
	_, err = client.Cases.Get(context.Background(), "~404")
	var e *thehive.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(err, thehive.ErrNotFound), e.StatusCode, e.Code, e.Message)
	}
	// Output: true 404 NotFoundError Case ~404 not found
}

func ExampleCaseService_Update() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Println(r.Method, r.URL.Path, string(body))
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	client, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("api-key"))
	if err != nil {
		panic(err)
	}
	err = client.Cases.Update(context.Background(), "~41", thehive.CaseUpdate{
		Assignee: thehive.Clear[string](), // sent as JSON null
		Severity: thehive.Ptr(thehive.SeverityCritical),
	})
	fmt.Println(err)
	// Output:
	// PATCH /api/v1/case/~41 {"assignee":null,"severity":4}
	// <nil>
}
