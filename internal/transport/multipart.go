package transport

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"strings"
)

// multipartFrame renders everything of a multipart body except the file
// content: head is the fields plus the file part's headers, tail closes the
// body. The boundary is random, chosen once per body.
func multipartFrame(fields []FormField, fileField, fileName, fileType string) (head, tail []byte, contentType string, err error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", formDisposition(f.Name, ""))
		pw, err := w.CreatePart(h)
		if err != nil {
			return nil, nil, "", err
		}
		if _, err := pw.Write([]byte(f.Value)); err != nil {
			return nil, nil, "", err
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", formDisposition(fileField, fileName))
	h.Set("Content-Type", fileType)
	if _, err := w.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	headLen := buf.Len()
	if err := w.Close(); err != nil {
		return nil, nil, "", err
	}
	all := buf.Bytes()
	return bytes.Clone(all[:headLen]), bytes.Clone(all[headLen:]), w.FormDataContentType(), nil
}

// formDisposition builds a form-data Content-Disposition. Names are quoted
// the way browsers do it (RFC 7578 and the HTML form encoding): UTF-8 kept
// as is, '"' as %22, CR, LF and other control characters percent-encoded,
// and '\' escaped, so no name can break out of its quotes or its header.
func formDisposition(name, fileName string) string {
	v := `form-data; name="` + quoteFormName(name) + `"`
	if fileName != "" {
		v += `; filename="` + quoteFormName(fileName) + `"`
	}
	return v
}

func quoteFormName(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("%22")
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
