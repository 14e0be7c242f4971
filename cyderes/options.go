package cyderes

import (
	"github.com/incidentkit/incidentkit/internal/transport"
)

// options collects what the Option values set.
type options struct {
	core    []transport.Option
	auth    transport.Authenticator
	authSet int
}

// WithToken authenticates with the bearer token Cyderes issued; it is sent
// as "Authorization: Bearer <token>" and never appears in an error or a log
// record. A token is required, and may be given once.
func WithToken(token string) Option { return setAuth(transport.BearerToken(token)) }

// authenticator returns the token's authentication.
func (o *options) authenticator(*transport.Settings) (transport.Authenticator, error) {
	return o.auth, nil
}
