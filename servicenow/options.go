package servicenow

import (
	"github.com/incidentkit/incidentkit/internal/transport"
)

type options struct {
	core  []transport.Option
	auth  transport.Authenticator
	oauth *oauthConfig
	// authSet counts auth options so that two conflicting ones fail.
	authSet int
}

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
