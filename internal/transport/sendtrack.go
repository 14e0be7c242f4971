package transport

import (
	"net/http"
	"net/http/httptrace"
)

// sendTracker is the innermost layer: it records in the call's state
// whether an attempt's headers were written to a connection. An attempt
// that failed before that provably did not reach the server, so even a
// request that is not safe may be sent again. Safe requests are repeated
// after any connection failure, so they are not traced.
//
// The proof rests on httptrace, which only a transport that keeps the
// request's context can report to. So the tracker also records that the
// transport asked for a connection (GetConn, the first event of every
// attempt of net/http and x/net/http2): an attempt for which even that was
// not seen — a caller's transport that drops the context, or one that does
// not trace at all — is assumed to have been sent.
type sendTracker struct {
	next http.RoundTripper
}

func (t *sendTracker) RoundTrip(req *http.Request) (*http.Response, error) {
	k := callFrom(req.Context())
	if k == nil || k.safe {
		return t.next.RoundTrip(req)
	}
	attempt := int32(k.attempt)
	trace := &httptrace.ClientTrace{
		GetConn:      func(string) { k.tracedAttempt.Store(attempt) },
		WroteHeaders: func() { k.sentAttempt.Store(attempt) },
	}
	return t.next.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
}
