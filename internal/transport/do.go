package transport

import (
	"context"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/callctx"
)

// Do sends r and decodes a successful JSON answer into out (a pointer; nil
// discards the body). It returns an *InputError before sending anything
// when r cannot be built, an *Error for a non-2xx answer, a *BodyError when
// a 2xx answer cannot be read or decoded, and a *RequestError when no
// answer arrived. A cancelled or expired context is reported so that
// errors.Is(err, context.Canceled) or context.DeadlineExceeded holds.
//
// A call has three steps: build checks r and makes the request (nothing
// is sent when it fails), send makes the attempts under the retry policy
// and reads the answer, and the call's state then describes the result.
func (c *Client) Do(ctx context.Context, r *Request, out any) (*Response, error) {
	if ctx == nil {
		return nil, c.owned(invalid("context", "is nil"))
	}
	ctx, cancel := c.bound(ctx)
	defer cancel()
	k, req, err := c.build(ctx, r, out)
	if err != nil {
		return nil, c.owned(err)
	}
	defer k.finish()
	err = c.send(ctx, k, req)
	if rec, ok := callctx.Value[*incidentkit.Response](ctx); ok && rec != nil {
		*rec = k.record()
	}
	if err != nil {
		return nil, err
	}
	return k.result(), nil
}

// bound applies the client's timeout to ctx unless ctx ends sooner.
func (c *Client) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if c.set.Timeout > 0 {
		if dl, ok := ctx.Deadline(); !ok || time.Until(dl) > c.set.Timeout {
			return context.WithTimeout(ctx, c.set.Timeout)
		}
	}
	return ctx, func() {}
}
