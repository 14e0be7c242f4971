package main

import (
	"bytes"
	"go/format"
	"strings"
)

// Fake describes one fake package to the fake template.
type Fake struct {
	// Package is the package name ("servicenowtest").
	Package string
	// ClientName is the client package the fake serves ("servicenow").
	ClientName string
	// Dir is the package's directory from the module root
	// ("servicenow/servicenowtest").
	Dir string
	// ErrorBody names the error answer the fake writes for a failed request.
	ErrorBody string
	// CountMethod and CountPrefix make the example request filter in the
	// docs of CountRequests and Path; CountWhat says what it selects.
	CountMethod, CountPrefix, CountWhat string
}

// fakes lists the fake packages that carry a generated controls_gen.go.
func fakes() []Fake {
	return []Fake{
		{
			Package:     "servicenowtest",
			ClientName:  "servicenow",
			Dir:         "servicenow/servicenowtest",
			ErrorBody:   `ServiceNow's error envelope ({"error": {"message", "detail"}, "status": "failure"})`,
			CountMethod: "POST", CountPrefix: "/api/now/table/incident", CountWhat: "incident creates",
		},
		{
			Package:     "thehivetest",
			ClientName:  "thehive",
			Dir:         "thehive/thehivetest",
			ErrorBody:   `TheHive's error body ({"type", "message"})`,
			CountMethod: "POST", CountPrefix: "/api/v1/case", CountWhat: "every POST under /api/v1/case (case creates, and tasks and observables added to cases)",
		},
		{
			Package:     "cyderestest",
			ClientName:  "cyderes",
			Dir:         "cyderes/cyderestest",
			ErrorBody:   `the API's FastAPI error body ({"detail": ...})`,
			CountMethod: "GET", CountPrefix: "/v2/tickets", CountWhat: "every ticket read (lists, single tickets, attachments)",
		},
	}
}

// fakeFor describes the named fake package.
func fakeFor(pkg string) (Fake, bool) {
	for _, f := range fakes() {
		if f.Package == pkg {
			return f, true
		}
	}
	return Fake{}, false
}

// RenderFake returns the formatted controls_gen.go for the named fake
// package.
func RenderFake(pkg string) ([]byte, error) {
	src, err := renderPackage("fake", pkg, fakeFor, fakeTemplate)
	if err != nil {
		return nil, err
	}
	return format.Source(wrapComments(src, 77))
}

// wrapComments refills the paragraphs of top-level // comments in src to
// lines of at most width bytes (a longer word stays whole), so that text
// the template substitutes reads as if wrapped by hand. Blank comment lines
// and indented (code) comment lines are kept as they are.
func wrapComments(src []byte, width int) []byte {
	var out bytes.Buffer
	var para []string
	flush := func() {
		line := "//"
		for _, w := range para {
			if len(line)+1+len(w) > width && line != "//" {
				out.WriteString(line + "\n")
				line = "//"
			}
			line += " " + w
		}
		if line != "//" {
			out.WriteString(line + "\n")
		}
		para = nil
	}
	for _, l := range strings.SplitAfter(string(src), "\n") {
		if strings.HasPrefix(l, "// ") && !strings.HasPrefix(l, "// Code generated") {
			para = append(para, strings.Fields(l[3:])...)
			continue
		}
		flush()
		out.WriteString(l)
	}
	flush()
	return out.Bytes()
}
