package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// ImportStatus is what a transform map did with an imported row.
type ImportStatus string

// Import statuses (the Import Set API and the Standard SOAP Response of
// import sets); an instance's transform scripts may report others, which
// are kept.
const (
	ImportInserted ImportStatus = "inserted"
	ImportUpdated  ImportStatus = "updated"
	ImportIgnored  ImportStatus = "ignored"
	ImportSkipped  ImportStatus = "skipped"
	ImportFailed   ImportStatus = "error"
)

// TransformResult is what one transform map made of an imported row.
type TransformResult struct {
	// TransformMap names the map; Table and SysID are the target table
	// and record (for a skipped row, the staging row's sys_id).
	TransformMap string `json:"transform_map"`
	Table        string `json:"table"`
	SysID        string `json:"sys_id"`
	// DisplayName and DisplayValue are the target's display field and
	// its value (such as number and INC0010001); RecordLink its Table API
	// URL.
	DisplayName  string `json:"display_name"`
	DisplayValue string `json:"display_value"`
	RecordLink   string `json:"record_link"`
	// Status is what the map did; StatusMessage and ErrorMessage say why
	// when the map or its scripts tell.
	Status        ImportStatus `json:"status"`
	StatusMessage string       `json:"status_message"`
	ErrorMessage  string       `json:"error_message"`
}

// ImportResult is the answer to an imported row.
type ImportResult struct {
	// ImportSet is the import set the row joined (such as ISET0010001);
	// StagingTable the staging table.
	ImportSet    string `json:"import_set"`
	StagingTable string `json:"staging_table"`
	// Results holds one result per transform map run; in asynchronous
	// mode the row is only staged and the result names the staging
	// table.
	Results []TransformResult `json:"result"`
	// Raw is the answer as the instance sent it.
	Raw json.RawMessage `json:"-"`
}

// Err returns an *ImportError when a transform map reported the row as an
// error, nil otherwise.
func (r *ImportResult) Err() error {
	for _, t := range r.Results {
		if t.Status == ImportFailed {
			return &ImportError{StagingTable: r.StagingTable, Result: t}
		}
	}
	return nil
}

// ImportError reports a row a transform map rejected (status "error"),
// although the Import Set API answered with success.
type ImportError struct {
	StagingTable string
	Result       TransformResult
}

// Error names the map and its message.
func (e *ImportError) Error() string {
	msg := e.Result.ErrorMessage
	if msg == "" {
		msg = e.Result.StatusMessage
	}
	return "servicenow: import into " + e.StagingTable + " rejected by transform map " + strings.TrimSpace(e.Result.TransformMap+": "+msg)
}

// MultiImportResult is the answer to insertMultiple: the import set the
// rows were staged in and its multi import set. The rows are transformed
// asynchronously unless the staging table is set up otherwise; read their
// outcome from the staging table (sys_import_state, sys_target_sys_id).
type MultiImportResult struct {
	ImportSetID      string          `json:"import_set_id"`
	MultiImportSetID string          `json:"multi_import_set_id"`
	Raw              json.RawMessage `json:"-"`
}

// MultiImportOptions tune InsertMultiple; nil means none.
type MultiImportOptions struct {
	// MultiImportSetID adds the rows to an existing multi import set.
	MultiImportSetID string
	// RunAfter names an import set (its sys_id) that must finish first
	// (asynchronous mode only).
	RunAfter string
}

// ImportSetService inserts rows into staging tables through the Import
// Set API, whose transform maps write the target records. Get it from
// Client.ImportSets.
type ImportSetService struct{ c *Client }

// Insert stages one row (column name to value; the API stores values as
// strings) and runs the table's transform maps, synchronously. It is sent
// once. A row a map rejects comes back with its result and an
// *ImportError.
func (s *ImportSetService) Insert(ctx context.Context, stagingTable string, row map[string]string) (*ImportResult, error) {
	if err := checkStagingTable(stagingTable); err != nil {
		return nil, err
	}
	if len(row) == 0 {
		return nil, inputErr("import row", "is empty")
	}
	return s.result(ctx, &transport.Request{Method: http.MethodPost, Path: "api/now/import/{}", Args: []string{stagingTable},
		JSON: row, Replay: transport.ReplayUnsafe})
}

// Get returns the import result of the staging row sysID (not the target
// record). The instance deletes import sets after seven days by default.
func (s *ImportSetService) Get(ctx context.Context, stagingTable, sysID string) (*ImportResult, error) {
	if err := checkStagingTable(stagingTable); err != nil {
		return nil, err
	}
	if err := checkID(sysID); err != nil {
		return nil, err
	}
	return s.result(ctx, &transport.Request{Path: "api/now/import/{}/{}", Args: []string{stagingTable, sysID}})
}

// result sends r and reads an import answer.
func (s *ImportSetService) result(ctx context.Context, r *transport.Request) (*ImportResult, error) {
	var raw json.RawMessage
	resp, err := s.c.core.Do(ctx, r, &raw)
	if err != nil {
		return nil, err
	}
	var env envelope[json.RawMessage]
	if json.Unmarshal(raw, &env) == nil {
		if err := envelopeError(s.c, r, resp, env.Error, env.Status); err != nil {
			return nil, err
		}
	}
	res := &ImportResult{Raw: raw}
	if err := json.Unmarshal(raw, res); err != nil || (res.StagingTable == "" && res.Results == nil) {
		return nil, noResult(s.c, r, resp)
	}
	return res, res.Err()
}

// InsertMultiple stages many rows in one request
// (/api/now/import/{table}/insertMultiple). The transform runs
// asynchronously unless the table is set up otherwise: the answer names
// the import set to follow. It is sent once.
func (s *ImportSetService) InsertMultiple(ctx context.Context, stagingTable string, rows []map[string]string,
	opts *MultiImportOptions) (*MultiImportResult, error) {
	if err := checkStagingTable(stagingTable); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, inputErr("import rows", "are empty")
	}
	q := url.Values{}
	if opts != nil {
		if opts.MultiImportSetID != "" {
			q.Set("multi_import_set_id", opts.MultiImportSetID)
		}
		if opts.RunAfter != "" {
			q.Set("run_after", opts.RunAfter)
		}
	}
	r := &transport.Request{Method: http.MethodPost, Path: "api/now/import/{}/insertMultiple", Args: []string{stagingTable},
		Query: q, JSON: map[string]any{"records": rows}, Replay: transport.ReplayUnsafe}
	var raw json.RawMessage
	resp, err := s.c.core.Do(ctx, r, &raw)
	if err != nil {
		return nil, err
	}
	res := &MultiImportResult{Raw: raw}
	if err := json.Unmarshal(raw, res); err != nil || res.ImportSetID == "" {
		return nil, &incidentkit.BodyError{Service: "servicenow", Method: http.MethodPost, URL: s.c.core.Redact(r.Path),
			StatusCode: resp.StatusCode, Err: errNoImportSet}
	}
	return res, nil
}

// errNoImportSet is the cause of the *BodyError for an insertMultiple
// answer that names no import set.
var errNoImportSet = errors.New("answer names no import set")

// checkStagingTable refuses a staging table name that cannot be one.
func checkStagingTable(name string) error {
	if strings.TrimSpace(name) == "" || strings.ContainsAny(name, "/?# ") {
		return inputErr("staging table", strings.TrimSpace(name+" is not a table name"))
	}
	return nil
}
