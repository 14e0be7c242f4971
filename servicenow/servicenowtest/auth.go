package servicenowtest

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// authenticate returns the user a request acts as.
func (s *Server) authenticate(r *http.Request) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if key := r.Header.Get("x-sn-apikey"); key != "" {
		return "api.key.user", s.apiKeys[key]
	}
	if user, pass, ok := r.BasicAuth(); ok {
		want, known := s.users[user]
		return user, known && want == pass
	}
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		exp, known := s.tokens[tok]
		if known && (exp.IsZero() || s.clock().Before(exp)) {
			return "oauth.user", true
		}
	}
	return "", false
}

// oauthToken implements /oauth_token.do: the password, client credentials
// and refresh token grants, form-encoded.
func (s *Server) oauthToken(w http.ResponseWriter, r *http.Request) {
	fail := func(code, desc string) {
		fakehttp.WriteJSON(w, http.StatusUnauthorized, map[string]string{"error": code, "error_description": desc})
	}
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		fakehttp.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "form-encoded POST required"})
		return
	}
	if err := r.ParseForm(); err != nil {
		fakehttp.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": err.Error()})
		return
	}
	f := r.PostForm
	s.mu.Lock()
	defer s.mu.Unlock()
	secret, known := s.clients[f.Get("client_id")]
	if !known || secret != f.Get("client_secret") {
		fail("access_denied", "unknown client or wrong secret")
		return
	}
	user := "oauth.client"
	switch f.Get("grant_type") {
	case "password":
		if want, ok := s.users[f.Get("username")]; !ok || want != f.Get("password") {
			fail("access_denied", "wrong user name or password")
			return
		}
		user = f.Get("username")
	case "client_credentials":
	case "refresh_token":
		u, ok := s.refresh[f.Get("refresh_token")]
		if !ok {
			fail("invalid_grant", "unknown refresh token")
			return
		}
		user = u
	default:
		fakehttp.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	s.seq++
	access := fmt.Sprintf("fake-access-%d", s.seq)
	s.tokens[access] = s.clock().Add(s.tokenTTL)
	out := map[string]any{"access_token": access, "token_type": "Bearer", "expires_in": int(s.tokenTTL.Seconds()), "scope": "useraccount"}
	if f.Get("grant_type") != "client_credentials" {
		refresh := fmt.Sprintf("fake-refresh-%d", s.seq)
		s.refresh[refresh] = user
		out["refresh_token"] = refresh
	}
	fakehttp.WriteJSON(w, http.StatusOK, out)
}
