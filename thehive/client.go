package thehive

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Client talks to one TheHive server in one dialect. It is safe for
// concurrent use. Its services group the API.
type Client struct {
	core    *transport.Client
	dialect Dialect
	// Cases manages cases, their comments and case searches.
	Cases *CaseService
	// Tasks manages the tasks of cases and their logs.
	Tasks *TaskService
	// Observables manages the observables of cases.
	Observables *ObservableService
	// Alerts manages alerts (V1 only).
	Alerts *AlertService
}

// NewClient returns a client for baseURL, the server's root (for example
// "https://thehive.example.com" or "http://127.0.0.1:9000"). The URL must
// use HTTPS unless it is a loopback address or WithInsecureHTTP is given.
// At most one of WithAPIKey and WithBasicAuth may be given. The dialect is
// V1 unless WithDialect says otherwise.
func NewClient(baseURL string, opts ...Option) (*Client, error) {
	o := options{dialect: V1}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	if o.authSet > 1 {
		return nil, inputErr("auth options", "more than one authentication method given")
	}
	if strings.TrimSpace(baseURL) == "" {
		return nil, inputErr("base URL", "is empty")
	}
	s, err := transport.NewSettings(o.core...)
	if err != nil {
		return nil, err
	}
	s.Service = "thehive"
	s.BaseURL = strings.TrimRight(baseURL, "/") + "/"
	s.ErrorDecoder = decodeError
	s.Auth = o.auth
	c, err := transport.New(s)
	if err != nil {
		return nil, err
	}
	cl := &Client{core: c, dialect: o.dialect}
	cl.Cases = &CaseService{c: cl}
	cl.Tasks = &TaskService{c: cl}
	cl.Observables = &ObservableService{c: cl}
	cl.Alerts = &AlertService{c: cl}
	return cl, nil
}

// Dialect returns the dialect the client speaks.
func (c *Client) Dialect() Dialect { return c.dialect }

// do sends r and decodes a success into out. 200, 201 and 204 are all
// success; a 204 leaves out untouched.
func (c *Client) do(ctx context.Context, r *transport.Request, out any) (*transport.Response, error) {
	if ctx == nil {
		return nil, inputErr("context", "is nil")
	}
	return c.core.Do(ctx, r, out)
}

// checkID rejects an empty or blank object id before anything is sent.
func checkID(field, id string) error {
	if strings.TrimSpace(id) == "" {
		return inputErr(field, "is empty")
	}
	return nil
}

// needV1 fails an operation the V0 dialect has no endpoint for.
func (c *Client) needV1(op string) error {
	if c.dialect != V1 {
		return &unsupportedError{op: op}
	}
	return nil
}
