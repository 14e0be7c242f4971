package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// checkRetry is the retry policy handed to go-retryablehttp. It is called
// once per attempt with either the answer or the error of that attempt (or
// the error from reading the answer), and decides both whether to send
// again and how long to wait first.
//
// Safe requests are repeated on connection errors, on a body cut short, and
// on 429, 502, 503 and 504. Unsafe requests are repeated only where the
// server provably did not act: the attempt failed before anything was
// written, the answer was 429, or it was 503 with Retry-After. A body that
// cannot be produced again stops all repetition, and so does a wait that
// would pass the caller's deadline.
func (c *Client) checkRetry(ctx context.Context, st *callState, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	if st.body != nil && !st.body.replayable() {
		return false, nil
	}
	safe := st.safe
	var retry bool
	switch {
	case err != nil:
		retry = retryableError(err, safe, st)
	case resp != nil:
		retry = retryableStatus(resp, safe)
	}
	if !retry {
		return false, nil
	}
	st.wait = c.waitBefore(int(st.attempt.Load()), resp)
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < st.wait {
		return false, nil
	}
	return true, nil
}

func retryableStatus(resp *http.Response, safe bool) bool {
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return true
	case http.StatusServiceUnavailable:
		if _, ok := retryAfter(resp); ok {
			return true
		}
		return safe
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return safe
	}
	return false
}

func retryableError(err error, safe bool, st *callState) bool {
	var apiErr *Error
	var bodyErr *BodyError
	var authErr *authError
	var limErr *LimitError
	var srcErr *SourceError
	switch {
	case errors.As(err, &apiErr), errors.As(err, &authErr), errors.As(err, &limErr), errors.As(err, &srcErr),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, ErrNotReplayable), errors.Is(err, errAttemptOver):
		return false
	case errors.As(err, &bodyErr):
		// The answer arrived and was cut short: only a safe request whose
		// answer was not yet streamed to the caller's writer may be read
		// again.
		return safe && !st.download && bodyErr.Summary == "" && truncated(bodyErr.Err)
	}
	if permanentNetError(err) {
		return false
	}
	if !st.wrote.Load() {
		return true
	}
	return safe
}

// truncated reports whether a body error means the body was cut short, as
// opposed to a well-delivered body that is not valid.
func truncated(err error) bool {
	if errors.Is(err, ErrResponseTooLarge) {
		return false
	}
	var ne net.Error
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, net.ErrClosed) || errors.As(err, &ne)
}

// permanentNetError reports failures that a retry cannot fix: TLS trust
// problems, a bad URL, a redirect loop.
func permanentNetError(err error) bool {
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	if errors.As(err, &unknownAuthority) || errors.As(err, &hostname) || errors.As(err, &invalidCert) || errors.As(err, &verify) {
		return true
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		inner := ue.Err.Error()
		for _, s := range []string{"stopped after", "unsupported protocol scheme", "invalid header", "http: no Host"} {
			if strings.Contains(inner, s) {
				return true
			}
		}
	}
	return false
}

// waitBefore returns the pause before attempt+1: the server's Retry-After
// clamped to the maximum wait, else an exponential backoff with jitter.
func (c *Client) waitBefore(attempt int, resp *http.Response) time.Duration {
	if d, ok := retryAfter(resp); ok {
		return min(d, c.set.RetryWaitMax)
	}
	return backoff(c.set.RetryWaitMin, c.set.RetryWaitMax, attempt)
}

// backoff is min·2^(attempt-1) capped at max, with "equal jitter": a
// random wait between half and all of that value.
func backoff(minWait, maxWait time.Duration, attempt int) time.Duration {
	d := minWait
	for i := 1; i < attempt && d < maxWait; i++ {
		d *= 2
	}
	d = min(d, maxWait)
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}
