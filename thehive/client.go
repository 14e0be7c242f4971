package thehive

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Client talks to one TheHive server in one dialect. It is safe for
// concurrent use. Its services group the API.
type Client struct {
	core *transport.Client
	// sp is the dialect's endpoints and encodings, chosen once.
	sp *dialectSpec
	// Cases creates, reads, updates, closes, deletes, lists and counts
	// cases.
	Cases *CaseService
	// Tasks manages the tasks of cases and their logs.
	Tasks *TaskService
	// Observables manages the observables of cases, plain and file.
	Observables *ObservableService
	// Alerts manages alerts (V1 only).
	Alerts *AlertService
	// Comments adds and lists the comments of cases (V1 only).
	Comments *CommentService
}

// NewClient returns a client for baseURL, the server's root (for example
// "https://thehive.example.com" or "http://127.0.0.1:9000"). The URL must
// use HTTPS unless it is a loopback address or WithInsecureHTTP is given.
// At most one of WithAPIKey and WithBasicAuth may be given. The dialect is
// V1 unless WithDialect says otherwise. Options are checked here: a bad
// one makes NewClient fail with an error matching ErrInvalidInput.
func NewClient(baseURL string, opts ...Option) (*Client, error) {
	o := options{dialect: V1}
	if err := transport.Apply(serviceName, &o, opts); err != nil {
		return nil, err
	}
	if o.authSet > 1 {
		return nil, inputErr("auth options", "more than one authentication method given")
	}
	if strings.TrimSpace(baseURL) == "" {
		return nil, inputErr("base URL", "is empty")
	}
	s, err := transport.NewSettingsFor(serviceName, strings.TrimRight(baseURL, "/")+"/", o.core...)
	if err != nil {
		return nil, err
	}
	s.Auth, s.ErrorDecoder = o.auth, decodeError
	core, err := transport.New(s)
	if err != nil {
		return nil, err
	}
	c := &Client{core: core, sp: specFor(o.dialect)}
	c.Cases = &CaseService{c: c}
	c.Tasks = &TaskService{c: c}
	c.Observables = &ObservableService{c: c}
	c.Alerts = &AlertService{c: c}
	c.Comments = &CommentService{c: c}
	return c, nil
}

// Dialect returns the dialect the client speaks.
func (c *Client) Dialect() Dialect { return c.sp.dialect }

// do sends r and decodes a success into out. 200, 201 and 204 are all
// success; a 204 leaves out untouched.
func (c *Client) do(ctx context.Context, r *transport.Request, out any) (*transport.Response, error) {
	if ctx == nil {
		return nil, inputErr("context", "is nil")
	}
	return c.core.Do(ctx, r, out)
}

// getOne sends r and decodes one record (through its wire form W in
// TheHive 3/4).
func getOne[T, W any, PT recordOf[T], PW wireOf[T, W]](ctx context.Context, c *Client, r *transport.Request) (*T, error) {
	ans := &one[T, W, PT, PW]{sp: c.sp}
	if _, err := c.do(ctx, r, ans); err != nil {
		return nil, err
	}
	return ans.result(), nil
}

// checkID rejects an empty or blank object id before anything is sent.
func checkID(field, id string) error {
	if strings.TrimSpace(id) == "" {
		return inputErr(field, "is empty")
	}
	return nil
}

// needInput rejects a nil input before anything is sent.
func needInput[T any](field string, in *T) error {
	if in == nil {
		return inputErr(field, "is nil")
	}
	return nil
}
