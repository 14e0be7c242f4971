package incidentkit

import (
	"io"
	"os"
	"path/filepath"
)

// Progress is called as a transfer advances, with the bytes moved so far
// and the total (-1 when unknown). A retried upload starts over from zero.
// It runs on the goroutine that moves the bytes and must not block.
type Progress func(done, total int64)

// Upload is a file to send. Set exactly one of Reader, ReaderAt or Open, or
// build one from a path with [FileUpload].
//
// A source that can be read again (an io.ReadSeeker, an io.ReaderAt with
// its Size, or an Open function) is re-read from the start when the request
// is retried. A plain io.Reader is streamed once: the request is never
// repeated once any of it was sent.
type Upload struct {
	// Reader streams the content. If it is also an io.Seeker, it is
	// rewound to its starting offset for a retry and its size is measured.
	Reader io.Reader
	// ReaderAt reads the content from offset 0 to Size.
	ReaderAt io.ReaderAt
	// Open returns a fresh reader over the content for each attempt; the
	// reader is closed when the attempt ends.
	Open func() (io.ReadCloser, error)
	// Size is the content length in bytes. It is required with ReaderAt;
	// with Reader or Open, zero means unknown (a seeker's size is measured)
	// and the body is sent chunked. Negative is invalid.
	Size int64
	// FileName is the name the server stores. It must not contain control
	// characters.
	FileName string
	// ContentType is the content's media type; when empty it is sniffed
	// from the first 512 bytes.
	ContentType string
	// Progress, when set, is called as content bytes are sent.
	Progress Progress
}

// FileUpload returns an Upload that reads the file at path, opened afresh
// for each attempt (so a retry re-reads it), named after the file's base
// name and sized from its metadata. The file must exist and be a regular
// file.
func FileUpload(path string) (Upload, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Upload{}, &InputError{Field: "file", Problem: err.Error(), Err: err}
	}
	if !fi.Mode().IsRegular() {
		return Upload{}, &InputError{Field: "file", Problem: path + " is not a regular file"}
	}
	return Upload{
		Open:     func() (io.ReadCloser, error) { return os.Open(path) },
		Size:     fi.Size(),
		FileName: filepath.Base(path),
	}, nil
}

// FileInfo describes a downloaded file as the server named it.
type FileInfo struct {
	// Name is the file name the server gave (reduced to its last path
	// element), or the name the API stores for the attachment.
	Name string
	// ContentType is the file's media type.
	ContentType string
	// Size is how many bytes were written to the caller's writer.
	Size int64
}
