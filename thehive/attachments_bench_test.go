package thehive

import (
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/benchkit"
)

const benchFileSize = 1 << 30 // 1 GiB

// benchUploaded is the upload answer of the benchmark server.
const benchUploaded = `{"attachments":[{"_id":"~77","id":"e3b0","name":"dump.bin","contentType":"application/octet-stream","size":1073741824}]}`

// attachmentSides are the two sides of the attachment benchmarks, by name.
// Each runs in the benchmark and again, alone, in a child process that
// measures its peak memory; the server stays in the benchmark process.
var attachmentSides = benchkit.Sides{
	"upload/baseline": func(url string) (func(context.Context) error, error) {
		hc := &http.Client{}
		return func(ctx context.Context) error {
			// The hand-written way: a multipart body streamed through a
			// pipe by a multipart.Writer.
			pr, pw := io.Pipe()
			mw := multipart.NewWriter(pw)
			go func() {
				part, err := mw.CreateFormFile("attachments", "dump.bin")
				if err == nil {
					_, err = io.Copy(part, benchkit.Pattern{Size: benchFileSize}.Reader())
				}
				if err == nil {
					err = mw.Close()
				}
				pw.CloseWithError(err)
			}()
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/api/v1/case/~1/attachments", pr)
			if err != nil {
				return err
			}
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Authorization", "Bearer bench-key")
			var created struct {
				Attachments []struct {
					ID string `json:"_id"`
				} `json:"attachments"`
			}
			if _, err := benchkit.DecodeJSON(hc, req, &created); err != nil {
				return err
			}
			if len(created.Attachments) != 1 {
				return fmt.Errorf("no attachment in the answer")
			}
			return nil
		}, nil
	},
	"upload/thehive": benchkit.ClientSide(benchClient, func(ctx context.Context, c *Client) error {
		return errOf(c.Attachments.UploadToCase(ctx, "~1", incidentkit.Upload{
			ReaderAt: benchkit.Pattern{Size: benchFileSize}, Size: benchFileSize, FileName: "dump.bin"}))
	}),
	"download/baseline": benchkit.DownloadBaseline("/api/v1/attachment/~77/download", func(r *http.Request) { r.Header.Set("Authorization", "Bearer bench-key") }, benchFileSize),
	"download/thehive": benchkit.ClientSide(benchClient, func(ctx context.Context, c *Client) error {
		return benchkit.FileSize(benchFileSize).Check(c.Attachments.Download(ctx, "~77", io.Discard, nil))
	}),
}

// benchClient connects the client sides to the benchmark server.
func benchClient(url string) (*Client, error) { return NewClient(url, WithAPIKey("bench-key")) }

// benchFile is what the benchmark server serves and answers to uploads.
var benchFile = benchkit.File{Size: benchFileSize, Created: []byte(benchUploaded)}

// TestPeakMemoryChild runs one attachment side for a peak-memory
// measurement in a child process; in an ordinary test run it is skipped.
func TestPeakMemoryChild(t *testing.T) { attachmentSides.Child(t) }

// BenchmarkAttachmentUpload sends 1 GiB through Attachments.UploadToCase
// and, as the baseline, through a bare net/http multipart POST of the same
// bytes, each side reporting its throughput and its peak memory
// ("peak-MiB"), measured in a process of its own.
func BenchmarkAttachmentUpload(b *testing.B) {
	attachmentSides.RunFile(b, "upload", benchFile, "baseline", "thehive")
}

// BenchmarkAttachmentDownload streams 1 GiB through Attachments.Download
// and, as the baseline, through a bare GET copied with io.Copy.
func BenchmarkAttachmentDownload(b *testing.B) {
	attachmentSides.RunFile(b, "download", benchFile, "baseline", "thehive")
}
