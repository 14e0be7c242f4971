package servicenow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// oauthConfig holds an OAuth grant until NewClient knows the instance URL.
type oauthConfig struct {
	clientID, clientSecret string
	user, password         string
	usePassword            bool
}

// TokenError reports a failed OAuth token request (WithOAuthPassword,
// WithOAuthClientCredentials). A call that needed the token fails with an
// *incidentkit.RequestError wrapping it, so errors.As finds it. It never
// holds the client secret, the password or any token.
type TokenError struct {
	// StatusCode is the token endpoint's HTTP status (0 when none came).
	StatusCode int
	// Code and Description are OAuth's error and error_description.
	Code        string
	Description string
	// Err is the underlying cause when no answer came.
	Err error
}

// Error implements the error interface.
func (e *TokenError) Error() string {
	if e.StatusCode == 0 {
		return fmt.Sprintf("servicenow: OAuth token request failed: %v", e.Err)
	}
	s := fmt.Sprintf("servicenow: OAuth token request failed: HTTP %d", e.StatusCode)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Description != "" {
		s += ": " + e.Description
	}
	return s
}

// Unwrap returns the cause when no answer came.
func (e *TokenError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnauthorized) hold when the token endpoint
// refused the credentials: an HTTP 401, or OAuth's access_denied,
// invalid_client, invalid_grant or unauthorized_client.
func (e *TokenError) Is(target error) bool {
	if target != ErrUnauthorized {
		return false
	}
	switch e.Code {
	case "access_denied", "invalid_client", "invalid_grant", "unauthorized_client":
		return true
	}
	return e.StatusCode == http.StatusUnauthorized
}

// tokenSource builds a refreshing token function for the grant.
func (c *oauthConfig) tokenSource(tokenURL string, hc *http.Client) func(ctx context.Context) (string, error) {
	ep := oauth2.Endpoint{TokenURL: tokenURL, AuthStyle: oauth2.AuthStyleInParams}
	var (
		mu  sync.Mutex
		src oauth2.TokenSource
	)
	return func(ctx context.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		octx := ctx
		if hc != nil {
			octx = context.WithValue(ctx, oauth2.HTTPClient, hc)
		}
		if src == nil {
			if c.usePassword {
				cfg := &oauth2.Config{ClientID: c.clientID, ClientSecret: c.clientSecret, Endpoint: ep}
				tok, err := cfg.PasswordCredentialsToken(octx, c.user, c.password)
				if err != nil {
					return "", c.tokenErr(err)
				}
				// The refreshing source keeps the background context; the
				// HTTP client travels in it.
				bg := context.Background()
				if hc != nil {
					bg = context.WithValue(bg, oauth2.HTTPClient, hc)
				}
				src = cfg.TokenSource(bg, tok)
				// Use the token just granted even if its lifetime is shorter
				// than the refresh margin; the next call refreshes it.
				return tok.AccessToken, nil
			} else {
				bg := context.Background()
				if hc != nil {
					bg = context.WithValue(bg, oauth2.HTTPClient, hc)
				}
				cc := &clientcredentials.Config{ClientID: c.clientID, ClientSecret: c.clientSecret, TokenURL: tokenURL, AuthStyle: oauth2.AuthStyleInParams}
				src = cc.TokenSource(bg)
			}
		}
		tok, err := src.Token()
		if err != nil {
			if c.usePassword {
				src = nil // start over with the password grant next time
			}
			return "", c.tokenErr(err)
		}
		return tok.AccessToken, nil
	}
}

func (c *oauthConfig) tokenErr(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		te := &TokenError{Code: re.ErrorCode, Description: c.scrub(re.ErrorDescription)}
		if re.Response != nil {
			te.StatusCode = re.Response.StatusCode
		}
		return te
	}
	return &TokenError{Err: errors.New(c.scrub(err.Error()))}
}

func (c *oauthConfig) scrub(s string) string {
	for _, sec := range []string{c.clientSecret, c.password} {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, "[REDACTED]")
		}
	}
	return s
}
