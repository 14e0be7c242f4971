package thehivetest_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestAttachmentsRoundTrip attaches a file to a case, lists it, reads it
// back, makes an observable of it and deletes it, against the fake
// TheHive 5.
func TestAttachmentsRoundTrip(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, thehive.V1)
	caseID := srv.AddCase(thehivetest.Case{Title: "Phishing", Description: "d"})
	content := "%PDF-1.7 invoice"
	var progress int64
	a, err := c.Attachments.UploadToCase(ctx, caseID, incidentkit.Upload{Reader: strings.NewReader(content), FileName: "invoice.pdf",
		ContentType: "application/pdf", Progress: func(done, _ int64) { progress = done }})
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "invoice.pdf" || a.Size != int64(len(content)) || progress != int64(len(content)) {
		t.Fatalf("attachment %+v, progress %d", a, progress)
	}
	list, err := c.Attachments.ListForCase(ctx, caseID, nil)
	if err != nil || list.Total != 1 || list.Items[0].AttachmentID != a.AttachmentID {
		t.Fatalf("list: %+v, %v", list, err)
	}
	var buf bytes.Buffer
	info, err := c.Attachments.Download(ctx, a.AttachmentID, &buf, nil)
	if err != nil || buf.String() != content || info.Name != "invoice.pdf" || info.ContentType != "application/pdf" {
		t.Fatalf("download: %q %+v %v", buf.String(), info, err)
	}
	res, err := c.Observables.Create(ctx, caseID, &thehive.ObservableInput{Message: "from the mail", Attachment: a})
	if err != nil || len(res.Created) != 1 || res.Created[0].Attachment == nil || res.Created[0].Attachment.ID != a.ID {
		t.Fatalf("observable of the stored file: %+v, %v", res, err)
	}
	if err := c.Attachments.DeleteFromCase(ctx, caseID, a.AttachmentID); err != nil {
		t.Fatal(err)
	}
	if err := c.Attachments.DeleteFromCase(ctx, caseID, a.AttachmentID); !errors.Is(err, thehive.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
}

// TestFileObservablesBothDialects uploads file observables, one plain and
// one zip unpacked into an observable per file, and downloads a file back
// as it is and zipped, in both dialects; and adds a task log entry with a
// file.
func TestFileObservablesBothDialects(t *testing.T) {
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for _, name := range []string{"a.txt", "b.txt"} {
		f, _ := zw.Create(name)
		_, _ = f.Write([]byte("inside " + name))
	}
	_ = zw.Close()
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		caseID := srv.AddCase(thehivetest.Case{Title: "Malware", Description: "d"})
		res, err := c.Observables.CreateFile(ctx, caseID, &thehive.ObservableInput{Message: "sample"},
			incidentkit.Upload{Reader: strings.NewReader("MZ\x90\x00payload"), FileName: "mal.exe"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Observables.CreateFile(ctx, caseID, &thehive.ObservableInput{IsZip: true},
			incidentkit.Upload{Reader: bytes.NewReader(zipped.Bytes()), FileName: "bundle.zip"}); err != nil {
			t.Fatal(err)
		}
		var names []string
		for o, err := range c.Observables.All(ctx, caseID, nil) {
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, o.Attachment.Name)
		}
		slices.Sort(names)
		if want := []string{"a.txt", "b.txt", "mal.exe"}; !slices.Equal(names, want) {
			t.Errorf("file observables %v, want %v (the zip unpacked)", names, want)
		}
		var buf bytes.Buffer
		if _, err := c.Observables.DownloadFile(ctx, res.Created[0], &buf, false, nil); err != nil || buf.String() != "MZ\x90\x00payload" {
			t.Fatalf("download: %q, %v", buf.String(), err)
		}
		buf.Reset()
		info, err := c.Observables.DownloadFile(ctx, res.Created[0], &buf, true, nil)
		if err != nil || !strings.HasSuffix(info.Name, ".zip") {
			t.Fatalf("zipped download: %+v, %v", info, err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil || len(zr.File) != 1 {
			t.Fatalf("zipped download is not a zip of one file: %v", err)
		}
		rc, _ := zr.File[0].Open()
		inside, _ := io.ReadAll(rc)
		if string(inside) != "MZ\x90\x00payload" {
			t.Errorf("zip holds %q", inside)
		}

		task, err := c.Tasks.Create(ctx, caseID, &thehive.TaskInput{Title: "Analyse"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Tasks.AddLogFile(ctx, task.ID, &thehive.LogInput{Message: "strings output"},
			incidentkit.Upload{Reader: strings.NewReader("http://evil.test"), FileName: "strings.txt"}); err != nil {
			t.Fatal(err)
		}
	})
}
