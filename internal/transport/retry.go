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

	"github.com/incidentkit/incidentkit"

	"github.com/hashicorp/go-retryablehttp"
)

// The retry policy is [retryPolicy.decide]; everything else in this file
// plugs it into go-retryablehttp, whose Client is built once per [Client]:
//
//	CheckRetry      reads each answer and asks decide about each attempt
//	                (checkRetry)
//	Backoff         waits as long as decide allowed, with jitter (pause)
//	RequestLogHook  numbers the attempt in the call's state (numberAttempt)
//	ErrorHandler    passes the last answer or error through unchanged

// retryPolicy decides when a request is sent again.
type retryPolicy struct {
	minWait, maxWait time.Duration
}

// outcome is one attempt as the retry policy sees it.
type outcome struct {
	// attempt is the attempt's number, from 1.
	attempt int
	// safe is the request's replay class resolved for its method: true
	// when repeating the request cannot change the outcome.
	safe bool
	// replayable reports whether the request's body can be produced again.
	replayable bool
	// download is set when a 2xx answer streams to the caller's writer.
	download bool
	// resp is the answer, nil when none arrived.
	resp *http.Response
	// err is the attempt's error: the transport's, or the one reading the
	// answer produced. It is nil for an answer not yet read.
	err error
	// sent reports whether any byte of the request may have reached the
	// server.
	sent bool
	// deadline is when the call must end; zero when it has none.
	deadline time.Time
}

// decide is the whole retry policy. It reports whether to send the request
// again and the longest pause to take first.
//
// A safe request is repeated after a connection error, a body cut short
// (unless it was already streaming to the caller's writer), and a 429,
// 502, 503 or 504 answer. Any other request is repeated only where the
// server provably did not act on it: nothing of it was sent, the answer
// was 429, or it was 503 with Retry-After. A body that cannot be produced
// again, a permanent failure (TLS trust, a bad URL, a redirect loop, an
// authentication, limiter or upload-source error) and a pause that would
// pass the deadline end the call.
func (p retryPolicy) decide(o outcome) (retry bool, wait time.Duration) {
	if !o.replayable || !repeatable(o) {
		return false, 0
	}
	wait = p.longestWait(o.attempt, o.resp)
	if !o.deadline.IsZero() && time.Until(o.deadline) < wait {
		return false, 0
	}
	return true, wait
}

// repeatable applies the rules of decide to the attempt's answer or error.
func repeatable(o outcome) bool {
	if o.err == nil {
		if o.resp == nil {
			return false
		}
		return repeatableStatus(o.resp, o.safe)
	}
	var bodyErr *BodyError
	switch {
	case final(o.err):
		return false
	case errors.As(o.err, &bodyErr):
		// The answer arrived and was cut short: only a safe request whose
		// answer was not yet streamed to the caller's writer may be read
		// again.
		return o.safe && !o.download && bodyErr.Summary == "" && truncated(bodyErr.Err)
	case permanentNetError(o.err):
		return false
	case !o.sent:
		// Nothing reached the server: any request may be sent again.
		return true
	}
	return o.safe
}

// repeatableStatus reports whether an answer's status may be answered by
// sending the request again.
func repeatableStatus(resp *http.Response, safe bool) bool {
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

// final reports errors that end the call whatever the request: a
// non-success answer already read into an *Error, a failure to obtain
// credentials, the limiter refusing, an upload source failing, a
// cancellation, and a body that cannot be sent again. A deadline is not
// among them: the caller's ending is checked before (checkRetry), and any
// other is one attempt's (net/http reports its response-header timeout as
// a deadline), which the policy treats like a dropped connection.
func final(err error) bool {
	var apiErr *Error
	var authErr *authError
	var limErr *LimitError
	var srcErr *SourceError
	return errors.As(err, &apiErr) || errors.As(err, &authErr) || errors.As(err, &limErr) ||
		errors.As(err, &srcErr) || errors.Is(err, context.Canceled) ||
		errors.Is(err, incidentkit.ErrNotReplayable) ||
		errors.Is(err, errAttemptOver)
}

// truncated reports whether a body error means the body was cut short, as
// opposed to a well-delivered body that is not valid.
func truncated(err error) bool {
	if errors.Is(err, incidentkit.ErrResponseTooLarge) {
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

// longestWait is the pause before the attempt after attempt: the server's
// Retry-After clamped to the maximum wait, else the backoff ceiling
// min·2^(attempt-1) capped at the maximum.
func (p retryPolicy) longestWait(attempt int, resp *http.Response) time.Duration {
	if d, ok := retryAfter(resp); ok {
		return min(d, p.maxWait)
	}
	return backoffCeiling(p.minWait, p.maxWait, attempt)
}

// pause is the wait actually taken before the attempt after attempt: the
// clamped Retry-After as is, else a backoff with jitter. It is never longer
// than longestWait, which decide checked against the deadline.
func (p retryPolicy) pause(attempt int, resp *http.Response) time.Duration {
	if d, ok := retryAfter(resp); ok {
		return min(d, p.maxWait)
	}
	return backoff(p.minWait, p.maxWait, attempt)
}

func backoffCeiling(minWait, maxWait time.Duration, attempt int) time.Duration {
	d := minWait
	for i := 1; i < attempt && d < maxWait; i++ {
		d *= 2
	}
	return min(d, maxWait)
}

// backoff is min·2^(attempt-1) capped at max, with "equal jitter": a
// random wait between half and all of that value.
func backoff(minWait, maxWait time.Duration, attempt int) time.Duration {
	d := backoffCeiling(minWait, maxWait, attempt)
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

// newRetryClient builds the go-retryablehttp client of c, shared by all of
// its calls: the per-call state travels in each request's context.
func (c *Client) newRetryClient() *retryablehttp.Client {
	p := retryPolicy{minWait: c.set.RetryWaitMin, maxWait: c.set.RetryWaitMax}
	return &retryablehttp.Client{
		HTTPClient:   c.http,
		RetryMax:     c.set.MaxRetries,
		RetryWaitMin: p.minWait,
		RetryWaitMax: p.maxWait,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return checkRetry(ctx, p, resp, err)
		},
		Backoff: func(_, _ time.Duration, i int, resp *http.Response) time.Duration {
			return p.pause(i+1, resp) // i counts from 0
		},
		RequestLogHook: numberAttempt,
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
	}
}

// checkRetry is the retry decision for one attempt, which go-retryablehttp
// reports with its answer or error. A context that has ended stops the
// call with its error. An answer whose status alone does not call for
// another attempt is read (decoded, streamed or made into an *Error) right
// here, and what reading produced decides: a body cut short may be read
// again, anything else ends the call with the answer's result. Backoff,
// which sees neither the context nor the call, then draws the pause
// (pause) within the wait decide checked against the deadline.
//
// go-retryablehttp also offers a response handler for reading answers; the
// policy does without it so that one function sees each attempt through,
// and the call needs no handler of its own.
func checkRetry(ctx context.Context, p retryPolicy, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	k := callFrom(ctx)
	if k == nil {
		return false, nil
	}
	deadline, _ := ctx.Deadline()
	o := outcome{
		attempt:    k.attempt,
		safe:       k.safe,
		replayable: k.replayable(),
		download:   k.r.Download != nil,
		resp:       resp,
		err:        err,
		sent:       resp != nil || (k.sent() && !dialFailed(err)),
		deadline:   deadline,
	}
	retry, _ := p.decide(o)
	if !retry && resp != nil && err == nil {
		o.err = k.read(resp)
		k.readErr = o.err
		if retry, _ = p.decide(o); !retry {
			return false, o.err
		}
	}
	if retry && k.c.set.RetryPolicy != nil && !k.c.set.RetryPolicy.Retry(ctx, k.retryAttempt(o)) {
		// The caller's policy refuses: the call ends with this attempt's
		// answer or error.
		if resp != nil && o.err == nil {
			o.err = k.read(resp)
			k.readErr = o.err
		}
		if o.err == nil {
			o.err = err
		}
		return false, o.err
	}
	if retry && mayHaveActed(o) {
		k.mayHaveActed = true
	}
	return retry, nil
}

// retryAttempt describes attempt o for a caller's retry policy.
func (k *call) retryAttempt(o outcome) incidentkit.RetryAttempt {
	a := incidentkit.RetryAttempt{Service: k.c.set.Service, Method: k.method, Attempt: o.attempt, Err: o.err, Idempotent: o.safe}
	if k.url != nil {
		a.Path = k.url.Path
	}
	if o.resp != nil {
		a.StatusCode = o.resp.StatusCode
	}
	return a
}

// mayHaveActed reports whether the server may have carried out the request
// of an attempt about to be repeated: it was sent and no answer came, or
// the answer was a 5xx that does not say the request was refused unseen
// (a 503 with Retry-After, like a 429, does).
func mayHaveActed(o outcome) bool {
	if o.resp == nil {
		return o.sent
	}
	switch o.resp.StatusCode {
	case http.StatusTooManyRequests:
		return false
	case http.StatusServiceUnavailable:
		_, refused := retryAfter(o.resp)
		return !refused
	}
	return o.resp.StatusCode >= 500
}

// dialFailed reports whether err is the failure to open a connection,
// which proves that nothing of the attempt reached the server whatever the
// transport reported.
func dialFailed(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// numberAttempt records, before each attempt, which one it is.
func numberAttempt(_ retryablehttp.Logger, req *http.Request, i int) {
	if k := callFrom(req.Context()); k != nil {
		k.attempt = i + 1 // i counts from 0
	}
}
