package transport

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/incidentkit/incidentkit/internal/callctx"
)

// addExtras adds to the request being built the query parameters and
// header fields the caller's context carries (incidentkit.WithQuery and
// WithHeader). The call's own parameters and fields win; credentials are
// never taken from the context. A header that cannot be sent is an
// *InputError.
func (c *Client) addExtras(ctx context.Context, u *url.URL, h http.Header) error {
	if q, ok := callctx.Value[callctx.ExtraQuery](ctx); ok && len(q.Values) > 0 {
		own, _ := url.ParseQuery(u.RawQuery)
		add := url.Values{}
		for k, vs := range q.Values {
			if _, taken := own[k]; !taken && k != "" {
				add[k] = vs
			}
		}
		if len(add) > 0 {
			if u.RawQuery != "" {
				u.RawQuery += "&"
			}
			u.RawQuery += add.Encode()
		}
	}
	x, ok := callctx.Value[callctx.ExtraHeader](ctx)
	if !ok || len(x.Header) == 0 {
		return nil
	}
	if err := checkHeader(x.Header); err != nil {
		return err
	}
	own := ""
	if f, ok := c.set.Auth.(fixedHeader); ok {
		own, _ = f.fixed()
	}
	for k, vs := range x.Header {
		name := http.CanonicalHeaderKey(k)
		if _, taken := h[name]; taken || name == own || credentialHeader(name) {
			continue
		}
		h[name] = vs
	}
	return nil
}

// credentialHeader reports header names that carry credentials, which a
// context cannot set.
func credentialHeader(name string) bool {
	switch strings.ToLower(name) {
	case "authorization", "proxy-authorization", "cookie", "x-sn-apikey", "x-api-key", "api-key":
		return true
	}
	return false
}
