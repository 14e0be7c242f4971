package transport

import (
	"context"
	"net/http"
	"net/url"
	"sync/atomic"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/incidentkit/incidentkit"
)

// call is the state of one [Client.Do]: what is being sent, which attempt
// is in flight, and which answer became the result. It is the only state
// a call keeps, and it has one writer per field:
//
//   - build fills the description of the request once, before anything is
//     sent;
//   - attempt is numbered by go-retryablehttp's RequestLogHook before each
//     attempt (see numberAttempt);
//   - sentAttempt is recorded by the send tracker when an attempt's headers
//     reach a connection;
//   - answer, readErr, written and capped are filled by read, which the
//     retry policy (checkRetry) calls on every answer it does not repeat
//     for its status alone, and send on the answer the call ends with;
//   - res is filled by result once the call succeeded.
//
// The retry policy and the RoundTripper layers find it in the request's
// context ([callFrom]), so concurrent calls never see each other's state.
// It also holds what go-retryablehttp sends (req) and what a successful
// call returns (res), so a call costs one allocation for all three.
type call struct {
	// Context is the caller's context: a call is the context of its own
	// requests, so that finding it there costs no context of its own (see
	// [call.Value]).
	context.Context

	c *Client
	r *Request
	// out is where a JSON answer is decoded; nil discards it.
	out    any
	method string
	url    *url.URL
	// safe is r.Replay resolved for the method: repeating the request
	// cannot change the outcome.
	safe bool
	// body produces a streamed upload for each attempt; nil otherwise.
	body *bodySource

	// attempt is the number of the attempt in flight, from 1.
	attempt int
	// sentAttempt is the number of the latest attempt whose headers were
	// written to a connection. It is set on the transport's own
	// goroutine, hence atomic. Only requests that are not safe are
	// tracked; for them, "sentAttempt < attempt" proves that the server
	// never saw the attempt in flight.
	sentAttempt atomic.Int32
	// tracedAttempt is the number of the latest attempt for which the
	// transport reported asking for a connection: without it, the absence
	// of sentAttempt proves nothing.
	tracedAttempt atomic.Int32
	// mayHaveActed is set when an attempt that is being repeated may have
	// been acted on by the server: it was sent and got no answer, or got a
	// 5xx answer other than a 503 with Retry-After. It is written by the
	// retry policy between attempts.
	mayHaveActed bool
	// req is what go-retryablehttp sends: the built request, with the
	// body source it rewinds for each attempt.
	req retryablehttp.Request
	// answer is the response read into the result or into an error, and
	// readErr what reading it produced.
	answer  *http.Response
	readErr error
	// written counts the bytes streamed to r.Download.
	written int64
	// capped reads a JSON answer under the size cap; it is part of the
	// call so that reading one costs no allocation of its own.
	capped cappedReader
	// releaseAttempt ends the context of the latest attempt whose answer
	// arrived (see headerTimeout); nil when there is none.
	releaseAttempt context.CancelFunc
	// res is the result of a successful call.
	res Response
}

// holdAttempt keeps release, the end of the context of an attempt whose
// answer is being read, until the next attempt or the end of the call.
// Both run on the call's goroutine.
func (k *call) holdAttempt(release context.CancelFunc) {
	if k.releaseAttempt != nil {
		k.releaseAttempt()
	}
	k.releaseAttempt = release
}

type callKey struct{}

// Value returns the call itself for callKey and otherwise what the
// caller's context holds for key.
func (k *call) Value(key any) any {
	if key == (callKey{}) {
		return k
	}
	return k.Context.Value(key)
}

// callFrom returns the call ctx carries, or nil.
func callFrom(ctx context.Context) *call {
	k, _ := ctx.Value(callKey{}).(*call)
	return k
}

// sent reports whether the attempt in flight may have reached the server.
// It is certain only for tracked requests (those that are not safe) whose
// transport reported the attempt (see sendTracker); otherwise the attempt
// is assumed sent. For a safe request that changes nothing, since it may
// be repeated anyway.
func (k *call) sent() bool {
	return k.safe || int(k.tracedAttempt.Load()) < k.attempt || int(k.sentAttempt.Load()) >= k.attempt
}

// replayable reports whether the request's body can be produced again.
func (k *call) replayable() bool {
	return k.body == nil || k.body.replayable()
}

// redactedURL is the request URL as errors show it.
func (k *call) redactedURL() string { return RedactURL(k.url) }

// scrubber redacts the client's secrets and the token-like query values of
// this call's URL.
func (k *call) scrubber() *scrubber {
	return k.c.scrub.with(querySecrets(k.url.RawQuery))
}

// finish releases what the call holds once it is over, and lets go of the
// answer: a caller keeping the result keeps the call, not what it read.
func (k *call) finish() {
	if k.body != nil {
		k.body.finish()
	}
	if k.releaseAttempt != nil {
		k.releaseAttempt()
	}
	k.answer = nil
	k.capped = cappedReader{}
	k.req = retryablehttp.Request{}
}

// result describes the answer that became the result of a successful call.
func (k *call) result() *Response {
	k.res = Response{
		StatusCode: k.answer.StatusCode,
		Header:     k.answer.Header,
		Attempts:   k.attempt,
		Written:    k.written,
	}
	if k.r.Download != nil {
		k.res.FileName = dispositionFileName(k.answer.Header.Get("Content-Disposition"))
		k.res.ContentType = k.answer.Header.Get("Content-Type")
	}
	return &k.res
}

// record describes the answer the call ended with, success or failure, for
// a caller that asked for it with incidentkit.WithResponse.
func (k *call) record() incidentkit.Response {
	if k.answer == nil {
		return incidentkit.Response{Attempts: k.attempt}
	}
	return incidentkit.NewResponse(k.answer.StatusCode, k.answer.Header, k.attempt)
}
