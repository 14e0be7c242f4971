package thehive_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// A second phishing alert joins the case opened for the first: its
// observables are added where the case lacks them, and the alert is
// linked to the case.
func ExampleAlertService_Merge() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	caseID := srv.AddCase(thehivetest.Case{Title: "Phishing wave", Description: "Lures sent to finance."})
	srv.AddObservable(caseID, thehivetest.Observable{DataType: "domain", Data: "invoice-portal.example"})
	alertID := srv.AddAlert(thehivetest.Alert{Type: "mail", Source: "gateway", SourceRef: "MSG-2291", Title: "Lure to payroll",
		Description: "Same sender, new recipient.", Observables: []thehivetest.Observable{
			{DataType: "domain", Data: "invoice-portal.example"}, {DataType: "mail", Data: "billing@invoice-portal.example"}}})

	c, err := client.Alerts.Merge(ctx, alertID, caseID)
	if err != nil {
		panic(err)
	}
	obs, err := client.Observables.List(ctx, c.ID, nil)
	if err != nil {
		panic(err)
	}
	alert, err := client.Alerts.Get(ctx, alertID)
	if err != nil {
		panic(err)
	}
	fmt.Println("observables in the case:", obs.Total)
	fmt.Println("description mentions the alert:", strings.Contains(c.Description, "Merged with alert #MSG-2291"))
	fmt.Println("alert:", alert.Status, "in", alert.CaseID == c.ID)
	// Output:
	// observables in the case: 2
	// description mentions the alert: true
	// alert: Imported in true
}

// Triage in TheHive 3/4: the alert is found by the key its source system
// gave it, and ignored, which in that API means marking it read.
func ExampleAlertService_Ignore() {
	srv, client := fake(thehive.V0)
	defer srv.Close()
	ctx := context.Background()
	srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "mdr", SourceRef: "TSI-7", Title: "Scanner noise", Description: "Known scanner."})

	alert, err := client.Alerts.FindByKey(ctx, "edr", "mdr", "TSI-7")
	if err != nil {
		panic(err)
	}
	fmt.Println("before:", alert.Status)
	if err := client.Alerts.Ignore(ctx, alert.ID); err != nil {
		panic(err)
	}
	alert, err = client.Alerts.Get(ctx, alert.ID)
	if err != nil {
		panic(err)
	}
	fmt.Println("after:", alert.Status, "read:", alert.Read)
	// Output:
	// before: New
	// after: Ignored read: true
}
