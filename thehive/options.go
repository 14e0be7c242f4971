package thehive

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Option configures a Client; an option with a value that can never work
// makes NewClient fail.
type Option func(*options) error

type options struct {
	core    []transport.Option
	auth    transport.Authenticator
	authSet int
	dialect Dialect
}

func core(o transport.Option) Option {
	return func(opts *options) error { opts.core = append(opts.core, o); return nil }
}

// WithHTTPClient sets the HTTP client (proxies, custom TLS, instrumentation).
func WithHTTPClient(c *http.Client) Option { return core(transport.WithHTTPClient(c)) }

// WithRetries sets how many times a failed attempt may be repeated.
func WithRetries(n int) Option { return core(transport.WithRetries(n)) }

// WithoutRetries turns retries off.
func WithoutRetries() Option { return core(transport.WithoutRetries()) }

// WithRetryWait sets the bounds of the backoff between attempts.
func WithRetryWait(minWait, maxWait time.Duration) Option {
	return core(transport.WithRetryWait(minWait, maxWait))
}

// WithRateLimit limits requests to perSecond with the given burst.
func WithRateLimit(perSecond float64, burst int) Option {
	return core(transport.WithRateLimit(perSecond, burst))
}

// WithLimiter sets a caller-supplied rate limiter shared with other clients.
func WithLimiter(l transport.Limiter) Option { return core(transport.WithLimiter(l)) }

// WithLogger sets the logger for request records; secrets are redacted.
func WithLogger(l *slog.Logger) Option { return core(transport.WithLogger(l)) }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return core(transport.WithUserAgent(ua)) }

// WithMaxResponseBytes caps the size of a decoded answer.
func WithMaxResponseBytes(n int64) Option { return core(transport.WithMaxResponseBytes(n)) }

// WithTimeout bounds each call, retries included.
func WithTimeout(d time.Duration) Option { return core(transport.WithTimeout(d)) }

// WithHeader adds a header to every request.
func WithHeader(name, value string) Option { return core(transport.WithHeader(name, value)) }

// WithInsecureHTTP permits a plain-HTTP TheHive URL on a non-loopback host.
func WithInsecureHTTP() Option { return core(transport.WithInsecureHTTP()) }

func setAuth(a transport.Authenticator, err error) Option {
	return func(o *options) error {
		if err != nil {
			return err
		}
		o.auth = a
		o.authSet++
		return nil
	}
}

// WithAPIKey authenticates with a TheHive API key sent as a Bearer token.
func WithAPIKey(key string) Option { return setAuth(transport.BearerToken(key)) }

// WithBasicAuth authenticates with a login and password.
func WithBasicAuth(login, password string) Option {
	return setAuth(transport.BasicAuth(login, password))
}

// WithOrganisation selects the organisation every request acts in (the
// X-Organisation header), for users who belong to several.
func WithOrganisation(org string) Option {
	return func(o *options) error {
		if strings.TrimSpace(org) == "" {
			return inputErr("organisation", "is empty")
		}
		o.core = append(o.core, transport.WithHeader("X-Organisation", org))
		return nil
	}
}

// WithDialect selects the API the server speaks: V1 (TheHive 5, the
// default) or V0 (the /api/case API of TheHive 3 and 4).
func WithDialect(d Dialect) Option {
	return func(o *options) error {
		if d != V1 && d != V0 {
			return inputErr("dialect", "must be V1 or V0, got "+d.String())
		}
		o.dialect = d
		return nil
	}
}
