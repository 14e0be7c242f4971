package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// TestGeneratedFilesAreCurrent fails when a client's family.go or a fake's
// controls_gen.go differs from what its template renders; run
// go generate ./... to refresh them.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	for _, pkg := range packages() {
		t.Run(pkg, func(t *testing.T) { checkCurrent(t, Render, pkg, pkg, familyFile) })
	}
	for _, f := range fakes() {
		t.Run(f.Package, func(t *testing.T) { checkCurrent(t, RenderFake, f.Package, f.Dir, fakeFile) })
	}
}

// checkCurrent compares file in dir (from the module root) with what render
// makes of pkg.
func checkCurrent(t *testing.T, render func(string) ([]byte, error), pkg, dir, file string) {
	t.Helper()
	want, err := render(pkg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "..", filepath.FromSlash(dir), file)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go generate ./%s", path, dir)
	}
}

func TestUnknownPackage(t *testing.T) {
	if _, err := Render("jira"); err == nil {
		t.Fatal("Render accepted an unknown package")
	}
	if _, err := RenderFake("servicenow"); err == nil {
		t.Fatal("RenderFake accepted a client package")
	}
}

// TestFakeControlsDelegate checks that every method of fakehttp.Controls,
// the fakes' shared controls, is declared on each fake's Server and
// delegates to it, so a control added there cannot be missing from go doc
// of a fake. Start is how a fake's New starts serving, not a control.
func TestFakeControlsDelegate(t *testing.T) {
	ct := reflect.TypeFor[*fakehttp.Controls]()
	if ct.NumMethod() == 0 {
		t.Fatal("fakehttp.Controls has no methods")
	}
	for _, f := range fakes() {
		src, err := RenderFake(f.Package)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ct.NumMethod() {
			m := ct.Method(i).Name
			if m == "Start" {
				continue
			}
			if !bytes.Contains(src, []byte("func (s *Server) "+m+"(")) || !bytes.Contains(src, []byte("s.controls."+m+"(")) {
				t.Errorf("%s: %s is not declared on Server or does not delegate to s.controls", f.Package, m)
			}
		}
	}
}
