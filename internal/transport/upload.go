package transport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/incidentkit/incidentkit"
)

// sniffLen is how many leading bytes content-type sniffing looks at.
const sniffLen = 512

// Upload is the public incidentkit.Upload.
type Upload = incidentkit.Upload

// fileSource opens an Upload's content for each attempt.
type fileSource struct {
	u     Upload
	size  int64 // -1 when unknown
	start int64 // a seeker's starting offset
	seek  io.ReadSeeker
	// prefix holds bytes read from a plain reader for sniffing.
	prefix []byte
	// read counts content bytes handed to the transport, over all attempts.
	// The transport reads the body on its own goroutine, hence atomic.
	read atomic.Int64
}

// newFileSource validates u, measures its size and sniffs its type.
func newFileSource(u Upload) (*fileSource, error) {
	n := 0
	for _, set := range []bool{u.Reader != nil, u.ReaderAt != nil, u.Open != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return nil, invalid("upload", "set exactly one of Reader, ReaderAt and Open (got %d)", n)
	}
	if u.Size < 0 {
		return nil, invalid("upload", "size %d is negative", u.Size)
	}
	if err := checkContentType(u.ContentType); err != nil {
		return nil, err
	}
	if hasControlChar(u.FileName) {
		// A file name becomes a header (a part's Content-Disposition, an
		// attachment's name on the server): refuse rather than rewrite it.
		return nil, invalid("upload", "file name %q contains a control character", u.FileName)
	}
	s := &fileSource{u: u, size: -1}
	head := make([]byte, sniffLen)
	var got int
	var err error
	switch {
	case u.ReaderAt != nil:
		s.size = u.Size
		got, err = u.ReaderAt.ReadAt(head[:min(int64(sniffLen), u.Size)], 0)
		if errors.Is(err, io.EOF) {
			err = nil
		}
	case u.Open != nil:
		if u.Size > 0 {
			s.size = u.Size
		}
		if u.ContentType == "" {
			got, err = sniffOpen(u.Open, head)
		}
	default:
		if rs, ok := u.Reader.(io.ReadSeeker); ok {
			s.seek = rs
			got, err = s.measure(head)
			break
		}
		if u.Size > 0 {
			s.size = u.Size
		}
		if u.ContentType == "" {
			got, err = io.ReadFull(u.Reader, head)
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				err = nil
			}
			s.prefix = head[:got]
		}
	}
	var inErr *InputError
	switch {
	case errors.As(err, &inErr):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("reading upload %q: %w", u.FileName, err)
	}
	if s.u.ContentType == "" {
		s.u.ContentType = http.DetectContentType(head[:got])
	}
	return s, nil
}

// measure finds a seeker's start and size and sniffs its first bytes,
// leaving it at its start.
func (s *fileSource) measure(head []byte) (int, error) {
	start, err := s.seek.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	s.start = start
	end, err := s.seek.Seek(0, io.SeekEnd)
	if err != nil {
		return 0, err
	}
	s.size = end - start
	if s.u.Size > 0 && s.u.Size != s.size {
		return 0, invalid("upload", "size %d differs from the %d bytes the reader holds", s.u.Size, s.size)
	}
	if _, err := s.seek.Seek(start, io.SeekStart); err != nil {
		return 0, err
	}
	got := 0
	if s.u.ContentType == "" {
		got, err = io.ReadFull(s.seek, head)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = nil
		}
		if err != nil {
			return 0, err
		}
		if _, err := s.seek.Seek(start, io.SeekStart); err != nil {
			return 0, err
		}
	}
	return got, nil
}

func sniffOpen(open func() (io.ReadCloser, error), head []byte) (int, error) {
	rc, err := open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	got, err := io.ReadFull(rc, head)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return got, err
}

// replayable reports whether the content can be produced again from the
// start: always for seekers, ReaderAt and Open; for a plain reader only
// while nothing was handed to the transport.
func (s *fileSource) replayable() bool {
	return s.u.Reader == nil || s.seek != nil || s.read.Load() == 0
}

// open returns a reader over the whole content and, for Open sources, the
// closer to call when the attempt ends.
func (s *fileSource) open() (io.Reader, io.Closer, error) {
	switch {
	case s.u.ReaderAt != nil:
		return io.NewSectionReader(s.u.ReaderAt, 0, s.size), nil, nil
	case s.u.Open != nil:
		rc, err := s.u.Open()
		if err != nil {
			return nil, nil, fmt.Errorf("opening upload %q: %w", s.u.FileName, err)
		}
		return rc, rc, nil
	case s.seek != nil:
		if _, err := s.seek.Seek(s.start, io.SeekStart); err != nil {
			return nil, nil, fmt.Errorf("rewinding upload %q: %w", s.u.FileName, err)
		}
		if s.size >= 0 {
			return io.LimitReader(s.seek, s.size), nil, nil
		}
		return s.seek, nil, nil
	}
	if n := s.read.Load(); n > 0 {
		return nil, nil, fmt.Errorf("upload %q: %w: %d bytes of a plain io.Reader were already sent", s.u.FileName, incidentkit.ErrNotReplayable, n)
	}
	if len(s.prefix) == 0 {
		return s.u.Reader, nil, nil
	}
	return io.MultiReader(bytes.NewReader(s.prefix), s.u.Reader), nil, nil
}

// checkContentType refuses a caller's content type that could not be sent
// as one header value: a control character would end the header and start
// another (in the request or in a multipart part), and anything that does
// not parse as a media type is not one. Empty means "sniff it".
func checkContentType(ct string) error {
	if ct == "" {
		return nil
	}
	if hasControlChar(ct) {
		return invalid("upload", "content type %q contains a control character", ct)
	}
	if _, _, err := mime.ParseMediaType(ct); err != nil {
		return invalid("upload", "content type %q is not a media type: %v", ct, err)
	}
	return nil
}

// hasControlChar reports whether a caller's value that becomes (part of) a
// header holds a character that could end the header and start another:
// CR, LF, NUL or any other control character but tab.
func hasControlChar(v string) bool {
	return strings.ContainsFunc(v, func(r rune) bool { return (r < ' ' && r != '\t') || r == 0x7f })
}
