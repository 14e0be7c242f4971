package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Do sends r and decodes a successful JSON answer into out (a pointer; nil
// discards the body). It returns an *InputError before sending anything
// when r cannot be built, an *Error for a non-2xx answer, a *BodyError when
// a 2xx answer cannot be read or decoded, and a *RequestError when no
// answer arrived. A cancelled or expired context is reported so that
// errors.Is(err, context.Canceled) or context.DeadlineExceeded holds.
func (c *Client) Do(ctx context.Context, r *Request, out any) (*Response, error) {
	if ctx == nil {
		return nil, invalid("context", "is nil")
	}
	if r == nil {
		return nil, invalid("request", "is nil")
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return nil, invalid("result", "%T is not a non-nil pointer", out)
		}
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	u, err := c.resolve(r)
	if err != nil {
		return nil, err
	}
	st := &callState{method: method, safe: r.Replay.safe(method), download: r.Download != nil}
	body, contentType, length, err := c.prepareBody(r, st)
	if err != nil {
		return nil, err
	}
	if st.body != nil {
		defer st.body.finish()
	}
	if c.set.Timeout > 0 {
		if dl, ok := ctx.Deadline(); !ok || time.Until(dl) > c.set.Timeout {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, c.set.Timeout)
			defer cancel()
		}
	}
	ctx = withCallState(ctx, st)

	req, err := retryablehttp.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, invalid("request", "%v", err)
	}
	req.URL = u // keep the escaped path exactly as built
	if length >= 0 && body != nil {
		req.ContentLength = length
	}
	c.setHeaders(req.Header, r, contentType)
	redactedURL := RedactURL(u)
	scrub := c.scrub.with(querySecrets(u.RawQuery))
	call := &call{c: c, r: r, st: st, out: out, url: redactedURL, scrub: scrub}
	req.SetResponseHandler(call.handle)

	rc := &retryablehttp.Client{
		HTTPClient:   c.http,
		RetryMax:     c.set.MaxRetries,
		RetryWaitMin: c.set.RetryWaitMin,
		RetryWaitMax: c.set.RetryWaitMax,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return c.checkRetry(ctx, st, resp, err)
		},
		Backoff: func(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
			return st.wait
		},
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
		RequestLogHook: func(_ retryablehttp.Logger, _ *http.Request, i int) {
			st.attempt.Store(int32(i + 1))
			st.wrote.Store(false)
			st.handled, st.resp, st.written = false, nil, 0
		},
	}
	resp, err := rc.Do(req)
	if resp != nil && !st.handled {
		// The retries ran out on an answer the policy would have repeated:
		// turn it into the result now.
		herr := call.handle(resp)
		if err == nil {
			err = herr
		}
	}
	if err != nil {
		return nil, c.wrapError(ctx, method, redactedURL, scrub, err)
	}
	res := &Response{
		StatusCode: st.resp.StatusCode,
		Header:     st.resp.Header,
		Attempts:   int(st.attempt.Load()),
		Written:    st.written,
	}
	if r.Download != nil {
		res.FileName = dispositionFileName(st.resp.Header.Get("Content-Disposition"))
		res.ContentType = st.resp.Header.Get("Content-Type")
	}
	return res, nil
}

// prepareBody returns the body for go-retryablehttp (bytes, or a function
// producing each attempt's stream), its Content-Type and its length (-1
// when unknown).
func (c *Client) prepareBody(r *Request, st *callState) (any, string, int64, error) {
	switch {
	case r.JSON != nil && r.Body != nil:
		return nil, "", 0, invalid("request", "has both a JSON and a streamed body")
	case r.JSON != nil:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r.JSON); err != nil {
			return nil, "", 0, invalid("request body", "%v", err)
		}
		b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		return b, "application/json", int64(len(b)), nil
	case r.Body != nil:
		src, err := r.Body.source()
		if err != nil {
			return nil, "", 0, err
		}
		st.body = src
		return retryablehttp.ReaderFunc(src.attempt), src.contentType, src.length, nil
	}
	return nil, "", -1, nil
}

func (c *Client) setHeaders(h http.Header, r *Request, contentType string) {
	for k, v := range c.set.Header {
		h[k] = v
	}
	switch {
	case r.Accept != "":
		h.Set("Accept", r.Accept)
	case r.Download != nil:
		h.Set("Accept", "*/*")
	default:
		h.Set("Accept", "application/json")
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	h.Set("User-Agent", c.userAgent)
	for k, v := range r.Header {
		h[http.CanonicalHeaderKey(k)] = v
	}
}

// wrapError turns what go-retryablehttp returned into one of the package's
// error types, without the unredacted URL that *url.Error carries.
func (c *Client) wrapError(ctx context.Context, method, redactedURL string, scrub *scrubber, err error) error {
	var apiErr *Error
	var bodyErr *BodyError
	var inErr *InputError
	if errors.As(err, &apiErr) || errors.As(err, &bodyErr) || errors.As(err, &inErr) {
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ae *authError
	if errors.As(err, &ae) {
		err = ae.err
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = errors.Join(ctxErr, err)
	}
	return &RequestError{Service: c.set.Service, Method: method, URL: redactedURL, Err: scrubError{err: err, text: scrub.String(err.Error())}}
}

// scrubError keeps an error's chain for errors.Is and errors.As while its
// text has the client's secrets redacted.
type scrubError struct {
	err  error
	text string
}

func (e scrubError) Error() string { return e.text }
func (e scrubError) Unwrap() error { return e.err }
