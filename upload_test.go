package incidentkit

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestFileUpload(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "evidence.pcap")
	if err := os.WriteFile(path, []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	u, err := FileUpload(path)
	if err != nil {
		t.Fatal(err)
	}
	if u.FileName != "evidence.pcap" || u.Size != 10 || u.Open == nil || u.Reader != nil {
		t.Fatalf("upload = %+v", u)
	}
	for attempt := 1; attempt <= 2; attempt++ { // every attempt reads the whole file again
		rc, err := u.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		_ = rc.Close()
		if string(b) != "0123456789" {
			t.Errorf("attempt %d read %q", attempt, b)
		}
	}

	tests := []struct {
		name string
		path string
	}{
		{name: "missing file", path: filepath.Join(dir, "nope")},
		{name: "directory", path: dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FileUpload(tt.path)
			var ie *InputError
			if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &ie) || ie.Field != "file" {
				t.Errorf("err = %v, want an input error for the file", err)
			}
		})
	}
}
