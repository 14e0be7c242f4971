package transport

import (
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Client sends requests to one API. It is safe for concurrent use and
// holds no global state: every client has its own connection pool unless
// the caller shares an *http.Client.
type Client struct {
	set      Settings
	base     *url.URL
	basePath string // base URL's escaped path, without a trailing slash
	// http sends one attempt through the client's layers; retry repeats
	// attempts under the retry policy. Both are built once, in New.
	http  *http.Client
	retry *retryablehttp.Client
	scrub *scrubber
	// userAgentHeader is the User-Agent header value every request shares.
	userAgentHeader []string
	// pages holds the buffers answers decoded by a RawDecoder are read
	// into, for the next answer: a listing reads every page into the same
	// few buffers instead of growing a new one each time.
	pages sync.Pool
}

// New validates s and builds a client. A bad base URL, an unusable option
// or missing pieces are reported here, never at the first call, as an
// *InputError naming s.Service.
func New(s *Settings) (*Client, error) {
	if s == nil {
		return nil, invalid("settings", "are nil")
	}
	c, err := makeClient(s)
	if err != nil {
		return nil, forService(s.Service, err)
	}
	return c, nil
}

func makeClient(s *Settings) (*Client, error) {
	base, err := parseBaseURL(s.BaseURL, s.AllowInsecureHTTP)
	if err != nil {
		return nil, err
	}
	if s.MaxRetries < 0 {
		return nil, invalid("retries", "%d is negative", s.MaxRetries)
	}
	if s.RetryWaitMin <= 0 || s.RetryWaitMax < s.RetryWaitMin {
		return nil, invalid("retry wait", "minimum %s and maximum %s are not a valid range", s.RetryWaitMin, s.RetryWaitMax)
	}
	if s.MaxResponseBytes <= 0 {
		return nil, invalid("maximum response size", "%d is not positive", s.MaxResponseBytes)
	}
	if s.TLSConfig != nil && s.HTTPClient != nil {
		return nil, invalid("TLS config", "cannot be combined with an HTTP client: set TLS on that client's transport")
	}
	c := &Client{
		set:      *s,
		base:     base,
		basePath: strings.TrimSuffix(base.EscapedPath(), "/"),
	}
	c.set.Header = s.Header.Clone()
	c.scrub = newScrubber(s.Auth, s.Secrets)
	ua := s.UserAgent
	if ua == "" {
		ua = DefaultUserAgent()
	}
	c.userAgentHeader = []string{ua}
	c.http = c.buildHTTPClient()
	c.retry = c.newRetryClient()
	return c, nil
}

// buildHTTPClient stacks the layers under the retry loop: limiter, logging,
// authentication, send tracking, then the caller's or our own transport.
func (c *Client) buildHTTPClient() *http.Client {
	var hc http.Client
	var rt http.RoundTripper
	if c.set.HTTPClient != nil {
		hc = *c.set.HTTPClient
		hc.CheckRedirect = withRedirectRule(hc.CheckRedirect)
		rt = hc.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		if own, ok := rt.(*http.Transport); c.set.ResponseHeaderTimeout > 0 && (!ok || own.ResponseHeaderTimeout == 0) {
			// The caller's transport is theirs to configure: bound the
			// wait from outside it, unless it bounds it itself.
			rt = &headerTimeout{next: rt, d: c.set.ResponseHeaderTimeout}
		}
	} else {
		base := newBaseTransport()
		base.ResponseHeaderTimeout = c.set.ResponseHeaderTimeout
		if t := c.set.TLSConfig; t != nil {
			base.TLSClientConfig = t.Clone()
			base.TLSClientConfig.MinVersion = max(t.MinVersion, tls.VersionTLS12)
		}
		rt = base
		hc.CheckRedirect = checkRedirect
	}
	if wrap := c.set.WrapTransport; wrap != nil {
		if w := wrap(rt); w != nil {
			rt = w
		}
	}
	rt = &sendTracker{next: rt}
	if c.set.Auth != nil {
		rt = &authTransport{next: rt, auth: c.set.Auth, origin: c.base}
	}
	if c.set.Logger != nil {
		rt = &logTransport{next: rt, logger: c.set.Logger, service: c.set.Service, scrub: c.scrub}
	}
	if c.set.Limiter != nil {
		rt = &limitTransport{next: rt, limiter: c.set.Limiter}
	}
	hc.Transport = rt
	return &hc
}

// newBaseTransport is a private connection pool with TLS 1.2 or later.
func newBaseTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
	}
}

// errRedirectLimit ends a redirect loop.
var errRedirectLimit = errors.New("stopped after 10 redirects")

// checkRedirect follows at most 10 redirects, and none for a request other
// than GET or HEAD (a redirected POST would be replayed as a GET without
// its body). Credentials are never sent to another origin: the
// authentication layer only adds them for the base URL's origin.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errRedirectLimit
	}
	if m := via[0].Method; m != http.MethodGet && m != http.MethodHead {
		return http.ErrUseLastResponse
	}
	return nil
}

// withRedirectRule applies checkRedirect before a caller's own redirect
// policy, so a caller's http.Client never follows a redirected write (a
// POST whose body would go to wherever the Location points).
func withRedirectRule(theirs func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	if theirs == nil {
		return checkRedirect
	}
	return func(req *http.Request, via []*http.Request) error {
		if err := checkRedirect(req, via); err != nil {
			return err
		}
		return theirs(req, via)
	}
}

// parseBaseURL checks that raw is an absolute http(s) URL without user
// information, query or fragment, and that plain HTTP is used only on a
// loopback host unless allowed.
func parseBaseURL(raw string, allowHTTP bool) (*url.URL, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, invalid("base URL", "is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, invalid("base URL", "%v", errors.Unwrap(err))
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, invalid("base URL", "scheme must be https (got %q)", u.Scheme)
	case u.Host == "" || u.Hostname() == "":
		return nil, invalid("base URL", "has no host")
	case u.User != nil:
		return nil, invalid("base URL", "must not carry credentials; use an authentication option")
	case u.RawQuery != "" || u.ForceQuery:
		return nil, invalid("base URL", "must not have a query")
	case u.Fragment != "":
		return nil, invalid("base URL", "must not have a fragment")
	case u.Scheme == "http" && !allowHTTP && !isLoopback(u.Hostname()):
		return nil, invalid("base URL", "must use https (plain http is allowed for loopback hosts, or with the insecure-HTTP option)")
	}
	return u, nil
}

func isLoopback(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// Service returns the name of the API the client talks to.
func (c *Client) Service() string { return c.set.Service }

// BaseURL returns a copy of the client's base URL.
func (c *Client) BaseURL() *url.URL {
	u := *c.base
	return &u
}

// Redact returns s with the client's secrets replaced by REDACTED; API
// packages use it for any text they build from an answer.
func (c *Client) Redact(s string) string { return c.scrub.String(s) }

// owned names the client's API in an *InputError err carries; see
// [ForService].
func (c *Client) owned(err error) error { return forService(c.set.Service, err) }
