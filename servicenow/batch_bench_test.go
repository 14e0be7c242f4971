package servicenow_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

const bulkRecords = 10000

// bulkInputs are bulkRecords new incidents.
func bulkInputs() []any {
	ins := make([]any, bulkRecords)
	for i := range ins {
		ins[i] = &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr(fmt.Sprintf("Alert %d", i)), Urgency: incidentkit.Ptr(servicenow.UrgencyHigh)}
	}
	return ins
}

// benchBulk creates bulkRecords incidents with create against a fresh fake
// instance per run, and reports the requests each run sent.
func benchBulk(b *testing.B, create func(ctx context.Context, c *servicenow.Client, ins []any) error) {
	ins := bulkInputs()
	ctx := context.Background()
	var requests int
	for b.Loop() {
		b.StopTimer()
		srv := servicenowtest.New()
		c, err := servicenow.NewClient(srv.URL(), servicenow.WithBasicAuth("admin", "admin"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := create(ctx, c, ins); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		requests = len(srv.Requests())
		if n := len(srv.Records("incident")); n != bulkRecords {
			b.Fatalf("%d incidents stored, want %d", n, bulkRecords)
		}
		srv.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(requests), "requests")
}

// BenchmarkBulkCreateBatch creates 10,000 incidents through
// Table.CreateMany (the Batch API, DefaultBatchSize a batch), against
// BenchmarkBulkCreateSingle, which creates them one request each.
func BenchmarkBulkCreateBatch(b *testing.B) {
	benchBulk(b, func(ctx context.Context, c *servicenow.Client, ins []any) error {
		out, err := c.Records("incident").CreateMany(ctx, ins, nil)
		for _, o := range out {
			if err == nil {
				err = o.Err
			}
		}
		return err
	})
}

// BenchmarkBulkCreateSingle is the baseline of BenchmarkBulkCreateBatch:
// one Incidents.Create per incident.
func BenchmarkBulkCreateSingle(b *testing.B) {
	benchBulk(b, func(ctx context.Context, c *servicenow.Client, ins []any) error {
		for _, in := range ins {
			if _, err := c.Incidents.Create(ctx, in.(*servicenow.IncidentInput)); err != nil {
				return err
			}
		}
		return nil
	})
}
