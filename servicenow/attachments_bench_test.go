package servicenow

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/benchkit"
)

const benchFileSize = 1 << 30 // 1 GiB

// attachmentSides are the two sides of the attachment benchmarks, by name.
// Each runs in the benchmark and again, alone, in a child process that
// measures its peak memory; the server stays in the benchmark process.
var attachmentSides = benchkit.Sides{
	"upload/baseline": func(url string) (func(context.Context) error, error) {
		hc := &http.Client{}
		return func(ctx context.Context) error {
			req, err := http.NewRequestWithContext(ctx, http.MethodPost,
				url+"/api/now/attachment/file?table_name=incident&table_sys_id=abc&file_name=dump.bin",
				benchkit.Pattern{Size: benchFileSize}.Reader())
			if err != nil {
				return err
			}
			req.ContentLength = benchFileSize
			req.Header.Set("Content-Type", "application/octet-stream")
			req.Header.Set("Accept", "application/json")
			req.SetBasicAuth("admin", "secret")
			var created struct {
				Result struct {
					SysID string `json:"sys_id"`
				} `json:"result"`
			}
			if _, err := benchkit.DecodeJSON(hc, req, &created); err != nil {
				return err
			}
			if created.Result.SysID == "" {
				return fmt.Errorf("no sys_id in the answer")
			}
			return nil
		}, nil
	},
	"upload/servicenow": benchkit.ClientSide(benchClient, func(ctx context.Context, c *Client) error {
		_, err := c.Attachments.Upload(ctx, "incident", "abc", incidentkit.Upload{
			ReaderAt: benchkit.Pattern{Size: benchFileSize}, Size: benchFileSize,
			FileName: "dump.bin", ContentType: "application/octet-stream"})
		return err
	}),
	"download/baseline": benchkit.DownloadBaseline("/api/now/attachment/att1/file", func(r *http.Request) { r.SetBasicAuth("admin", "secret") }, benchFileSize),
	"download/servicenow": benchkit.ClientSide(benchClient, func(ctx context.Context, c *Client) error {
		return benchkit.FileSize(benchFileSize).Check(c.Attachments.Download(ctx, "att1", io.Discard, nil))
	}),
}

// benchClient connects the client sides to the benchmark server.
func benchClient(url string) (*Client, error) {
	return NewClient(url, WithBasicAuth("admin", "secret"))
}

// benchFile is what the benchmark server serves and answers to uploads.
var benchFile = benchkit.File{Size: benchFileSize, Created: []byte(attachmentJSON)}

// TestPeakMemoryChild runs one attachment side for a peak-memory
// measurement in a child process; in an ordinary test run it is skipped.
func TestPeakMemoryChild(t *testing.T) { attachmentSides.Child(t) }

// BenchmarkAttachmentUpload sends 1 GiB through Attachments.Upload and,
// as the baseline, through a bare net/http POST of the same bytes, each
// side reporting its throughput and its peak memory ("peak-MiB"),
// measured in a process of its own.
func BenchmarkAttachmentUpload(b *testing.B) {
	attachmentSides.RunFile(b, "upload", benchFile, "baseline", "servicenow")
}

// BenchmarkAttachmentDownload streams 1 GiB through Attachments.Download
// and, as the baseline, through a bare GET copied with io.Copy.
func BenchmarkAttachmentDownload(b *testing.B) {
	attachmentSides.RunFile(b, "download", benchFile, "baseline", "servicenow")
}
