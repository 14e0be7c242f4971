package transport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/incidentkit/incidentkit"
)

// drainLimit is how much of an unread body is consumed so the connection
// can be reused; anything longer is left to be discarded with the
// connection.
const drainLimit = 64 << 10

// drainBuffers hold the scratch space of drain.
var drainBuffers = sync.Pool{New: func() any { return new([4096]byte) }}

// drain reads and discards up to drainLimit bytes of what is left of r, so
// the connection can be reused.
func drain(r io.Reader) {
	buf := drainBuffers.Get().(*[4096]byte)
	defer drainBuffers.Put(buf)
	for n := 0; n < drainLimit; {
		m, err := r.Read(buf[:])
		n += m
		if err != nil {
			return
		}
	}
}

// read takes in an answer the retry policy will not repeat for its status
// (see checkRetry): it decodes or streams a success, and builds an *Error
// from anything else. It always consumes and closes the body. A *BodyError
// for a body cut short lets the policy read a safe request again.
func (k *call) read(resp *http.Response) error {
	defer resp.Body.Close()
	k.answer = resp
	if k.deletedEarlier(resp) {
		drain(resp.Body)
		return nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return k.apiError(resp)
	}
	if k.r.Download != nil {
		return k.download(resp)
	}
	return k.decode(resp)
}

// deletedEarlier reports a DELETE repeated after an attempt the server may
// have carried out (a 502 from a proxy that timed out while the delete went
// through, a connection reset after sending) and now answered 404: the
// record is gone, which is what the call asked for, so the delete
// succeeded. A 404 to the first attempt stays an error matching
// ErrNotFound: nothing shows that the record ever existed.
func (k *call) deletedEarlier(resp *http.Response) bool {
	return k.method == http.MethodDelete && resp.StatusCode == http.StatusNotFound && k.mayHaveActed
}

// apiError builds the *Error for a non-2xx answer.
func (k *call) apiError(resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	drain(resp.Body)
	e := &Error{
		Service:    k.c.set.Service,
		StatusCode: resp.StatusCode,
		Method:     k.method,
		URL:        k.redactedURL(),
		Header:     resp.Header,
		Attempts:   k.attempt,
	}
	if d, ok := retryAfter(resp); ok {
		e.RetryAfter = d
	}
	decodeErrorBody(e, resp.Header.Get("Content-Type"), body, k.c.set.ErrorDecoder)
	scrub := k.scrubber()
	e.Code = scrub.String(e.Code)
	e.Message = scrub.String(e.Message)
	e.Detail = scrub.String(e.Detail)
	e.Body = scrub.Bytes(body)
	e.Header = scrub.Header(resp.Header)
	return e
}

// decode reads a 2xx JSON answer into k.out under the size cap. Where a
// JSON value was expected, an answer that carries none — an empty body
// (a 200 or a 202 with nothing in it), an HTML or XML page — is a
// *BodyError saying what arrived, never a zero value and a nil error. An
// intentional empty success stays one: a 204, a HEAD, a DELETE, or a call
// that asked for no result.
func (k *call) decode(resp *http.Response) error {
	if k.out == nil || resp.StatusCode == http.StatusNoContent || k.method == http.MethodHead {
		drain(resp.Body)
		return nil
	}
	if resp.ContentLength == 0 {
		return k.empty(resp)
	}
	contentType := resp.Header.Get("Content-Type")
	limit := k.c.set.MaxResponseBytes
	k.capped = cappedReader{r: resp.Body, left: limit, limit: limit}
	lr := &k.capped
	if isMarkup(contentType) {
		// A page where JSON was expected: a proxy, a login form, a
		// hibernating instance. Report what it says.
		head, err := io.ReadAll(io.LimitReader(lr, maxErrorBody))
		if err != nil {
			return k.bodyError(resp, "", err)
		}
		summary := Summarize(contentType, head)
		if summary == "" {
			summary = markupKind(contentType) + " without text"
		}
		return k.bodyError(resp, summary, errNotJSON)
	}
	if rd, ok := k.out.(RawDecoder); ok {
		return k.decodeRaw(resp, lr, rd)
	}
	// json.Decoder reads a whole value before it stores anything, so a
	// body cut short leaves out untouched and a retried read starts clean.
	dec := json.NewDecoder(lr)
	if err := dec.Decode(k.out); err != nil {
		if errors.Is(err, io.EOF) {
			return k.empty(resp)
		}
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			// Not JSON at all: summarise what arrived if it reads as text,
			// HTML or XML.
			if sum := nonJSONSummary(dec); sum != "" {
				return k.bodyError(resp, sum, err)
			}
		}
		return k.bodyError(resp, "", err)
	}
	drain(resp.Body)
	return nil
}

// errNotJSON and errEmptyAnswer are the causes of a *BodyError for a 2xx
// answer that carries no JSON value.
var (
	errNotJSON     = errors.New("answer is not JSON")
	errEmptyAnswer = errors.New("answer is empty where a JSON value was expected")
)

// empty handles a 2xx answer without a body: a DELETE's success, an error
// anywhere a JSON value was expected.
func (k *call) empty(resp *http.Response) error {
	drain(resp.Body)
	if k.method == http.MethodDelete {
		return nil
	}
	return k.bodyError(resp, fmt.Sprintf("empty %d answer", resp.StatusCode), errEmptyAnswer)
}

// markupKind names the kind of page contentType announces.
func markupKind(contentType string) string {
	if strings.Contains(strings.ToLower(contentType), "html") {
		return "HTML page"
	}
	return "XML document"
}

// isMarkup reports whether contentType names HTML or XML, as classify
// would, without parsing its parameters.
func isMarkup(contentType string) bool {
	if strings.HasPrefix(contentType, "application/json") {
		return false
	}
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "text/html" || mt == "application/xhtml+xml" || mt == "application/xml" ||
		mt == "text/xml" || strings.HasSuffix(mt, "+xml")
}

// nonJSONSummary returns a readable summary when the start of a body that
// failed to decode is plainly not JSON.
func nonJSONSummary(dec *json.Decoder) string {
	buffered, _ := io.ReadAll(io.LimitReader(dec.Buffered(), maxErrorBody))
	trimmed := bytes.TrimLeft(buffered, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '"' {
		return ""
	}
	return Summarize("text/plain", trimmed)
}

// download streams a 2xx answer to k.r.Download.
func (k *call) download(resp *http.Response) error {
	w := k.r.Download
	if k.r.Progress != nil {
		w = &progressWriter{w: w, total: resp.ContentLength, fn: k.r.Progress}
	}
	n, err := io.Copy(w, resp.Body)
	k.written = n
	if err != nil {
		return k.bodyError(resp, "", err)
	}
	return nil
}

func (k *call) bodyError(resp *http.Response, summary string, err error) error {
	return &BodyError{
		Service:     k.c.set.Service,
		Method:      k.method,
		URL:         k.redactedURL(),
		StatusCode:  resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Summary:     k.scrubber().String(summary),
		Err:         err,
	}
}

// cappedReader reads at most limit bytes and fails with an error matching
// incidentkit.ErrResponseTooLarge when the source has more.
type cappedReader struct {
	r     io.Reader
	left  int64
	limit int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Probe for one more byte to tell "exactly at the cap" from "past it".
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("%w: more than %d bytes", incidentkit.ErrResponseTooLarge, c.limit)
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// progressWriter reports download progress.
type progressWriter struct {
	w     io.Writer
	done  int64
	total int64
	fn    func(done, total int64)
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if n > 0 {
		p.done += int64(n)
		p.fn(p.done, p.total)
	}
	return n, err
}

// RawDecoder is implemented by a result that decodes a whole JSON answer
// itself, in one pass, instead of through encoding/json. DecodeJSON gets
// the complete body of a 2xx answer (within the size cap, never empty)
// and must not keep it; its error is reported as a *BodyError.
type RawDecoder interface {
	DecodeJSON(body []byte) error
}

// maxPooledPage is the largest buffer kept for the next answer; a larger
// one is left to the garbage collector.
const maxPooledPage = 16 << 20

// decodeRaw reads the whole body under the cap into one of the client's
// page buffers and hands it to rd, which must not keep it.
func (k *call) decodeRaw(resp *http.Response, lr *cappedReader, rd RawDecoder) error {
	buf, _ := k.c.pages.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledPage {
			k.c.pages.Put(buf)
		}
	}()
	if n := resp.ContentLength; n > 0 && n <= lr.limit {
		buf.Grow(int(n))
	}
	if _, err := buf.ReadFrom(lr); err != nil {
		return k.bodyError(resp, "", err)
	}
	body := buf.Bytes()
	if len(bytes.TrimSpace(body)) == 0 {
		return k.empty(resp)
	}
	if err := rd.DecodeJSON(body); err != nil {
		return k.bodyError(resp, Summarize(resp.Header.Get("Content-Type"), body[:min(len(body), maxErrorBody)]), err)
	}
	return nil
}
