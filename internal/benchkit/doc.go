// Package benchkit is the scaffold the API clients' benchmarks share: a
// loopback server for canned listings and files, the hand-written baseline
// loop every benchmark compares against, and peak-memory measurement in a
// separate process for each side of a comparison.
//
// It is test support: import it only from _test.go files.
//
// # Listing benchmarks
//
// Render the pages with [RenderPages] on first use (a package-level
// variable would be rendered by every test run, and counted in the peak of
// every peak-memory child process), serve them with [ServeListing], and
// write the baseline with [DecodeJSON] (or [Do]) and [ListByOffset]. The
// baseline then drains and closes every body, so it reuses its connection
// exactly as the SDK does. Give each side a server of its own and time it
// with [Server.Loop], which reports the connections the side opened and
// fails unless it kept one:
//
//	var pages = sync.OnceValue(func() [][]byte {
//		return benchkit.RenderPages(100000, 1000, `{"result":[`, `]}`, func(b *bytes.Buffer, i int) {
//			fmt.Fprintf(b, `{"sys_id":"%032x","number":"INC%07d"}`, i, i)
//		})
//	})
//
//	func serveIncidents(b *testing.B) *benchkit.Server {
//		return benchkit.ServeListing(b, benchkit.Listing{
//			Pages:    pages(),
//			PageSize: 1000,
//			Offset:   benchkit.QueryOffset("sysparm_offset"),
//			Empty:    []byte(`{"result":[]}`),
//			Header:   http.Header{"X-Total-Count": {"100000"}},
//		})
//	}
//
//	func BenchmarkAll(b *testing.B) {
//		b.Run("baseline", func(b *testing.B) {
//			srv := serveIncidents(b)
//			hc := srv.Client()
//			srv.Loop(b, func(ctx context.Context) error {
//				_, err := benchkit.ListByOffset(func(off int) (int, bool, error) {
//					req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/now/table/incident?sysparm_limit=1000&sysparm_offset="+strconv.Itoa(off), nil)
//					req.SetBasicAuth("admin", "secret")
//					var env struct{ Result []incident }
//					if _, err := benchkit.DecodeJSON(hc, req, &env); err != nil {
//						return 0, false, err
//					}
//					return len(env.Result), off+len(env.Result) < 100000, nil
//				})
//				return err
//			})
//		})
//		b.Run("servicenow", func(b *testing.B) {
//			srv := serveIncidents(b)
//			c, _ := NewClient(srv.URL, WithHTTPClient(srv.Client()))
//			srv.Loop(b, func(ctx context.Context) error { ... range c.Incidents.All(ctx, nil) ... })
//		})
//	}
//
// # Peak memory
//
// Peak memory measured inside one benchmark process is meaningless for the
// second side of a comparison: the Go runtime keeps the memory the first
// side mapped, so the second inherits its high-water mark. [ReportPeak]
// therefore runs the side again in a fresh process (the same test binary,
// re-executed with -test.run=^TestPeakMemoryChild$ and the side's name in
// the environment), which samples runtime/metrics
// /memory/classes/total:bytes every few milliseconds while the side runs
// and prints the peak; the benchmark reports it as "peak-MiB". The server
// stays in the benchmark process, so the figure is the client side's
// alone.
//
// A package declares its sides once, as a [Sides] map, and adds the child
// test that runs them:
//
//	var sides = benchkit.Sides{
//		"upload/baseline": func(url string) (func(context.Context) error, error) {
//			hc := &http.Client{}
//			return func(ctx context.Context) error {
//				req, _ := http.NewRequestWithContext(ctx, "POST", url+"/api/now/attachment/file", benchkit.Pattern{Size: size}.Reader())
//				req.ContentLength = size
//				return benchkit.Do(hc, req, nil)
//			}, nil
//		},
//		"upload/servicenow": func(url string) (func(context.Context) error, error) {
//			c, err := NewClient(url, WithBasicAuth("admin", "secret"))
//			if err != nil {
//				return nil, err
//			}
//			return func(ctx context.Context) error {
//				_, err := c.Attachments.Upload(ctx, "incident", "abc", incidentkit.Upload{
//					ReaderAt: benchkit.Pattern{Size: size}, Size: size, FileName: "dump.bin"})
//				return err
//			}, nil
//		},
//	}
//
//	// TestPeakMemoryChild runs one side for a peak-memory measurement; it
//	// is skipped in ordinary test runs.
//	func TestPeakMemoryChild(t *testing.T) { sides.Child(t) }
//
//	func BenchmarkAttachmentUpload(b *testing.B) {
//		srv := benchkit.ServeFile(b, benchkit.File{Size: size, Created: []byte(attachmentJSON)})
//		b.Run("baseline", func(b *testing.B) { b.SetBytes(size); sides.Run(b, "upload/baseline", srv.URL) })
//		b.Run("servicenow", func(b *testing.B) { b.SetBytes(size); sides.Run(b, "upload/servicenow", srv.URL) })
//	}
//
// [Sides.Run] times the side in b.Loop and then calls [ReportPeak]; a
// benchmark with its own loop calls ReportPeak after the loop.
package benchkit
