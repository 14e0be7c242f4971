package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/incidentkit/incidentkit/internal/callctx"
)

// build checks r and out and turns them into the call's state and the
// request go-retryablehttp sends. It sends nothing: its error is an
// *InputError, or the failure to read an upload's content while measuring
// or sniffing it.
func (c *Client) build(ctx context.Context, r *Request, out any) (*call, *retryablehttp.Request, error) {
	if r == nil {
		return nil, nil, invalid("request", "is nil")
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return nil, nil, invalid("result", "%T is not a non-nil pointer", out)
		}
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	u, err := c.resolve(r)
	if err != nil {
		return nil, nil, err
	}
	if err := checkHeader(r.Header); err != nil {
		return nil, nil, err
	}
	k := &call{Context: ctx, c: c, r: r, out: out, method: method, url: u, safe: r.Replay.safe(method)}
	if _, once := callctx.Value[callctx.SendOnce](ctx); once && method != http.MethodGet &&
		method != http.MethodHead && method != http.MethodOptions {
		k.safe = false
	}
	body, contentType, err := k.prepareBody()
	if err != nil {
		return nil, nil, err
	}

	h := c.header(r, contentType)
	if err := c.addExtras(ctx, u, h); err != nil {
		k.finish()
		return nil, nil, err
	}
	hr := (&http.Request{
		Method:     method,
		URL:        u, // the escaped path exactly as built
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
	}).WithContext(k)
	k.req = retryablehttp.Request{Request: hr}
	req := &k.req
	if body != nil {
		if err := req.SetBody(body); err != nil {
			k.finish()
			return nil, nil, invalid("request body", "%v", err)
		}
		if k.body != nil && k.body.length >= 0 {
			req.ContentLength = k.body.length // unknown otherwise: sent chunked
		}
	}
	return k, req, nil
}

// prepareBody returns the body in the form go-retryablehttp takes (the
// encoded JSON, or a function producing each attempt's stream) and its
// Content-Type.
func (k *call) prepareBody() (any, string, error) {
	r := k.r
	switch {
	case r.JSON != nil && r.Body != nil:
		return nil, "", invalid("request", "has both a JSON and a streamed body")
	case r.JSON != nil:
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r.JSON); err != nil {
			return nil, "", invalid("request body", "%v", err)
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), "application/json", nil
	case r.Body != nil:
		src, err := r.Body.source()
		if err != nil {
			return nil, "", err
		}
		k.body = src
		return retryablehttp.ReaderFunc(src.attempt), src.contentType, nil
	}
	return nil, "", nil
}

// Header values shared by every request. They are never modified: the
// authentication layer replaces whole entries, on a copy of the header.
var (
	acceptJSON      = []string{"application/json"}
	acceptAnything  = []string{"*/*"}
	contentTypeJSON = []string{"application/json"}
)

// header builds a request's header: the client's own headers, Accept,
// Content-Type and User-Agent, then r.Header, which wins over them, then
// a fixed credential header, which wins over everything.
func (c *Client) header(r *Request, contentType string) http.Header {
	h := make(http.Header, len(c.set.Header)+len(r.Header)+3)
	for k, v := range c.set.Header {
		h[k] = v
	}
	switch {
	case r.Accept != "":
		h["Accept"] = []string{r.Accept}
	case r.Download != nil:
		h["Accept"] = acceptAnything
	default:
		h["Accept"] = acceptJSON
	}
	switch contentType {
	case "":
	case "application/json":
		h["Content-Type"] = contentTypeJSON
	default:
		h["Content-Type"] = []string{contentType}
	}
	h["User-Agent"] = c.userAgentHeader
	for k, v := range r.Header {
		h[http.CanonicalHeaderKey(k)] = v
	}
	if f, ok := c.set.Auth.(fixedHeader); ok {
		// Every built request is bound for the API's origin (resolve
		// refuses any other); the authentication layer takes the header
		// off a redirect elsewhere.
		name, value := f.fixed()
		h[name] = value
	}
	return h
}

// checkHeader refuses a per-call header that could not be sent as given:
// a name that is not a token, a value with a control character that would
// end the header and start another.
func checkHeader(h http.Header) error {
	for name, vs := range h {
		if !validHeaderName(name) {
			return invalid("header", "%q is not a valid header name", name)
		}
		for _, v := range vs {
			if hasControlChar(v) {
				return invalid("header", "value of %s contains a control character", name)
			}
		}
	}
	return nil
}
