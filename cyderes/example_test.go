package cyderes_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
)

// demoServer stands in for the TSI API in the examples: 7 alert tickets,
// newest first, with skip/limit paging, plus one attachment, comments and
// MISP indicators.
func demoServer() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v2/tickets", func(w http.ResponseWriter, r *http.Request) {
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "[")
		for i := skip; i < skip+limit && i < 7; i++ {
			if i > skip {
				fmt.Fprint(w, ",")
			}
			fmt.Fprintf(w, `{"ticket_id":"T%d","number":"ALR%04d","priority":"%d - High","created":"2024-05-0%d 12:00:00","escalated":"True","short_description":"alert %d"}`,
				7-i, 7-i, 2, 7-i, 7-i)
		}
		fmt.Fprint(w, "]")
	})
	mux.HandleFunc("GET /v2/tickets/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ticket_id":%q,"ticket_type":"phishing","priority":"P1","state":"Open","escalated":"True",
			"created":"2024-05-01T08:30:00Z","comments":[{"id":"c1","created":"2024-05-01T08:31:00Z","author":"SOC","body":"Investigating"}]}`, r.PathValue("id"))
	})
	mux.HandleFunc("GET /v2/tickets/{id}/attachments/{att}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Disposition", `attachment; filename="headers.txt"`)
		fmt.Fprint(w, "Received: from mail.example.com")
	})
	mux.HandleFunc("POST /v2/tickets/{id}/comment", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
	mux.HandleFunc("POST /v2/tickets/create", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"status":201,"ticket_id":"SR0042","message":"Ticket has been created."}`)
	})
	mux.HandleFunc("GET /misp", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id":"1","event_id":"10","type":"filename|sha256","value":"invoice.exe|9f86d081","to_ids":true,
			"timestamp":"1714557600","distribution":"5","first_seen":null,"last_seen":null,"object_relation":null,
			"Event":{"id":"10","info":"Phishing wave","threat_level_id":"1"}},
			{"id":"2","event_id":"10","type":"ip-dst","value":"203.0.113.7","to_ids":true,"timestamp":"1714557600"}]`)
	})
	return httptest.NewServer(mux)
}

func newDemoClient(srv *httptest.Server) *cyderes.Client {
	c, err := cyderes.NewClient(
		cyderes.WithToken("demo-token"),
		cyderes.WithBaseURL(srv.URL), // omit to use https://tsi-api.cyderes.io
	)
	if err != nil {
		log.Fatal(err)
	}
	return c
}

func ExampleNewClient() {
	_, err := cyderes.NewClient() // no token
	fmt.Println(err)
	// Output: invalid token: is required (use WithToken)
}

func ExampleClient_AllTickets() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	opts := &cyderes.ListOptions{
		TicketType:    cyderes.TicketTypeAlert,
		EscalatedOnly: true, // always sent; the API's own default is true
		Limit:         3,
		MaxItems:      5,
	}
	for t, err := range c.AllTickets(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(t.TicketID, t.SLAPriority, t.Created.Format(time.DateOnly), t.ShortDescription)
	}
	// Output:
	// T7 P2 2024-05-07 alert 7
	// T6 P2 2024-05-06 alert 6
	// T5 P2 2024-05-05 alert 5
	// T4 P2 2024-05-04 alert 4
	// T3 P2 2024-05-03 alert 3
}

func ExampleClient_TicketsBetween() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	from := time.Date(2024, 5, 2, 6, 0, 0, 0, time.UTC)
	to := time.Date(2024, 5, 4, 12, 0, 0, 0, time.UTC) // excluded
	for t, err := range c.TicketsBetween(context.Background(), from, to, &cyderes.ListOptions{Limit: 250}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(t.TicketID, t.Created.Format(time.DateTime))
	}
	// Output:
	// T3 2024-05-03 12:00:00
	// T2 2024-05-02 12:00:00
}

func ExampleClient_GetTicket() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	t, err := c.GetTicket(context.Background(), "T1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.TicketID, t.TicketType, t.Priority, t.SLAPriority, *t.Escalated)
	for _, cm := range t.Comments {
		fmt.Println(cm.Created.Format(time.RFC3339), cm.Author+":", cm.Body)
	}
	// Output:
	// T1 phishing P1 P1 true
	// 2024-05-01T08:31:00Z SOC: Investigating
}

func ExampleClient_DownloadAttachment() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	info, err := c.DownloadAttachment(context.Background(), "T1", "A1", os.Stdout)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println()
	fmt.Println(info.FileName, info.Size)
	// Output:
	// Received: from mail.example.com
	// headers.txt 31
}

func ExampleClient_AddComment() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	err := c.AddComment(context.Background(), "T1", cyderes.NewComment{Author: "Ann Analyst", Body: "Host isolated."})
	fmt.Println(err)
	err = c.AddComment(context.Background(), "T1", cyderes.NewComment{Author: "Ann Analyst"})
	fmt.Println(err)
	// Output:
	// <nil>
	// invalid comment body: is empty
}

func ExampleClient_CreateServiceRequest() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	id, err := c.CreateServiceRequest(context.Background(), cyderes.ServiceRequest{
		Name:             "Ann Analyst",
		Priority:         "P3",
		ShortDescription: "Allow-list a sender",
		Description:      "Please allow newsletters from news.example.com.",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(id)
	// Output: SR0042
}

func ExampleClient_IOCs() {
	srv := demoServer()
	defer srv.Close()
	c := newDemoClient(srv)

	// The zero times ask for the API's default window, the last 7 days.
	attrs, err := c.IOCs(context.Background(), time.Time{}, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range attrs {
		for _, o := range a.Observables() {
			fmt.Println(o.DataType, o.Value, "severity", cyderes.ThreatLevelSeverity(a.Event.ThreatLevelID))
		}
	}
	// Output:
	// filename invoice.exe severity 3
	// hash 9f86d081 severity 3
	// ip 203.0.113.7 severity 2
}

func ExampleSplitComposite() {
	for _, v := range cyderes.SplitComposite("ip-dst|port", "203.0.113.7|8443") {
		fmt.Println(v.Type, v.Value, cyderes.TheHiveDataType(v.Type))
	}
	// Output:
	// ip-dst 203.0.113.7 ip
	// port 8443 other
}

func ExampleParseTime() {
	for _, s := range []string{"2024-05-01T10:20:30Z", "2024-05-01T12:20:30+02:00", "2024-05-01 10:20:30", "2024-05-01T10:20:30.5"} {
		t, err := cyderes.ParseTime(s)
		fmt.Println(t.Format(time.RFC3339Nano), err)
	}
	// Output:
	// 2024-05-01T10:20:30Z <nil>
	// 2024-05-01T10:20:30Z <nil>
	// 2024-05-01T10:20:30Z <nil>
	// 2024-05-01T10:20:30.5Z <nil>
}
