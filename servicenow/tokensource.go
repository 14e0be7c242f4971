package servicenow

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// tokenSource caches the grant's access token and renews it when it
// expires (oauth2.Token.Valid: ten seconds before its expiry).
//
// Concurrent callers that find no valid token share one fetch: one token
// request is on the wire at a time. The fetch is not bound to the caller
// that started it; each caller waits for it under its own context and may
// give up when that context ends, and the fetch itself is cancelled when
// every caller waiting for it has given up. No lock is held across the
// network.
type tokenSource struct {
	grant    *oauthConfig
	core     *transport.Client
	endpoint string

	mu    sync.Mutex
	tok   *oauth2.Token // the current token, guarded by mu
	fetch *tokenFetch   // the fetch in flight, guarded by mu

	// last is the newest token, read without mu to keep it out of errors
	// and log records.
	last atomic.Pointer[oauth2.Token]
}

// tokenFetch is one token request shared by the callers waiting for it.
type tokenFetch struct {
	done    chan struct{} // closed when tok or err is set
	tok     *oauth2.Token
	err     error
	waiters int // guarded by tokenSource.mu
	cancel  context.CancelFunc
}

// Token returns a valid access token, fetching one when needed.
func (s *tokenSource) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	if s.tok.Valid() {
		tok := s.tok.AccessToken
		s.mu.Unlock()
		return tok, nil
	}
	f := s.fetch
	if f == nil {
		f = s.start(s.tok)
	}
	f.waiters++
	s.mu.Unlock()
	select {
	case <-f.done:
		if f.err != nil {
			return "", f.err
		}
		// A token granted with a lifetime shorter than the renewal margin
		// is still used once; the next call renews it.
		return f.tok.AccessToken, nil
	case <-ctx.Done():
		s.leave(f)
		return "", &TokenError{Endpoint: s.endpoint, Err: ctx.Err()}
	}
}

// Drop forgets tok, which the instance refused (an HTTP 401 before its
// expiry: revoked, or the instance restarted), so that the next call
// renews it, with its refresh token when it has one. A token renewed in
// the meantime is kept.
func (s *tokenSource) Drop(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok != nil && s.tok.AccessToken == tok {
		stale := *s.tok
		stale.Expiry = time.Unix(1, 0)
		s.tok = &stale
	}
}

// start begins a fetch renewing prev (nil when there is none). s.mu is held.
func (s *tokenSource) start(prev *oauth2.Token) *tokenFetch {
	ctx, cancel := context.WithCancel(context.Background())
	f := &tokenFetch{done: make(chan struct{}), cancel: cancel}
	s.fetch = f
	go func() {
		tok, err := s.obtain(ctx, prev)
		cancel()
		s.mu.Lock()
		if err == nil {
			s.tok = tok
			s.last.Store(tok)
		}
		if s.fetch == f {
			s.fetch = nil
		}
		f.tok, f.err = tok, err
		s.mu.Unlock()
		close(f.done)
	}()
	return f
}

// leave records that a caller stopped waiting for f, and cancels f when
// nobody waits for it any more; a later caller starts a new fetch.
func (s *tokenSource) leave(f *tokenFetch) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f.waiters--
	if f.waiters == 0 {
		f.cancel()
		if s.fetch == f {
			s.fetch = nil
		}
	}
}

// obtain renews prev with its refresh token when it has one and falls back
// to the configured grant when the instance refuses the refresh token
// (expired, revoked or unknown), all within one fetch, so the call that
// needed the token does not fail for it.
func (s *tokenSource) obtain(ctx context.Context, prev *oauth2.Token) (*oauth2.Token, error) {
	if prev != nil && prev.RefreshToken != "" {
		tok, err := s.exchange(ctx, s.grant.refreshForm(prev.RefreshToken))
		if err == nil {
			if tok.RefreshToken == "" {
				// RFC 6749 §6: the old refresh token stays usable when
				// the answer carries no new one.
				tok.RefreshToken = prev.RefreshToken
			}
			return tok, nil
		}
		var te *TokenError
		if !errors.As(err, &te) || !te.refused() {
			return nil, err
		}
	}
	return s.exchange(ctx, s.grant.grantForm())
}

// secrets lists the client secret, the password and the newest tokens, to
// keep them out of the token requests' errors and log records.
func (s *tokenSource) secrets() []string {
	sec := s.grant.secrets()
	if tok := s.last.Load(); tok != nil {
		sec = append(sec, tok.AccessToken)
		if tok.RefreshToken != "" {
			sec = append(sec, tok.RefreshToken)
		}
	}
	return sec
}
