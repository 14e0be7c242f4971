package transport

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// logTransport writes one record per HTTP exchange: method, redacted URL,
// status or error, attempt number and duration. It sits outside the
// authentication layer, so it never sees credential headers, and it runs
// every error text through the client's secret scrubber.
type logTransport struct {
	next    http.RoundTripper
	logger  *slog.Logger
	service string
	scrub   *scrubber
}

func (t *logTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if !t.logger.Enabled(ctx, slog.LevelDebug) && !t.logger.Enabled(ctx, slog.LevelWarn) {
		return t.next.RoundTrip(req)
	}
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	t.record(ctx, req, resp, err, time.Since(start))
	return resp, err
}

func (t *logTransport) record(ctx context.Context, req *http.Request, resp *http.Response, err error, d time.Duration) {
	attempt := 1
	if k := callFrom(ctx); k != nil {
		attempt = k.attempt
	}
	level, msg := slog.LevelDebug, "http request"
	attrs := []slog.Attr{
		slog.String("service", t.service),
		slog.String("method", req.Method),
		slog.String("url", t.scrub.String(RedactURL(req.URL))),
		slog.Int("attempt", attempt),
		slog.Duration("duration", d),
	}
	switch {
	case err != nil:
		level, msg = slog.LevelWarn, "http request failed"
		attrs = append(attrs, slog.String("error", t.scrub.String(errorText(err))))
	default:
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
		if resp.StatusCode >= 400 {
			level = slog.LevelWarn
		}
	}
	if t.logger.Enabled(ctx, level) {
		t.logger.LogAttrs(ctx, level, msg, attrs...)
	}
}

// errorText returns an error's text without the unredacted URL that
// *url.Error puts in front of it.
func errorText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
