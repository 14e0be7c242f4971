package servicenow

import (
	"net/url"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// tokenPath is the instance's OAuth token endpoint, relative to its URL.
const tokenPath = "oauth_token.do"

// oauthConfig holds an OAuth grant until NewClient knows the instance URL.
type oauthConfig struct {
	clientID, clientSecret string
	user, password         string
	usePassword            bool
}

// grantForm is the configured grant's token request (RFC 6749 §4.3 and
// §4.4), with the client's credentials in the body as ServiceNow expects.
func (c *oauthConfig) grantForm() url.Values {
	f := url.Values{"client_id": {c.clientID}, "client_secret": {c.clientSecret}}
	if c.usePassword {
		f.Set("grant_type", "password")
		f.Set("username", c.user)
		f.Set("password", c.password)
	} else {
		f.Set("grant_type", "client_credentials")
	}
	return f
}

// refreshForm renews a token with its refresh token (RFC 6749 §6).
func (c *oauthConfig) refreshForm(refreshToken string) url.Values {
	return url.Values{
		"grant_type":    {"refresh_token"},
		"client_id":     {c.clientID},
		"client_secret": {c.clientSecret},
		"refresh_token": {refreshToken},
	}
}

// secrets are the grant's static secrets.
func (c *oauthConfig) secrets() []string {
	if c.password == "" {
		return []string{c.clientSecret}
	}
	return []string{c.clientSecret, c.password}
}

// newTokenSource builds the token source for the grant. Token requests are
// sent by a core client of their own, made from the API client's settings:
// the same HTTP client, redirect rule and origin check, limiter, logger,
// timeouts, retries and size limit; it only carries no credentials header
// (the grant is in the body, its secrets are kept out of errors and logs)
// and reads OAuth's error answers.
func newTokenSource(c *oauthConfig, s *transport.Settings) (*tokenSource, error) {
	src := &tokenSource{grant: c, endpoint: strings.TrimSuffix(s.BaseURL, "/") + "/" + tokenPath}
	ts := *s
	ts.Auth, ts.Secrets = nil, src.secrets
	ts.ErrorDecoder = decodeTokenError
	core, err := transport.New(&ts)
	if err != nil {
		return nil, err
	}
	src.core = core
	return src, nil
}
