package transport

import (
	"net/http"
	"net/http/httptrace"
)

// sendTracker is the innermost layer: it records whether any part of an
// attempt was written to a connection. An attempt that failed before its
// headers were written provably did not reach the server, so even a
// non-idempotent request may be sent again. Safe requests are repeated
// after any connection failure, so they are not traced.
type sendTracker struct {
	next http.RoundTripper
}

func (t *sendTracker) RoundTrip(req *http.Request) (*http.Response, error) {
	st := stateFrom(req.Context())
	if st == nil || st.safe {
		return t.next.RoundTrip(req)
	}
	trace := &httptrace.ClientTrace{WroteHeaders: st.markWrote}
	return t.next.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
}
