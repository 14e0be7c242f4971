package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// tokenAnswer is a token endpoint's success answer (RFC 6749 §5.1).
// expires_in is read as a number or a numeric string.
type tokenAnswer struct {
	AccessToken  string      `json:"access_token"`
	TokenType    string      `json:"token_type"`
	RefreshToken string      `json:"refresh_token"`
	ExpiresIn    json.Number `json:"expires_in"`
}

// exchange posts form to the token endpoint through the core and reads the
// token. A token request may be repeated (a second grant only issues a
// second token), so it is retried like a read.
func (s *tokenSource) exchange(ctx context.Context, form url.Values) (*oauth2.Token, error) {
	body := incidentkit.Upload{Reader: strings.NewReader(form.Encode()), ContentType: "application/x-www-form-urlencoded"}
	var ans tokenAnswer
	resp, err := s.core.Do(ctx, &transport.Request{
		Method: http.MethodPost,
		Path:   tokenPath,
		Body:   transport.RawBody(body),
		Replay: transport.ReplaySafe,
	}, &ans)
	if err != nil {
		return nil, s.failure(err)
	}
	problem := ""
	switch {
	case ans.AccessToken == "":
		problem = "answer holds no access_token"
	case ans.TokenType != "" && !strings.EqualFold(ans.TokenType, "bearer"):
		problem = "token type " + s.core.Redact(ans.TokenType) + " is not Bearer"
	}
	secs, numErr := ans.ExpiresIn.Int64()
	if ans.ExpiresIn != "" && (numErr != nil || secs < 0) {
		problem = "expires_in " + s.core.Redact(ans.ExpiresIn.String()) + " is not a number of seconds"
	}
	if problem != "" {
		return nil, &TokenError{Endpoint: s.endpoint, Err: &incidentkit.BodyError{
			Service: serviceName, Method: http.MethodPost, URL: s.endpoint,
			StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
			Err: errors.New(problem),
		}}
	}
	tok := &oauth2.Token{AccessToken: ans.AccessToken, TokenType: "Bearer", RefreshToken: ans.RefreshToken}
	if secs > 0 {
		tok.Expiry = time.Now().Add(time.Duration(secs) * time.Second)
	}
	return tok, nil
}

// failure turns the core's error for a token request into a *TokenError
// that keeps it as its cause.
func (s *tokenSource) failure(err error) error {
	te := &TokenError{Endpoint: s.endpoint, Err: err}
	var apiErr *incidentkit.Error
	if errors.As(err, &apiErr) {
		te.StatusCode = apiErr.StatusCode
		te.Code, te.Description = apiErr.Code, apiErr.Message
	}
	return te
}

// decodeTokenError reads OAuth's {"error":"...","error_description":"..."}
// (RFC 6749 §5.2), or ServiceNow's own error document.
func decodeTokenError(e *incidentkit.Error, body []byte) bool {
	var oe struct {
		Error       any    `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &oe) != nil {
		return false
	}
	if code, ok := oe.Error.(string); ok {
		e.Code, e.Message = code, oe.Description
		return true
	}
	return decodeError(e, body)
}
