package servicenow

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Option configures a Client; an option with a value that can never work
// makes NewClient fail.
type Option func(*options) error

type options struct {
	core  []transport.Option
	auth  transport.Authenticator
	oauth *oauthConfig
	// authSet counts auth options so that two conflicting ones fail.
	authSet int
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

// WithUserAgent sets the User-Agent header's product part.
func WithUserAgent(ua string) Option { return core(transport.WithUserAgent(ua)) }

// WithMaxResponseBytes caps the size of a decoded answer.
func WithMaxResponseBytes(n int64) Option { return core(transport.WithMaxResponseBytes(n)) }

// WithTimeout bounds each call, retries included.
func WithTimeout(d time.Duration) Option { return core(transport.WithTimeout(d)) }

// WithHeader adds a header to every request.
func WithHeader(name, value string) Option { return core(transport.WithHeader(name, value)) }

// WithInsecureHTTP permits a plain-HTTP instance URL on a non-loopback host.
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

// WithBasicAuth authenticates with a user name and password.
func WithBasicAuth(user, password string) Option { return setAuth(transport.BasicAuth(user, password)) }

// WithBearerToken authenticates with a fixed OAuth access token.
func WithBearerToken(token string) Option { return setAuth(transport.BearerToken(token)) }

// WithAPIKey authenticates with an API key sent in the x-sn-apikey header.
func WithAPIKey(key string) Option { return setAuth(transport.APIKeyHeader("x-sn-apikey", key)) }
