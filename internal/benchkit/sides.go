package benchkit

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/incidentkit/incidentkit"
)

// DownloadBaseline is the hand-written side of a download benchmark: a
// bare GET of path (relative to the server's URL), authenticated by auth,
// whose body is copied to io.Discard and must hold size bytes.
func DownloadBaseline(path string, auth func(*http.Request), size int64) Side {
	return func(url string) (func(context.Context) error, error) {
		hc := &http.Client{}
		return func(ctx context.Context) error {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+path, nil)
			if err != nil {
				return err
			}
			auth(req)
			return Do(hc, req, func(resp *http.Response) error {
				n, err := io.Copy(io.Discard, resp.Body)
				return CheckSize(n, err, size)
			})
		}, nil
	}
}

// CheckSize returns err, or an error when n, the bytes a download wrote,
// is not size.
func CheckSize(n int64, err error, size int64) error {
	if err == nil && n != size {
		err = fmt.Errorf("downloaded %d bytes, want %d", n, size)
	}
	return err
}

// ClientSide is a side that runs call with a client that connect makes
// for the server's URL: the shape of every client side.
func ClientSide[C any](connect func(url string) (C, error), call func(context.Context, C) error) Side {
	return func(url string) (func(context.Context) error, error) {
		c, err := connect(url)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) error { return call(ctx, c) }, nil
	}
}

// FileSize is the size a benchmark file has.
type FileSize int64

// Check returns err, or an error when info, the answer of a client's
// download, does not report size bytes: it takes a download call's results
// as they are, return benchkit.FileSize(n).Check(c.Attachments.Download(…)).
func (size FileSize) Check(info *incidentkit.FileInfo, err error) error {
	if err != nil {
		return err
	}
	return CheckSize(info.Size, nil, int64(size))
}
