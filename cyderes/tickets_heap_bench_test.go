package cyderes

import (
	"context"
	"runtime"
	"testing"

	"github.com/incidentkit/incidentkit/internal/benchkit"
)

// BenchmarkAllTicketsHeap reports heap in use after a GC at the 10th and
// the last page boundary of the 25,000-ticket listing: flat figures show
// that Tickets.All holds one page at a time (the figures include the
// server's pre-rendered pages).
func BenchmarkAllTicketsHeap(b *testing.B) {
	srv := benchkit.ServeListing(b, benchkit.Listing{Pages: benchPages(), PageSize: benchPage, Offset: benchkit.QueryOffset("skip")})
	c, err := NewClient(srv.URL, WithToken("bench-token"), WithHTTPClient(srv.Client()))
	if err != nil {
		b.Fatal(err)
	}
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapInuse
	}
	var early, late uint64
	for b.Loop() {
		n := 0
		for _, err := range c.Tickets.All(context.Background(), &ListOptions{PageSize: benchPage, TicketType: TicketTypeAlert}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
			switch n {
			case 10 * benchPage:
				early = heap()
			case benchTickets - 1:
				late = heap()
			}
		}
	}
	b.ReportMetric(float64(early)/(1<<20), "heapMB@page10")
	b.ReportMetric(float64(late)/(1<<20), "heapMB@page100")
}
