// Command gen writes the files the incidentkit packages share from one
// template each, so that their behaviour and documentation cannot drift
// between packages:
//
//   - family.go in a client package: the options every client shares and
//     the sentinel errors every client re-exports.
//   - controls_gen.go in a fake package (-fake): the fault and request
//     controls every fake's Server offers, as documented methods on Server
//     delegating to its unexported controls field, and the matcher Path.
//
// Run it through go generate in the package:
//
//	//go:generate go run ../internal/family/gen -pkg servicenow
//	//go:generate go run ../../internal/family/gen -fake -pkg servicenowtest
//
// -o names another output file. TestGeneratedFilesAreCurrent fails when a
// generated file is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"text/template"
)

// Client describes one client package to the template.
type Client struct {
	// Package is the package name ("servicenow").
	Package string
	// Name is the system's name in prose ("ServiceNow").
	Name string
	// Credential names what the client authenticates with, for the docs of
	// the options that touch secrets ("credentials", "the token").
	Credential string
}

// packages lists the client packages that carry a generated family.go.
func packages() []string { return []string{"servicenow", "thehive", "cyderes"} }

// clientFor describes the named package.
func clientFor(pkg string) (Client, bool) {
	switch pkg {
	case "servicenow":
		return Client{Package: pkg, Name: "ServiceNow", Credential: "credentials and tokens"}, true
	case "thehive":
		return Client{Package: pkg, Name: "TheHive", Credential: "the API key or password"}, true
	case "cyderes":
		return Client{Package: pkg, Name: "Cyderes", Credential: "the token"}, true
	}
	return Client{}, false
}

// The files gen writes unless -o names another.
const (
	familyFile = "family.go"
	fakeFile   = "controls_gen.go"
)

// Render returns the formatted family.go for the named package.
func Render(pkg string) ([]byte, error) {
	src, err := renderPackage("client", pkg, clientFor, familyTemplate)
	if err != nil {
		return nil, err
	}
	return format.Source(src)
}

// renderPackage executes the template text with what lookup says about pkg;
// kind names the sort of package in the error for one lookup does not know.
func renderPackage[T any](kind, pkg string, lookup func(string) (T, bool), text string) ([]byte, error) {
	data, ok := lookup(pkg)
	if !ok {
		return nil, fmt.Errorf("gen: unknown %s package %q", kind, pkg)
	}
	return execute(text, data)
}

// execute renders the template text with data.
func execute(text string, data any) ([]byte, error) {
	t, err := template.New("gen").Parse(text)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func main() {
	pkg := flag.String("pkg", "", "package to generate for (servicenow, thehive, cyderes; with -fake servicenowtest, thehivetest, cyderestest)")
	fake := flag.Bool("fake", false, "write a fake package's "+fakeFile+" instead of a client's "+familyFile)
	out := flag.String("o", "", "output file (default "+familyFile+", with -fake "+fakeFile+")")
	flag.Parse()
	render, file := Render, familyFile
	if *fake {
		render, file = RenderFake, fakeFile
	}
	if *out != "" {
		file = *out
	}
	src, err := render(*pkg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
