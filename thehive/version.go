package thehive

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// versionProbe finds, once, whether a V0 server runs TheHive 3 or 4, and
// keeps the spec of its rules. It is safe for concurrent use.
type versionProbe struct {
	mu sync.Mutex
	// sp is the spec of the server's version once known; nil until then.
	sp *dialectSpec
}

// fix records what NewClient knows: the spec of a V1 client, or of a V0
// client told its server's major version. A V0 client told nothing asks
// later. Versions the dialect cannot be are input errors.
func (p *versionProbe) fix(base *dialectSpec, major int) error {
	switch {
	case !base.dialect.Legacy():
		if major == 3 {
			return inputErr("server version", "TheHive 3 has no V1 API; use WithDialect(V0)")
		}
		p.sp = base
	case major == 3:
		p.sp = v0Spec
	case major >= 4:
		p.sp = v0Spec4
	}
	return nil
}

// spec returns the dialect's spec for the server's version, asking a V0
// server for its version (GET /api/status, which needs no credentials)
// the first time it is needed. A failed probe is not kept: the next call
// asks again.
func (c *Client) spec(ctx context.Context) (*dialectSpec, error) {
	p := &c.version
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sp != nil {
		return p.sp, nil
	}
	major, err := c.serverMajor(ctx)
	if err != nil {
		return nil, err
	}
	_ = p.fix(c.sp, major) // a V0 server's major version is 3 or more
	return p.sp, nil
}

// serverMajor asks /api/status for the major version of TheHive. An
// answer without one is an *incidentkit.BodyError.
func (c *Client) serverMajor(ctx context.Context) (int, error) {
	var status struct {
		Versions map[string]string `json:"versions"`
	}
	resp, err := c.do(ctx, &transport.Request{Path: statusPath}, &status)
	if err != nil {
		return 0, fmt.Errorf("thehive: telling TheHive 3 from 4 (WithServerVersion skips this): %w", err)
	}
	v := status.Versions["TheHive"]
	major, err := strconv.Atoi(strings.SplitN(v, ".", 2)[0])
	if err != nil || major < 3 {
		return 0, &incidentkit.BodyError{Service: "thehive", Method: http.MethodGet, URL: statusPath, StatusCode: resp.StatusCode,
			Err: fmt.Errorf("telling TheHive 3 from 4: no TheHive version in the status (got %q); WithServerVersion skips this", v)}
	}
	return major, nil
}

// statusPath is TheHive's status endpoint, which answers without
// credentials in TheHive 3 and 4 (StatusCtrl).
const statusPath = "/api/status"
