package thehive

import (
	"context"
	"net/http"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Client talks to one TheHive server in one dialect. It is safe for
// concurrent use. Its services group the API.
type Client struct {
	core *transport.Client
	// sp is the dialect's endpoints and encodings, chosen once. For V0 it
	// holds until the server's version is known; version then picks the
	// encodings of TheHive 3 or 4 (see Client.spec).
	sp      *dialectSpec
	version versionProbe
	// Cases creates, reads, updates, closes, deletes, lists and counts
	// cases.
	Cases *CaseService
	// Tasks manages the tasks of cases and their logs.
	Tasks *TaskService
	// Observables manages the observables of cases, plain and file.
	Observables *ObservableService
	// Alerts manages alerts.
	Alerts *AlertService
	// Comments adds and lists the comments of cases (V1 only).
	Comments *CommentService
	// CaseTemplates manages case templates.
	CaseTemplates *CaseTemplateService
	// CustomFields lists and creates the definitions of custom fields.
	CustomFields *CustomFieldService
	// Procedures records ATT&CK techniques on cases and alerts (V1 only).
	Procedures *ProcedureService
	// Pages keeps the pages of cases (V1 only).
	Pages *PageService
	// Attachments stores files on cases, alerts and task logs (V1 only).
	Attachments *AttachmentService
	// Cortex runs analyzers and responders through TheHive.
	Cortex *CortexService
}

// NewClient returns a client for baseURL, the server's root (for example
// "https://thehive.example.com" or "http://127.0.0.1:9000"). The URL must
// use HTTPS unless it is a loopback address or WithInsecureHTTP is given.
// At most one of WithAPIKey and WithBasicAuth may be given. The dialect is
// V1 unless WithDialect says otherwise. Options are checked here: a bad
// one makes NewClient fail with an error matching ErrInvalidInput.
func NewClient(baseURL string, opts ...Option) (*Client, error) {
	o := options{dialect: V1}
	core, err := newCore("base URL", baseURL, &o, opts, false)
	if err != nil {
		return nil, err
	}
	c := &Client{core: core, sp: specFor(o.dialect)}
	if err := c.version.fix(c.sp, o.version); err != nil {
		return nil, err
	}
	c.Cases = &CaseService{c: c}
	c.Tasks = &TaskService{c: c}
	c.Observables = &ObservableService{c: c}
	c.Alerts = &AlertService{c: c}
	c.Comments = &CommentService{c: c}
	c.CaseTemplates = &CaseTemplateService{c: c}
	c.CustomFields = &CustomFieldService{c: c}
	c.Procedures = &ProcedureService{c: c}
	c.Pages = &PageService{c: c}
	c.Attachments = &AttachmentService{c: c}
	c.Cortex = &CortexService{c: c}
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

// route is where a call goes: one of the dialect's endpoints and the id it
// takes.
type route struct {
	// path is the endpoint; it is "" when the dialect lacks it, and what
	// then names the call in the error ("creating an alert").
	path, what string
	// idField names the id in an input error ("case id"); it is "" for an
	// endpoint that takes no id. idField2 and id2 are the second id of an
	// endpoint that takes two (the case an alert is merged into).
	idField, id   string
	idField2, id2 string
}

// request returns the request of a call to rt. An endpoint the dialect
// lacks and an empty id fail before anything is sent.
func (c *Client) request(method string, rt route, replay transport.Replay) (*transport.Request, error) {
	path, err := c.sp.endpoint(rt.path, rt.what)
	if err != nil {
		return nil, err
	}
	r := &transport.Request{Method: method, Path: path, Replay: replay}
	if rt.idField != "" {
		if err := required(rt.idField, rt.id); err != nil {
			return nil, err
		}
		r.Args = []string{rt.id}
	}
	if rt.idField2 != "" {
		if err := required(rt.idField2, rt.id2); err != nil {
			return nil, err
		}
		r.Args = append(r.Args, rt.id2)
	}
	return r, nil
}

// input is a pointer to an input type: put checks the input and writes
// its JSON body for the dialect of sp to b.
type input[I any] interface {
	*I
	put(sp *dialectSpec, b map[string]any) error
}

// write returns the request of a call to rt carrying in's body, encoded
// for the server's version. A nil in (named field in the error) and one
// that fails its own checks fail before anything is sent.
func write[I any, PI input[I]](ctx context.Context, c *Client, method string, rt route, replay transport.Replay, field string,
	in PI) (*transport.Request, error) {
	r, err := c.request(method, rt, replay)
	if err != nil {
		return nil, err
	}
	if in == nil {
		return nil, inputErr(field, "is nil")
	}
	sp, err := c.spec(ctx)
	if err != nil {
		return nil, err
	}
	b := map[string]any{}
	if err := in.put(sp, b); err != nil {
		return nil, err
	}
	r.JSON = b
	return r, nil
}

// read returns the record at rt.
func read[T, W any, PT recordOf[T], PW wireOf[T, W]](ctx context.Context, c *Client, rt route) (*T, error) {
	r, err := c.request(http.MethodGet, rt, transport.ReplayByMethod)
	if err != nil {
		return nil, err
	}
	return getOne[T, W, PT, PW](ctx, c, r)
}

// create posts in (named field in an input error) to rt once and returns
// the record the server made.
func create[T, W any, PT recordOf[T], PW wireOf[T, W], I any, PI input[I]](ctx context.Context, c *Client, rt route, field string,
	in PI) (*T, error) {
	r, err := write(ctx, c, http.MethodPost, rt, transport.ReplayUnsafe, field, in)
	if err != nil {
		return nil, err
	}
	return getOne[T, W, PT, PW](ctx, c, r)
}

// patch sends the changes in in (named field in an input error) to the
// object at rt; replay says whether they may be sent twice.
func patch[I any, PI input[I]](ctx context.Context, c *Client, rt route, replay transport.Replay, field string, in PI) error {
	r, err := write(ctx, c, http.MethodPatch, rt, replay, field, in)
	if err == nil {
		_, err = c.do(ctx, r, nil)
	}
	return err
}

// remove deletes the object at rt.
func (c *Client) remove(ctx context.Context, rt route) error {
	r, err := c.request(http.MethodDelete, rt, transport.ReplayByMethod)
	if err == nil {
		_, err = c.do(ctx, r, nil)
	}
	return err
}
