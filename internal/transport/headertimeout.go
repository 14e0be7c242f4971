package transport

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// DefaultResponseHeaderTimeout bounds the wait for an answer's headers on
// each attempt. ServiceNow cancels a Table API transaction that runs past
// 60 s, and TheHive and Cyderes answer far sooner, so a server silent for
// two minutes after taking the request has hung, not slowed. It bounds only
// the headers: a large body may stream for as long as the caller's context
// allows.
const DefaultResponseHeaderTimeout = 2 * time.Minute

// WithResponseHeaderTimeout sets how long each attempt waits for the
// answer's headers after the request was sent (see
// [DefaultResponseHeaderTimeout]); 0 waits as long as the context allows.
// An attempt that times out is retried like a dropped connection: a read
// is, a create is not.
func WithResponseHeaderTimeout(d time.Duration) Option {
	return func(s *Settings) error {
		if d < 0 {
			return invalid("response header timeout", "%s is negative", d)
		}
		s.ResponseHeaderTimeout = d
		return nil
	}
}

// headerTimeout ends an attempt whose answer's headers have not arrived
// within d. It works over any transport, the caller's own included,
// because it only cancels the attempt's context; once the headers are in,
// the body streams until it is closed.
type headerTimeout struct {
	next http.RoundTripper
	d    time.Duration
}

func (t *headerTimeout) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithCancel(req.Context())
	timer := time.AfterFunc(t.d, cancel)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	fired := !timer.Stop()
	if err != nil {
		cancel()
		if fired && req.Context().Err() == nil {
			// The caller's context is alive: the wait ran out, not the call.
			return nil, fmt.Errorf("no answer within %s: %w", t.d, os.ErrDeadlineExceeded)
		}
		return nil, err
	}
	if k := callFrom(req.Context()); k != nil {
		// The core reads every answer before its call ends: the call
		// releases the attempt's context then, or when it sends the
		// next attempt, once this answer has been drained.
		k.holdAttempt(cancel)
		return resp, nil
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose releases an attempt's context when its body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
