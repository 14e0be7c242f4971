package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesAreCurrent fails when a client's family.go differs from
// what the template renders; run go generate ./... to refresh them.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	for _, pkg := range packages() {
		t.Run(pkg, func(t *testing.T) {
			want, err := Render(pkg)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("..", "..", "..", pkg, "family.go")
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is stale: run go generate ./%s", path, pkg)
			}
		})
	}
}

func TestUnknownPackage(t *testing.T) {
	if _, err := Render("jira"); err == nil {
		t.Fatal("Render accepted an unknown package")
	}
}
