package thehive

import (
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// options collects what the Options set before NewClient builds the
// client.
type options struct {
	core    []transport.Option
	auth    transport.Authenticator
	authSet int
	dialect Dialect
	version int
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
		if specFor(d) == nil {
			return inputErr("dialect", "must be V1 or V0, got "+d.String())
		}
		o.dialect = d
		return nil
	}
}

// WithServerVersion says which major version of TheHive the server runs:
// 3 or 4 for the V0 dialect, 4 or 5 for V1. TheHive 3 and 4 differ inside
// the V0 API (the assignee of a new case, custom field numbers, wildcard
// escaping in searches); without this option a V0 client asks the server
// once, with GET /api/status on its first call that sends a body or a
// search, and keeps the answer. V1 needs no version.
func WithServerVersion(major int) Option {
	return func(o *options) error {
		if major < 3 || major > 5 {
			return inputErr("server version", "must be 3, 4 or 5, got "+strconv.Itoa(major))
		}
		o.version = major
		return nil
	}
}

// authenticator returns the configured authentication, if any.
func (o *options) authenticator(*transport.Settings) (transport.Authenticator, error) {
	return o.auth, nil
}
