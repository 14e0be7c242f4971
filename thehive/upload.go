package thehive

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// writeFile builds the create at rt that streams file once, as the
// multipart part filePart after the part "_json": the fields put writes
// of in (named field in an input error), as JSON. A nil in, or a file
// without a name, is an input error.
func writeFile[I any](c *Client, rt route, field string, in *I, put func(in *I, sp *dialectSpec, b map[string]any) error,
	filePart string, file incidentkit.Upload) (*transport.Request, error) {
	r, err := c.request(http.MethodPost, rt, transport.ReplayUnsafe)
	if err != nil {
		return nil, err
	}
	if in == nil {
		return nil, inputErr(field, "is nil")
	}
	if strings.TrimSpace(file.FileName) == "" {
		return nil, inputErr("file name", "is empty")
	}
	fields := map[string]any{}
	if err := put(in, c.sp, fields); err != nil {
		return nil, err
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(fields); err != nil {
		return nil, inputErr(field, err.Error())
	}
	r.Body = transport.MultipartBody([]transport.FormField{{Name: "_json", Value: strings.TrimSpace(js.String())}}, filePart, file)
	return r, nil
}
