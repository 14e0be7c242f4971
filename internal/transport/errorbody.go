package transport

import (
	"bytes"
	"encoding/json"
	"html"
	"mime"
	"strings"
	"unicode/utf8"
)

// ErrorDecoder fills e.Code, e.Message, e.Detail and e.Extra from the body of
// an error answer in an API's own envelope. It reports whether it recognised
// the body; when it did not, the generic decoding applies.
type ErrorDecoder func(e *Error, body []byte) bool

// maxSummary caps the readable summary taken from a non-JSON body, in runes.
const maxSummary = 200

// bodyKind is what an answer's body looks like.
type bodyKind int

const (
	kindEmpty bodyKind = iota
	kindJSON
	kindHTML
	kindXML
	kindText
)

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(contentType))
	}
	return mt
}

// classify decides what a body is from its Content-Type, falling back to
// its first bytes when the header is missing or generic.
func classify(contentType string, body []byte) bodyKind {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return kindEmpty
	}
	mt := mediaType(contentType)
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return kindJSON
	case mt == "text/html" || mt == "application/xhtml+xml":
		return kindHTML
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return kindXML
	}
	switch trimmed[0] {
	case '{', '[':
		return kindJSON
	case '<':
		head := strings.ToLower(string(trimmed[:min(len(trimmed), 512)]))
		if strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") ||
			strings.Contains(head, "<title") || strings.Contains(head, "<body") || strings.Contains(head, "<head") {
			return kindHTML
		}
		return kindXML
	}
	return kindText
}

// decodeErrorBody fills e's Code, Message and Detail from body.
func decodeErrorBody(e *Error, contentType string, body []byte, custom ErrorDecoder) {
	kind := classify(contentType, body)
	if kind == kindJSON {
		if custom != nil && custom(e, body) {
			return
		}
		if decodeGenericJSONError(e, body) {
			return
		}
	}
	e.Message = Summarize(contentType, body)
}

// decodeGenericJSONError understands the common envelopes: {"error":
// {"message","detail"}} (ServiceNow), {"type","message"} (TheHive),
// {"detail"} and {"message"} (most others) and OAuth's {"error",
// "error_description"}.
func decodeGenericJSONError(e *Error, body []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil {
		return false
	}
	str := func(raw json.RawMessage) string {
		if len(raw) == 0 {
			return ""
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		if string(raw) == "null" {
			return ""
		}
		var buf bytes.Buffer
		if json.Compact(&buf, raw) == nil {
			return truncateRunes(buf.String(), 4*maxSummary)
		}
		return ""
	}
	if raw, ok := top["error"]; ok {
		var inner map[string]json.RawMessage
		if json.Unmarshal(raw, &inner) == nil {
			e.Message = str(inner["message"])
			e.Detail = str(inner["detail"])
		} else if desc := str(top["error_description"]); desc != "" {
			e.Code = str(raw)
			e.Message = desc
		} else {
			e.Message = str(raw)
		}
	}
	if e.Code == "" {
		e.Code = str(top["type"])
	}
	if e.Message == "" {
		e.Message = str(top["message"])
	}
	if e.Detail == "" {
		e.Detail = str(top["detail"])
	}
	if e.Message == "" && e.Detail != "" {
		e.Message, e.Detail = e.Detail, ""
	}
	if e.Message == "" {
		var list []struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(top["errors"], &list) == nil && len(list) > 0 {
			e.Message = list[0].Message
		}
	}
	return e.Message != "" || e.Code != ""
}

// Summarize returns a short readable text for a body that is not the JSON a
// caller expected: an HTML page's <title> (else its first text), an XML
// document's text, or the first line of plain text.
func Summarize(contentType string, body []byte) string {
	switch classify(contentType, body) {
	case kindEmpty:
		return ""
	case kindHTML:
		if t := htmlTitle(body); t != "" {
			return t
		}
		return truncateRunes(markupText(body), maxSummary)
	case kindXML:
		return truncateRunes(markupText(body), maxSummary)
	case kindJSON:
		var buf bytes.Buffer
		if json.Compact(&buf, body) == nil {
			return truncateRunes(buf.String(), maxSummary)
		}
		return truncateRunes(collapseSpace(string(body)), maxSummary)
	}
	s := string(body)
	for line := range strings.SplitSeq(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return truncateRunes(collapseSpace(t), maxSummary)
		}
	}
	return ""
}

// htmlTitle returns the text of the first <title> element, unescaped.
func htmlTitle(body []byte) string {
	lower := bytes.ToLower(body)
	start := bytes.Index(lower, []byte("<title"))
	if start < 0 {
		return ""
	}
	open := bytes.IndexByte(lower[start:], '>')
	if open < 0 {
		return ""
	}
	from := start + open + 1
	end := bytes.Index(lower[from:], []byte("</title"))
	if end < 0 {
		return ""
	}
	return truncateRunes(collapseSpace(html.UnescapeString(string(body[from:from+end]))), maxSummary)
}

// markupText returns the text content of an HTML or XML document, without
// tags, comments, scripts and styles, with entities unescaped and white
// space collapsed.
func markupText(body []byte) string {
	var out strings.Builder
	lower := bytes.ToLower(body)
	for i := 0; i < len(body) && out.Len() < 8*maxSummary; {
		c := body[i]
		if c != '<' {
			next := bytes.IndexByte(body[i:], '<')
			if next < 0 {
				next = len(body) - i
			}
			out.WriteString(html.UnescapeString(string(body[i : i+next])))
			out.WriteByte(' ')
			i += next
			continue
		}
		rest := lower[i:]
		var skipTo []byte
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			skipTo = []byte("-->")
		case bytes.HasPrefix(rest, []byte("<script")):
			skipTo = []byte("</script>")
		case bytes.HasPrefix(rest, []byte("<style")):
			skipTo = []byte("</style>")
		case bytes.HasPrefix(rest, []byte("<![cdata[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				end = len(rest)
			}
			out.Write(body[i+len("<![CDATA[") : i+max(end, len("<![CDATA["))])
			out.WriteByte(' ')
			i += min(end+len("]]>"), len(rest))
			continue
		default:
			skipTo = []byte(">")
		}
		end := bytes.Index(rest, skipTo)
		if end < 0 {
			break
		}
		i += end + len(skipTo)
	}
	return collapseSpace(out.String())
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncateRunes cuts s to at most n runes, adding an ellipsis when cut, and
// replaces invalid UTF-8.
func truncateRunes(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
