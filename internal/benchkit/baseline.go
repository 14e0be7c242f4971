package benchkit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Do is the hand-written baseline's request: it sends req with hc, fails on
// a status outside 2xx, and hands the answer to read (nil reads nothing).
// Afterwards, whatever read did, it drains and closes the body
// (io.Copy(io.Discard, body); Close), so the connection goes back to the
// pool and the next request reuses it, as the SDK's own requests do.
// Without that, a baseline that stops reading at the end of a JSON value
// opens a new connection for every request and measures the dialling.
func Do(hc *http.Client, req *http.Request, read func(*http.Response) error) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Redacted(), resp.Status)
	}
	if read == nil {
		return nil
	}
	return read(resp)
}

// DecodeJSON is [Do] reading the answer into out with a json.Decoder, the
// way a hand-written client would. It returns the answer's headers; the
// body is already drained and closed.
func DecodeJSON(hc *http.Client, req *http.Request, out any) (http.Header, error) {
	var h http.Header
	err := Do(hc, req, func(resp *http.Response) error {
		h = resp.Header
		return json.NewDecoder(resp.Body).Decode(out)
	})
	return h, err
}

// ListByOffset is the hand-written paging loop of a baseline. It calls
// page with offset 0, then with the offset advanced by the items each call
// reports, until a call reports no more, and returns the number of items
// seen.
func ListByOffset(page func(offset int) (got int, more bool, err error)) (int, error) {
	total := 0
	for {
		got, more, err := page(total)
		total += got
		if err != nil || !more || got == 0 {
			return total, err
		}
	}
}
