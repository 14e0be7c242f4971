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

// WithOAuthPassword authenticates with OAuth's password grant against the
// instance's /oauth_token.do; tokens are refreshed automatically.
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
// grant against the instance's /oauth_token.do (when enabled there).
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

// TokenError reports a failed OAuth token request. It never holds the
// client secret, password or any token.
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
