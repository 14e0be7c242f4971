package cyderes

import (
	"github.com/incidentkit/incidentkit/internal/transport"
)

type options struct {
	core    []transport.Option
	baseURL string
	auth    transport.Authenticator
	authSet int
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
