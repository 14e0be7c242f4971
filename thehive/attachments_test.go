package thehive

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestAttachmentUploads checks the multipart requests of attachment
// uploads and of a task log with a file: TheHive 5 takes the file part
// "attachments" (OpenAPI description), TheHive 3/4 "attachment"
// (dto/v0/Log.scala).
func TestAttachmentUploads(t *testing.T) {
	ctx := context.Background()
	file := func() incidentkit.Upload {
		return incidentkit.Upload{Reader: strings.NewReader("PK\x03\x04"), FileName: "evidence.zip", ContentType: "application/zip"}
	}
	tests := []struct {
		name      string
		dialect   Dialect
		call      func(c *Client) error
		answer    string
		path      string
		wantParts []testkit.Part
	}{
		{name: "case", dialect: V1, call: func(c *Client) error {
			a, err := c.Attachments.UploadToCase(ctx, "~1", file())
			if err == nil && (a.AttachmentID != "~77" || a.ID != "e3b0" || a.Size != 4) {
				t.Errorf("attachment = %+v", a)
			}
			return err
		}, answer: `{"attachments":[{"_id":"~77","id":"e3b0","name":"evidence.zip","contentType":"application/zip","size":4}]}`,
			path: "/api/v1/case/~1/attachments", wantParts: []testkit.Part{{Name: "attachments", FileName: "evidence.zip", Data: "PK\x03\x04"}}},
		{name: "alert", dialect: V1, call: func(c *Client) error { return errOf(c.Attachments.UploadToAlert(ctx, "~2", file())) },
			answer: `{"attachments":[{"_id":"~78","id":"e3b0","name":"evidence.zip"}]}`,
			path:   "/api/v1/alert/~2/attachments", wantParts: []testkit.Part{{Name: "attachments", FileName: "evidence.zip", Data: "PK\x03\x04"}}},
		{name: "log", dialect: V1, call: func(c *Client) error { return c.Attachments.UploadToLog(ctx, "~3", file()) },
			path: "/api/v1/log/~3/attachments", wantParts: []testkit.Part{{Name: "attachments", FileName: "evidence.zip", Data: "PK\x03\x04"}}},
		{name: "log with file v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Tasks.AddLogFile(ctx, "~4", &LogInput{Message: "captured"}, file()))
		}, answer: `{"_id":"~9","message":"captured"}`, path: "/api/v1/task/~4/log",
			wantParts: []testkit.Part{{Name: "_json", Data: `{"message":"captured"}`}, {Name: "attachments", FileName: "evidence.zip", Data: "PK\x03\x04"}}},
		{name: "log with file v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Tasks.AddLogFile(ctx, "AT4", &LogInput{Message: "captured"}, file()))
		}, answer: `{"id":"AL9","message":"captured"}`, path: "/api/case/task/AT4/log",
			wantParts: []testkit.Part{{Name: "_json", Data: `{"message":"captured"}`}, {Name: "attachment", FileName: "evidence.zip", Data: "PK\x03\x04"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, tt.dialect)
			status := 201
			if tt.answer == "" {
				status = 204
			}
			answerAll(m, testkit.Answer{Status: status, Body: tt.answer})
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			r := m.Last(t)
			if r.Method != "POST" || r.RawPath != tt.path {
				t.Errorf("request %s %s, want POST %s", r.Method, r.RawPath, tt.path)
			}
			got := r.Parts(t)
			if len(got) != len(tt.wantParts) {
				t.Fatalf("parts %+v, want %+v", got, tt.wantParts)
			}
			for i, g := range got {
				if w := tt.wantParts[i]; g.Name != w.Name || g.FileName != w.FileName || g.Data != w.Data {
					t.Errorf("part %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestAttachmentDownloads checks the downloads of attachments and of file
// observables: the route, the query, the streamed bytes and what is
// reported of the file.
func TestAttachmentDownloads(t *testing.T) {
	ctx := context.Background()
	obs := &Observable{Record: Record{ID: "~5"}, Attachment: &Attachment{ID: "e3b0", AttachmentID: "~77", Name: `mal<1>.exe`}}
	tests := []struct {
		name    string
		dialect Dialect
		call    func(c *Client, w io.Writer) (*incidentkit.FileInfo, error)
		path    string
		query   string
	}{
		{name: "attachment", dialect: V1, call: func(c *Client, w io.Writer) (*incidentkit.FileInfo, error) {
			return c.Attachments.Download(ctx, "~77", w, nil)
		}, path: "/api/v1/attachment/~77/download"},
		{name: "observable v1", dialect: V1, call: func(c *Client, w io.Writer) (*incidentkit.FileInfo, error) {
			return c.Observables.DownloadFile(ctx, obs, w, false, nil)
		}, path: "/api/v1/observable/~5/attachment/~77/download"},
		{name: "observable zipped v1", dialect: V1, call: func(c *Client, w io.Writer) (*incidentkit.FileInfo, error) {
			return c.Observables.DownloadFile(ctx, obs, w, true, nil)
		}, path: "/api/v1/observable/~5/attachment/~77/download", query: "asZip=true"},
		{name: "observable v0", dialect: V0, call: func(c *Client, w io.Writer) (*incidentkit.FileInfo, error) {
			return c.Observables.DownloadFile(ctx, obs, w, false, nil)
		}, path: "/api/datastore/e3b0", query: "name=mal_1_.exe"},
		{name: "observable zipped v0", dialect: V0, call: func(c *Client, w io.Writer) (*incidentkit.FileInfo, error) {
			return c.Observables.DownloadFile(ctx, obs, w, true, nil)
		}, path: "/api/datastorezip/e3b0", query: "name=mal_1_.exe.zip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, tt.dialect)
			answerAll(m, testkit.Answer{Body: "MZ\x90\x00", Header: testkit.Headers("Content-Type", "application/octet-stream",
				"Content-Disposition", `attachment; filename="mal.exe"`)})
			var buf bytes.Buffer
			info, err := tt.call(c, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if buf.String() != "MZ\x90\x00" || info.Size != 4 || info.Name != "mal.exe" || info.ContentType != "application/octet-stream" {
				t.Errorf("got %q, %+v", buf.String(), info)
			}
			r := m.Last(t)
			if r.Method != "GET" || r.RawPath != tt.path || r.RawQuery != tt.query {
				t.Errorf("request %s %s?%s, want GET %s?%s", r.Method, r.RawPath, r.RawQuery, tt.path, tt.query)
			}
		})
	}
}

// TestAttachmentShapes checks the JSON requests around attachments: the
// listings, the deletes and file observables made of a stored file or of a
// zip.
func TestAttachmentShapes(t *testing.T) {
	ctx := context.Background()
	tests := []shapeCase{
		{name: "list case attachments", dialect: V1, call: func(c *Client) error { return errOf(c.Attachments.ListForCase(ctx, "~1", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"attachments"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "list log attachments", dialect: V1, call: func(c *Client) error { return errOf(c.Attachments.ListForLog(ctx, "~3", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getLog","idOrName":"~3"},{"_name":"attachments"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "delete case attachment", dialect: V1, call: func(c *Client) error { return c.Attachments.DeleteFromCase(ctx, "~1", "~77") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/case/~1/attachment/~77"},
		{name: "delete alert attachment", dialect: V1, call: func(c *Client) error { return c.Attachments.DeleteFromAlert(ctx, "~2", "~78") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/alert/~2/attachment/~78"},
		{name: "delete log attachment", dialect: V1, call: func(c *Client) error { return c.Attachments.DeleteFromLog(ctx, "~3", "~79") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/log/~3/attachments/~79"},
		{name: "observable of a stored file", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "~1", &ObservableInput{Message: "from the mail",
				Attachment: &Attachment{ID: "e3b0", Name: "invoice.pdf", ContentType: "application/pdf"}}))
		}, answer: `[{"_id":"~8"}]`, status: 201, method: "POST", path: "/api/v1/case/~1/observable",
			body: `{"dataType":"file","attachment":{"id":"e3b0","name":"invoice.pdf","contentType":"application/pdf"},"message":"from the mail"}`},
	}
	checkShapes(t, tests)
}

// TestAttachmentRejected checks what fails before anything is sent.
func TestAttachmentRejected(t *testing.T) {
	ctx := context.Background()
	file := incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a.txt"}
	testRejected(t, []rejectCase{
		{name: "case upload v0", dialect: V0, call: func(c *Client) error { return errOf(c.Attachments.UploadToCase(ctx, "a", file)) },
			want: "attaching a file is not available in TheHive 3/4"},
		{name: "upload without name", dialect: V1, call: func(c *Client) error {
			return errOf(c.Attachments.UploadToCase(ctx, "~1", incidentkit.Upload{Reader: strings.NewReader("x")}))
		}, want: "file name"},
		{name: "download without writer", dialect: V1, call: func(c *Client) error { return errOf(c.Attachments.Download(ctx, "~1", nil, nil)) },
			want: "writer"},
		{name: "download plain observable", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.DownloadFile(ctx, &Observable{}, io.Discard, false, nil))
		}, want: "not a file observable"},
		{name: "zip password without zip", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.CreateFile(ctx, "~1", &ObservableInput{ZipPassword: "infected"}, file))
		}, want: "IsZip is not"},
		{name: "zip without upload", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "~1", &ObservableInput{DataType: "ip", Data: []string{"1.1.1.1"}, IsZip: true}))
		}, want: "applies only to an uploaded file"},
		{name: "reference without content type", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "~1", &ObservableInput{Attachment: &Attachment{ID: "e3b0", Name: "a.pdf"}}))
		}, want: "attachment content type"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), want) {
			t.Fatalf("error = %v, want an input error saying %q", err, want)
		}
	})
}
