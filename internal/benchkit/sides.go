package benchkit

import (
	"context"
	"fmt"
	"io"
	"net/http"
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
