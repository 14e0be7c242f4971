package cyderes

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Limiter is anything that makes a caller wait for permission to send,
// such as a *rate.Limiter from golang.org/x/time/rate.
type Limiter = transport.Limiter

// Option configures a Client; an option with a value that can never work
// makes NewClient fail.
type Option func(*options) error

type options struct {
	core    []transport.Option
	baseURL string
	auth    transport.Authenticator
	authSet int
}

func core(o transport.Option) Option {
	return func(opts *options) error { opts.core = append(opts.core, o); return nil }
}

// WithBaseURL replaces the default base URL (DefaultBaseURL), for a
// regional endpoint, a proxy or a test server.
func WithBaseURL(u string) Option {
	return func(o *options) error {
		o.baseURL = u
		return nil
	}
}

// WithToken authenticates with the bearer token Cyderes issued; it is sent
// as "Authorization: Bearer <token>". A token is required.
func WithToken(token string) Option {
	return func(o *options) error {
		a, err := transport.BearerToken(token)
		if err != nil {
			return err
		}
		o.auth = a
		o.authSet++
		return nil
	}
}

// WithHTTPClient sets the HTTP client (proxies, custom TLS, instrumentation).
func WithHTTPClient(c *http.Client) Option { return core(transport.WithHTTPClient(c)) }

// WithRetries sets how many times a failed attempt may be repeated.
func WithRetries(n int) Option { return core(transport.WithRetries(n)) }

// WithoutRetries turns retries off.
func WithoutRetries() Option { return core(transport.WithoutRetries()) }

// WithRetryWait sets the bounds of the backoff between attempts; a server's
// Retry-After is clamped to maxWait.
func WithRetryWait(minWait, maxWait time.Duration) Option {
	return core(transport.WithRetryWait(minWait, maxWait))
}

// WithRateLimit limits requests to perSecond with the given burst; every
// attempt, retries included, waits for a token.
func WithRateLimit(perSecond float64, burst int) Option {
	return core(transport.WithRateLimit(perSecond, burst))
}

// WithLimiter sets a caller-supplied rate limiter, which may be shared with
// other clients.
func WithLimiter(l Limiter) Option { return core(transport.WithLimiter(l)) }

// WithLogger sets the logger for request records; the token is redacted.
func WithLogger(l *slog.Logger) Option { return core(transport.WithLogger(l)) }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return core(transport.WithUserAgent(ua)) }

// WithMaxResponseBytes caps the size of a decoded JSON answer. Raw
// attachment downloads are not capped.
func WithMaxResponseBytes(n int64) Option { return core(transport.WithMaxResponseBytes(n)) }

// WithTimeout bounds each call, retries included, when the caller's
// context has no earlier deadline.
func WithTimeout(d time.Duration) Option { return core(transport.WithTimeout(d)) }

// WithHeader adds a header to every request.
func WithHeader(name, value string) Option { return core(transport.WithHeader(name, value)) }

// WithInsecureHTTP permits a plain-HTTP base URL on a non-loopback host.
// The token then crosses the network unencrypted.
func WithInsecureHTTP() Option { return core(transport.WithInsecureHTTP()) }
