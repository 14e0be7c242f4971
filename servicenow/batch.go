package servicenow

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// DefaultBatchSize is how many requests one batch carries when
// BatchOptions.Size is 0. ServiceNow documents no maximum count, only a
// 5 MB limit per item, a 10 MB limit per answer item and a 30 s limit per
// batch (the "REST Batch API request timeout" quota rule).
const DefaultBatchSize = 50

// maxBatchItemBody is the Batch API's limit on one request item's body
// (glide.rest.batch.max.inputSize).
const maxBatchItemBody = 5 << 20

// ErrNotServiced matches the error of a batch item the instance did not
// run: its batch hit a size or time limit, and two more batches of the
// items left out were refused too. Nothing of the item was done; send it
// again.
var ErrNotServiced = errors.New("servicenow: batch item not serviced")

// BatchRequest is one REST call inside a batch.
type BatchRequest struct {
	// ID identifies the item in the results; it must be unique in the
	// call. Empty means its position in the call, from "1".
	ID string
	// Method is the HTTP method; empty means GET.
	Method string
	// Path is the instance-relative path of the call, such as
	// "api/now/table/incident/46d44a5ddb"; Query its query parameters.
	Path  string
	Query url.Values
	// Body, when not nil, is sent as JSON; it must encode as an object.
	Body any
	// Out, when not nil, receives the "result" of a successful answer.
	Out any
}

// BatchResult is the outcome of one BatchRequest.
type BatchResult struct {
	// ID is the request's ID.
	ID string
	// StatusCode, StatusText and Header are the item's answer; Body its
	// decoded body (ServiceNow sends it base64-encoded).
	StatusCode int
	StatusText string
	Header     http.Header
	Body       []byte
	// ExecutionTime is how long the instance took for the item.
	ExecutionTime time.Duration
	// Err is why the item failed: an *incidentkit.Error for a failure
	// status or an error envelope, an *incidentkit.BodyError for a
	// success without a usable result, an error matching ErrNotServiced
	// for an item the instance did not run, or the error of the batch
	// that carried it. Nil for a success.
	Err error
}

// BatchResults are the results of a batch call, in the order of its
// requests.
type BatchResults []BatchResult

// Err joins the errors of the failed items, each prefixed with its ID; nil
// when every item succeeded.
func (rs BatchResults) Err() error {
	var errs []error
	for _, r := range rs {
		if r.Err != nil {
			errs = append(errs, fmt.Errorf("batch item %s: %w", r.ID, r.Err))
		}
	}
	return errors.Join(errs...)
}

// BatchOptions tune a batch call; nil means the defaults.
type BatchOptions struct {
	// Size is how many requests go in one batch (DefaultBatchSize when
	// 0); a larger call is split into several batches, sent in order.
	Size int
	// ExcludeHeaders asks the instance to leave the items' headers out of
	// the answer.
	ExcludeHeaders bool
}

// BatchService sends many REST calls in one request, through the Batch
// API (POST /api/now/v1/batch; the unversioned path is not served). Get it
// from Client.Batch.
type BatchService struct{ c *Client }

// Do sends reqs in batches of opts.Size and returns one result per
// request, in order: each item's failure is in its own result, never
// lost. A batch that only reads is repeated after a transient failure
// like any read; one that writes is sent once. Items the instance did not
// run (its batch hit a limit) are sent again in a new batch, twice at
// most, as PySNC does. The error is the first batch-level failure
// (credentials refused, the instance unreachable); the items of that batch
// and of the batches after it then carry it, and the items of the batches
// before it their own outcome. Bad requests fail before anything is sent.
func (s *BatchService) Do(ctx context.Context, reqs []BatchRequest, opts *BatchOptions) (BatchResults, error) {
	size := DefaultBatchSize
	if opts != nil && opts.Size != 0 {
		size = opts.Size
	}
	if size < 1 {
		return nil, inputErr("batch size", strconv.Itoa(size)+" is not positive")
	}
	items, err := batchItems(reqs)
	if err != nil {
		return nil, err
	}
	results := make(BatchResults, len(reqs))
	for i := range reqs {
		results[i].ID = items[i]["id"].(string)
	}
	exclude := opts != nil && opts.ExcludeHeaders
	var first error
	for start := 0; start < len(reqs); start += size {
		end := min(start+size, len(reqs))
		if first != nil {
			for i := start; i < end; i++ {
				results[i].Err = first
			}
			continue
		}
		if err := s.send(ctx, reqs[start:end], items[start:end], results[start:end], exclude); err != nil {
			first = err
			for i := start; i < end; i++ {
				if results[i].Err == nil && results[i].StatusCode == 0 {
					results[i].Err = err
				}
			}
		}
	}
	return results, first
}

// batchItems checks reqs and encodes each as a Batch API request item.
func batchItems(reqs []BatchRequest) ([]map[string]any, error) {
	if len(reqs) == 0 {
		return nil, inputErr("batch", "has no requests")
	}
	seen := make(map[string]bool, len(reqs))
	items := make([]map[string]any, len(reqs))
	for i, r := range reqs {
		id := r.ID
		if id == "" {
			id = strconv.Itoa(i + 1)
		}
		field := "batch request " + id
		if seen[id] {
			return nil, inputErr(field, "ID is given twice")
		}
		seen[id] = true
		method := strings.ToUpper(r.Method)
		if method == "" {
			method = http.MethodGet
		}
		switch method {
		case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		default:
			return nil, inputErr(field, "method "+strconv.Quote(r.Method)+" is not GET, POST, PUT, PATCH or DELETE")
		}
		path := strings.TrimPrefix(r.Path, "/")
		if !strings.HasPrefix(path, "api/") || strings.ContainsAny(path, "?#") || strings.Contains(path, "//") {
			return nil, inputErr(field, "path "+strconv.Quote(r.Path)+" is not an instance API path such as api/now/table/incident")
		}
		u := "/" + path
		if len(r.Query) > 0 {
			u += "?" + r.Query.Encode()
		}
		item := map[string]any{"id": id, "method": method, "url": u,
			"headers": []map[string]string{{"name": "Accept", "value": "application/json"}}}
		if r.Body != nil {
			body, err := recordBody(field+" body", r.Body)
			if err != nil {
				return nil, err
			}
			if len(body) > maxBatchItemBody {
				return nil, inputErr(field, "body is over the Batch API's 5 MB limit")
			}
			item["headers"] = []map[string]string{{"name": "Content-Type", "value": "application/json"}, {"name": "Accept", "value": "application/json"}}
			item["body"] = base64.StdEncoding.EncodeToString(body)
		}
		items[i] = item
	}
	return items, nil
}

// batchAnswer is the Batch API's answer.
type batchAnswer struct {
	ID         string `json:"batch_request_id"`
	Serviced   []servicedItem
	Unserviced []string
}

// UnmarshalJSON reads the answer; ids may come as strings or numbers.
func (a *batchAnswer) UnmarshalJSON(b []byte) error {
	var w struct {
		ID         json.RawMessage   `json:"batch_request_id"`
		Serviced   []servicedItem    `json:"serviced_requests"`
		Unserviced []json.RawMessage `json:"unserviced_requests"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	a.ID, a.Serviced = rawString(w.ID), w.Serviced
	for _, u := range w.Unserviced {
		a.Unserviced = append(a.Unserviced, rawString(u))
	}
	return nil
}

// servicedItem is one item of the answer.
type servicedItem struct {
	ID            json.RawMessage `json:"id"`
	StatusCode    int             `json:"status_code"`
	StatusText    string          `json:"status_text"`
	Headers       []nameValue     `json:"headers"`
	Body          string          `json:"body"`
	ExecutionTime float64         `json:"execution_time"`
	ErrorMessage  string          `json:"error_message"`
}

type nameValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// rawString reads a JSON string or number as a string.
func rawString(b json.RawMessage) string {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(b))
}

// send sends one batch of reqs (encoded as items) and fills results,
// sending again, at most twice, the items the instance did not run.
func (s *BatchService) send(ctx context.Context, reqs []BatchRequest, items []map[string]any, results []BatchResult, exclude bool) error {
	pending := make([]int, len(items))
	for i := range pending {
		pending[i] = i
	}
	for round := 0; len(pending) > 0; round++ {
		if round > 2 {
			for _, i := range pending {
				results[i].Err = fmt.Errorf("%w: the instance left it out of three batches", ErrNotServiced)
			}
			return nil
		}
		body := map[string]any{"batch_request_id": strconv.Itoa(round + 1)}
		sub := make([]map[string]any, 0, len(pending))
		safe := true
		for _, i := range pending {
			it := items[i]
			if exclude {
				it["exclude_response_headers"] = true
			}
			sub = append(sub, it)
			safe = safe && it["method"] == http.MethodGet
		}
		body["rest_requests"] = sub
		replay := transport.ReplayUnsafe
		if safe {
			replay = transport.ReplaySafe
		}
		var answer batchAnswer
		if _, err := s.c.core.Do(ctx, &transport.Request{Method: http.MethodPost, Path: "api/now/v1/batch", JSON: body, Replay: replay}, &answer); err != nil {
			return err
		}
		byID := make(map[string]int, len(pending))
		for _, i := range pending {
			byID[results[i].ID] = i
		}
		for _, it := range answer.Serviced {
			i, ok := byID[rawString(it.ID)]
			if !ok {
				continue
			}
			s.fill(&results[i], &reqs[i], it)
			delete(byID, results[i].ID)
		}
		pending = pending[:0]
		for _, id := range answer.Unserviced {
			if i, ok := byID[id]; ok {
				pending = append(pending, i)
				delete(byID, id)
			}
		}
		for _, i := range byID {
			// Neither serviced nor named unserviced: the answer lost it.
			results[i].Err = &incidentkit.BodyError{Service: "servicenow", Method: http.MethodPost, URL: "api/now/v1/batch",
				StatusCode: http.StatusOK, Err: fmt.Errorf("the batch answer has no item %s", results[i].ID)}
		}
	}
	return nil
}

// fill reads the answer item it of the request r into res.
func (s *BatchService) fill(res *BatchResult, r *BatchRequest, it servicedItem) {
	res.StatusCode, res.StatusText = it.StatusCode, it.StatusText
	res.ExecutionTime = time.Duration(it.ExecutionTime * float64(time.Millisecond))
	if len(it.Headers) > 0 {
		res.Header = make(http.Header, len(it.Headers))
		for _, h := range it.Headers {
			res.Header.Add(h.Name, h.Value)
		}
	}
	method := strings.ToUpper(r.Method)
	if method == "" {
		method = http.MethodGet
	}
	url := s.c.core.Redact(strings.TrimPrefix(r.Path, "/"))
	body, err := base64.StdEncoding.DecodeString(it.Body)
	if err != nil {
		res.Err = &incidentkit.BodyError{Service: "servicenow", Method: method, URL: url, StatusCode: it.StatusCode, Err: err}
		return
	}
	res.Body = body
	var env envelope[json.RawMessage]
	parsed := len(body) > 0 && json.Unmarshal(body, &env) == nil
	if it.StatusCode >= 400 || (parsed && env.Error != nil && (env.Status == "failure" || env.Error.Message != "")) {
		e := &incidentkit.Error{Service: "servicenow", StatusCode: it.StatusCode, Method: method, URL: url, Header: res.Header, Body: body}
		if parsed && env.Error != nil {
			e.Message, e.Detail = env.Error.Message, env.Error.Detail
		}
		if e.Message == "" {
			e.Message = it.ErrorMessage
		}
		res.Err = e
		return
	}
	if r.Out == nil || it.StatusCode == http.StatusNoContent {
		return
	}
	if !parsed || env.Result == nil {
		res.Err = &incidentkit.BodyError{Service: "servicenow", Method: method, URL: url, StatusCode: it.StatusCode, Err: errNoResult}
		return
	}
	if err := json.Unmarshal(*env.Result, r.Out); err != nil {
		res.Err = &incidentkit.BodyError{Service: "servicenow", Method: method, URL: url, StatusCode: it.StatusCode, Err: err}
	}
}
