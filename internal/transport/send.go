package transport

import (
	"context"
	"errors"
	"net/url"

	"github.com/hashicorp/go-retryablehttp"
)

// send makes the attempts of k under the retry policy. When it returns nil,
// k.answer is the answer that became the result; otherwise the error is an
// *Error, a *BodyError or a *RequestError.
func (c *Client) send(ctx context.Context, k *call, req *retryablehttp.Request) error {
	resp, err := c.retry.Do(req)
	switch {
	case resp == nil:
	case resp != k.answer:
		// The retries ran out on an answer the policy would have repeated
		// for its status, or the context ended on it: read it now.
		if readErr := k.read(resp); err == nil {
			err = readErr
		}
	case err == nil:
		// The retries ran out on an answer whose reading failed in a way
		// the policy would have repeated (a body cut short).
		err = k.readErr
	}
	if err != nil {
		return k.fail(ctx, err)
	}
	return nil
}

// fail turns what go-retryablehttp returned into one of the package's
// error types. An *Error or *BodyError the answer was read into passes
// through; anything else becomes a *RequestError with the number of
// attempts made and without the unredacted URL that *url.Error carries.
func (k *call) fail(ctx context.Context, err error) error {
	var apiErr *Error
	var bodyErr *BodyError
	var inErr *InputError
	var ae *authError
	switch {
	case errors.As(err, &ae):
		// Obtaining credentials failed; whatever that failure wraps (a
		// token endpoint's own answer) is not this request's answer.
		err = ae.err
	case errors.As(err, &apiErr), errors.As(err, &bodyErr):
		return err
	case errors.As(err, &inErr):
		return k.c.owned(err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = errors.Join(ctxErr, err)
	}
	return &RequestError{
		Service:  k.c.set.Service,
		Method:   k.method,
		URL:      k.redactedURL(),
		Attempts: k.attempt,
		Err:      scrubError{err: err, text: k.scrubber().String(err.Error())},
	}
}

// scrubError keeps an error's chain for errors.Is and errors.As while its
// text has the client's secrets redacted.
type scrubError struct {
	err  error
	text string
}

func (e scrubError) Error() string { return e.text }
func (e scrubError) Unwrap() error { return e.err }
