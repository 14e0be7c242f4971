package transport

import (
	"crypto/tls"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"

	"golang.org/x/time/rate"
)

// Defaults for a new client.
const (
	DefaultMaxRetries       = 4
	DefaultRetryWaitMin     = 500 * time.Millisecond
	DefaultRetryWaitMax     = 30 * time.Second
	DefaultMaxResponseBytes = 64 << 20
	// maxErrorBody caps how much of an error answer is read and kept.
	maxErrorBody = 64 << 10
)

// Limiter is the public incidentkit.Limiter.
type Limiter = incidentkit.Limiter

// Settings configure a [Client]. An API package builds them with
// [NewSettingsFor] (its name, its base URL and the caller's options), adds
// what only it knows (authentication, an error decoder) and passes them
// to [New].
type Settings struct {
	// Service names the API in errors and log records.
	Service string
	// BaseURL is the API root every request path is joined to.
	BaseURL string
	// AllowInsecureHTTP permits a plain-HTTP BaseURL on a non-loopback host.
	AllowInsecureHTTP bool

	HTTPClient *http.Client
	// TLSConfig configures TLS for the client's own transport (it cannot
	// be combined with HTTPClient, whose transport owns its TLS).
	TLSConfig *tls.Config
	// WrapTransport, when set, wraps the transport each attempt is sent
	// through (the client's own or HTTPClient's), under the client's
	// authentication, logging and limiter layers.
	WrapTransport func(http.RoundTripper) http.RoundTripper
	// RetryPolicy, when set, is asked before each retry the client would
	// make, and may refuse it.
	RetryPolicy incidentkit.RetryPolicy
	Auth        Authenticator
	// Secrets, when set, lists values to keep out of errors and log
	// records besides Auth's (secrets a request carries in its body, such
	// as an OAuth grant's). It is called at the time of use.
	Secrets          func() []string
	Limiter          Limiter
	Logger           *slog.Logger
	UserAgent        string
	MaxRetries       int
	RetryWaitMin     time.Duration
	RetryWaitMax     time.Duration
	MaxResponseBytes int64
	Timeout          time.Duration
	// ResponseHeaderTimeout bounds each attempt's wait for the answer's
	// headers; 0 waits as long as the context allows.
	ResponseHeaderTimeout time.Duration
	Header                http.Header
	ErrorDecoder          ErrorDecoder
}

// Option changes Settings; it returns an error for a value that can never
// work, so that a bad option fails at construction.
type Option func(*Settings) error

// NewSettingsFor returns the defaults for the API named service (as it
// prefixes every error and log record, for example "servicenow") at
// baseURL, with opts applied in order. An option that can never work is
// an *InputError naming service: "servicenow: invalid retries: -1 is
// negative". The base URL itself is checked by [New].
func NewSettingsFor(service, baseURL string, opts ...Option) (*Settings, error) {
	s, err := NewSettings(opts...)
	if err != nil {
		return nil, forService(service, err)
	}
	s.Service, s.BaseURL = service, baseURL
	return s, nil
}

// NewSettings returns the defaults with opts applied in order, for a
// client whose Service and BaseURL are filled in afterwards. Its errors
// name no service; API packages use [NewSettingsFor].
func NewSettings(opts ...Option) (*Settings, error) {
	s := &Settings{
		MaxRetries:       DefaultMaxRetries,
		RetryWaitMin:     DefaultRetryWaitMin,
		RetryWaitMax:     DefaultRetryWaitMax,
		MaxResponseBytes: DefaultMaxResponseBytes,

		ResponseHeaderTimeout: DefaultResponseHeaderTimeout,
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// WithHTTPClient makes the client send through c's transport, redirect
// policy and cookie jar. Use it for proxies, custom TLS (a private CA, or
// verification turned off for a lab instance) or an instrumented transport.
func WithHTTPClient(c *http.Client) Option {
	return setNonNil("HTTP client", c, func(s *Settings) { s.HTTPClient = c })
}

// setNonNil is an option that refuses a nil v as an invalid field and
// otherwise stores it with set.
func setNonNil[T comparable](field string, v T, set func(*Settings)) Option {
	return func(s *Settings) error {
		var zero T
		if v == zero {
			return invalid(field, "is nil")
		}
		set(s)
		return nil
	}
}

// WithTLSConfig sets the TLS configuration of the client's own transport:
// a private CA (RootCAs), client certificates for mutual TLS
// (Certificates), a server name. The configuration is copied; its minimum
// version is raised to TLS 1.2.
func WithTLSConfig(c *tls.Config) Option {
	return setNonNil("TLS config", c, func(s *Settings) { s.TLSConfig = c.Clone() })
}

// WithTransportWrapper wraps the transport every attempt is sent through,
// for tracing or metrics (OpenTelemetry's otelhttp.NewTransport, for
// example).
func WithTransportWrapper(wrap func(http.RoundTripper) http.RoundTripper) Option {
	return func(s *Settings) error {
		if wrap == nil {
			return invalid("transport wrapper", "is nil")
		}
		s.WrapTransport = wrap
		return nil
	}
}

// WithRetryPolicy makes p decide, before each retry the client would make,
// whether to make it.
func WithRetryPolicy(p incidentkit.RetryPolicy) Option {
	return setNonNil("retry policy", p, func(s *Settings) { s.RetryPolicy = p })
}

// WithRetries sets how many times a failed attempt may be repeated (0 turns
// retries off).
func WithRetries(n int) Option {
	return func(s *Settings) error {
		if n < 0 {
			return invalid("retries", "%d is negative", n)
		}
		s.MaxRetries = n
		return nil
	}
}

// WithoutRetries sends every request exactly once.
func WithoutRetries() Option { return WithRetries(0) }

// WithRetryWait sets the first backoff wait and the longest wait between
// attempts; a server's Retry-After is clamped to maxWait.
func WithRetryWait(minWait, maxWait time.Duration) Option {
	return func(s *Settings) error {
		if minWait <= 0 {
			return invalid("retry wait", "minimum %s is not positive", minWait)
		}
		if maxWait < minWait {
			return invalid("retry wait", "maximum %s is below minimum %s", maxWait, minWait)
		}
		s.RetryWaitMin, s.RetryWaitMax = minWait, maxWait
		return nil
	}
}

// WithRateLimit limits the client to perSecond requests per second with
// bursts of up to burst requests; every attempt, retries included, waits
// for a token.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(s *Settings) error {
		if !(perSecond > 0) {
			return invalid("rate limit", "%v requests per second is not positive", perSecond)
		}
		if burst < 1 {
			return invalid("rate limit", "burst %d is below 1", burst)
		}
		s.Limiter = rate.NewLimiter(rate.Limit(perSecond), burst)
		return nil
	}
}

// WithLimiter makes every attempt wait on l, which may be shared with other
// clients.
func WithLimiter(l Limiter) Option {
	return setNonNil("limiter", l, func(s *Settings) { s.Limiter = l })
}

// WithLogger logs one record per attempt (method, redacted URL, status,
// attempt, duration) at debug level, and failed attempts at warn level. A
// nil logger keeps the client silent.
func WithLogger(l *slog.Logger) Option {
	return func(s *Settings) error {
		s.Logger = l
		return nil
	}
}

// WithUserAgent replaces the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(s *Settings) error {
		if strings.TrimSpace(ua) == "" {
			return invalid("user agent", "is empty")
		}
		if strings.ContainsAny(ua, "\r\n\x00") {
			return invalid("user agent", "contains a control character")
		}
		s.UserAgent = ua
		return nil
	}
}

// WithMaxResponseBytes caps the size of a JSON answer; a larger one is a
// *BodyError matching incidentkit.ErrResponseTooLarge. Downloads are not capped.
func WithMaxResponseBytes(n int64) Option {
	return func(s *Settings) error {
		if n <= 0 {
			return invalid("maximum response size", "%d is not positive", n)
		}
		s.MaxResponseBytes = n
		return nil
	}
}

// WithTimeout bounds every call, retries and waits included, when the
// caller's context has no earlier deadline.
func WithTimeout(d time.Duration) Option {
	return func(s *Settings) error {
		if d <= 0 {
			return invalid("timeout", "%s is not positive", d)
		}
		s.Timeout = d
		return nil
	}
}

// WithHeader adds a header to every request.
func WithHeader(name, value string) Option {
	return func(s *Settings) error {
		if !validHeaderName(name) {
			return invalid("header", "%q is not a valid header name", name)
		}
		if hasControlChar(value) {
			return invalid("header", "value of %s contains a control character", name)
		}
		if s.Header == nil {
			s.Header = http.Header{}
		}
		s.Header.Set(name, value)
		return nil
	}
}

// WithInsecureHTTP allows a plain-HTTP base URL on a host that is not a
// loopback address. Credentials then cross the network unencrypted.
func WithInsecureHTTP() Option {
	return func(s *Settings) error {
		s.AllowInsecureHTTP = true
		return nil
	}
}

// WithAuth sets how requests are authenticated.
func WithAuth(a Authenticator) Option {
	return setNonNil("authentication", a, func(s *Settings) { s.Auth = a })
}

func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`()<>@,;:\"/[]?={}`, c) >= 0 {
			return false
		}
	}
	return true
}

// Apply runs a client package's options on o in order, skipping nil ones,
// and returns the first error named for service (see [ForService]). Every
// client's NewClient starts with it:
//
//	var o options
//	if err := transport.Apply("servicenow", &o, opts); err != nil {
//		return nil, err
//	}
func Apply[O any, F ~func(*O) error](service string, o *O, opts []F) error {
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(o); err != nil {
			return forService(service, err)
		}
	}
	return nil
}
