package servicenow_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// fakeInstance serves a tiny incident table.
func fakeInstance() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			fmt.Fprint(w, `{"result":{"sys_id":"a1","number":"INC0010001","state":"1","urgency":"1","impact":"2","priority":"2"}}`)
		case r.Method == http.MethodPatch:
			fmt.Fprint(w, `{"result":{"sys_id":"a1","number":"INC0010001","state":"6","close_code":"Solution provided"}}`)
		case r.URL.Query().Get("sysparm_offset") == "0":
			w.Header().Set("X-Total-Count", "3")
			fmt.Fprint(w, `{"result":[{"number":"INC1","state":"1"},{"number":"INC2","state":"2"}]}`)
		default:
			w.Header().Set("X-Total-Count", "3")
			fmt.Fprint(w, `{"result":[{"number":"INC3","state":"3"}]}`)
		}
	}))
}

func Example() {
	srv := fakeInstance()
	defer srv.Close()
	ctx := context.Background()
	c, err := servicenow.NewClient(srv.URL, servicenow.WithBasicAuth("admin", "secret"))
	if err != nil {
		panic(err)
	}
	in, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: servicenow.Ptr("Phishing mail reported"),
		Urgency:          servicenow.Ptr(servicenow.UrgencyHigh),
		Impact:           servicenow.Ptr(servicenow.ImpactMedium),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(in.Number, in.State, in.Priority)
	in, err = c.Incidents.Resolve(ctx, in.SysID, servicenow.CloseSolutionProvided, "Mail purged")
	if err != nil {
		panic(err)
	}
	fmt.Println(in.Number, in.State, in.CloseCode)
	// Output:
	// INC0010001 New High
	// INC0010001 Resolved Solution provided
}

func ExampleTable_All() {
	srv := fakeInstance()
	defer srv.Close()
	c, err := servicenow.NewClient(srv.URL, servicenow.WithBasicAuth("admin", "secret"))
	if err != nil {
		panic(err)
	}
	opts := &servicenow.ListOptions{
		Query: encodedquery.And(
			encodedquery.Field("active").Eq(true),
			encodedquery.Field("state").In(servicenow.StateNew, servicenow.StateInProgress, servicenow.StateOnHold),
		),
		PageSize: 2,
	}
	for in, err := range c.Incidents.All(context.Background(), opts) {
		if err != nil {
			panic(err)
		}
		fmt.Println(in.Number, in.State)
	}
	// Output:
	// INC1 New
	// INC2 In Progress
	// INC3 On Hold
}

func ExampleNewTable() {
	srv := fakeInstance()
	defer srv.Close()
	c, err := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("key"))
	if err != nil {
		panic(err)
	}
	type row struct {
		Number string `json:"number"`
	}
	page, err := servicenow.NewTable[row](c, "incident").List(context.Background(), &servicenow.ListOptions{PageSize: 2})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(page.Items), page.Items[0].Number, page.Total)
	// Output: 2 INC1 3
}
