package servicenow

import (
	"github.com/incidentkit/incidentkit/internal/transport"
)

// options collects what the options set; NewClient turns them into the
// core's settings.
type options struct {
	core  []transport.Option
	auth  transport.Authenticator
	oauth *oauthConfig
	// authSet counts auth options so that two conflicting ones fail.
	authSet int
}

// authenticator returns the configured authentication: a fixed header, or
// an OAuth grant against the instance's token endpoint.
func (o *options) authenticator(s *transport.Settings) (transport.Authenticator, error) {
	if o.oauth == nil {
		return o.auth, nil
	}
	src, err := newTokenSource(o.oauth, s)
	if err != nil {
		return nil, err
	}
	return transport.RefreshingToken(src.Token, src.Drop, o.oauth.secrets()...)
}

// WithBasicAuth authenticates with a user name and password. Neither may
// be empty, and the user name may not contain a colon.
func WithBasicAuth(user, password string) Option { return setAuth(transport.BasicAuth(user, password)) }

// WithBearerToken authenticates with a fixed OAuth access token, sent as
// "Authorization: Bearer <token>". It is not refreshed; use
// WithOAuthPassword or WithOAuthClientCredentials for tokens that expire.
func WithBearerToken(token string) Option { return setAuth(transport.BearerToken(token)) }

// WithAPIKey authenticates with an API key sent in the x-sn-apikey header.
func WithAPIKey(key string) Option { return setAuth(transport.APIKeyHeader("x-sn-apikey", key)) }

// WithOAuthPassword authenticates with OAuth's password grant against the
// instance's /oauth_token.do (an OAuth API endpoint registered on the
// instance gives the client ID and secret). The token is requested at the
// first call and refreshed automatically; a failed token request is a
// *TokenError that never holds the secret or the password.
func WithOAuthPassword(clientID, clientSecret, user, password string) Option {
	return func(o *options) error {
		if clientID == "" || clientSecret == "" || user == "" || password == "" {
			return inputErr("OAuth password grant", "client ID, client secret, user and password are all required")
		}
		o.oauth = &oauthConfig{clientID: clientID, clientSecret: clientSecret, user: user, password: password, usePassword: true}
		o.authSet++
		return nil
	}
}

// WithOAuthClientCredentials authenticates with OAuth's client credentials
// grant against the instance's /oauth_token.do (when the instance enables
// that grant). Tokens are requested at the first call and renewed when they
// expire; a failed token request is a *TokenError.
func WithOAuthClientCredentials(clientID, clientSecret string) Option {
	return func(o *options) error {
		if clientID == "" || clientSecret == "" {
			return inputErr("OAuth client credentials", "client ID and client secret are required")
		}
		o.oauth = &oauthConfig{clientID: clientID, clientSecret: clientSecret}
		o.authSet++
		return nil
	}
}
