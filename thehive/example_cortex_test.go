package thehive_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// An observable goes to the analyzers that take its data type, and the job
// is followed to its verdict.
func ExampleCortexService_RunAnalyzer() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	srv.AddAnalyzer(thehivetest.Analyzer{ID: "vt", Name: "VirusTotal_GetReport_3_1", DataTypes: []string{"domain"}, Level: "malicious"})
	caseID := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "Callbacks to a rare domain."})
	srv.AddObservable(caseID, thehivetest.Observable{DataType: "domain", Data: "rare.example"})

	observables, err := client.Observables.List(ctx, caseID, nil)
	if err != nil {
		panic(err)
	}
	o := observables.Items[0]
	analyzers, err := client.Cortex.AnalyzersFor(ctx, o.DataType)
	if err != nil {
		panic(err)
	}
	job, err := client.Cortex.RunAnalyzer(ctx, o, analyzers.Items[0], nil)
	if err != nil {
		panic(err)
	}
	job, err = client.Cortex.WaitJob(ctx, job.ID, 10*time.Millisecond)
	if err != nil {
		panic(err)
	}
	for _, t := range job.Taxonomies() {
		fmt.Println(job.Status, t.Namespace, t.Level, t.Value)
	}
	// Output:
	// Success VirusTotal_GetReport_3_1 malicious rare.example
}

// Evidence is attached to a case, then read back.
func ExampleAttachmentService_UploadToCase() {
	srv, client := fake(thehive.V1)
	defer srv.Close()
	ctx := context.Background()
	caseID := srv.AddCase(thehivetest.Case{Title: "Phishing", Description: "Invoice lure."})

	a, err := client.Attachments.UploadToCase(ctx, caseID, incidentkit.Upload{
		Reader: strings.NewReader("Received: from mail.evil.example"), FileName: "lure.eml", ContentType: "message/rfc822"})
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	info, err := client.Attachments.Download(ctx, a.AttachmentID, &buf, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(info.Name, info.ContentType, info.Size, buf.String())
	// Output:
	// lure.eml message/rfc822 32 Received: from mail.evil.example
}
