package soak

import (
	"io"
	"net/http"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// bodyCounter is a RoundTripper that counts response bodies not yet
// closed.
type bodyCounter struct {
	base http.RoundTripper
	open atomic.Int64
}

func (b *bodyCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := b.base.RoundTrip(r)
	if err != nil || resp.Body == nil {
		return resp, err
	}
	b.open.Add(1)
	resp.Body = &countedBody{ReadCloser: resp.Body, n: &b.open}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	n      *atomic.Int64
	closed atomic.Bool
}

func (c *countedBody) Close() error {
	if c.closed.CompareAndSwap(false, true) {
		c.n.Add(-1)
	}
	return c.ReadCloser.Close()
}

// world is the three fakes and a client of each, sharing one transport.
type world struct {
	bodies *bodyCounter
	hc     *http.Client
	sn     *servicenowtest.Server
	th     *thehivetest.Server
	cy     *cyderestest.Server
	snc    *servicenow.Client
	thc    *thehive.Client
	cyc    *cyderes.Client
}

func newWorld(retryMax time.Duration) (*world, error) {
	w := &world{bodies: &bodyCounter{base: http.DefaultTransport.(*http.Transport).Clone()}}
	w.hc = &http.Client{Transport: w.bodies}
	w.sn, w.th, w.cy = servicenowtest.New(), thehivetest.New(), cyderestest.New()
	var err error
	if w.snc, err = servicenow.NewClient(w.sn.URL(), servicenow.WithBasicAuth("admin", "admin"), servicenow.WithHTTPClient(w.hc),
		servicenow.WithRetries(4), servicenow.WithRetryWait(time.Millisecond, retryMax)); err != nil {
		return nil, err
	}
	if w.thc, err = thehive.NewClient(w.th.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithHTTPClient(w.hc),
		thehive.WithRetries(4), thehive.WithRetryWait(time.Millisecond, retryMax)); err != nil {
		return nil, err
	}
	if w.cyc, err = cyderes.NewClient(w.cy.URL(), cyderes.WithToken(cyderestest.Token), cyderes.WithHTTPClient(w.hc),
		cyderes.WithRetries(4), cyderes.WithRetryWait(time.Millisecond, retryMax)); err != nil {
		return nil, err
	}
	return w, nil
}

// newTestWorld is a world for a test that injects no faults, closed when
// the test ends.
func newTestWorld(t *testing.T) *world {
	t.Helper()
	w, err := newWorld(10 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.close)
	return w
}

// rawPaths returns the escaped path of every request the three fakes
// received, oldest first per fake.
func (w *world) rawPaths() []string {
	var out []string
	for _, r := range slices.Concat(w.sn.Requests(), w.th.Requests(), w.cy.Requests()) {
		out = append(out, r.RawPath)
	}
	return out
}

func (w *world) close() {
	w.sn.Close()
	w.th.Close()
	w.cy.Close()
	w.bodies.base.(*http.Transport).CloseIdleConnections()
}

// settle waits for the goroutine count to come back to within slack of
// before, and reports how many are left over.
func settle(before int) int {
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	return runtime.NumGoroutine() - before
}
