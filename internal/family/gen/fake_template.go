package main

import _ "embed"

// fakeTemplate is the one source of the controls every fake's Server offers:
// documented methods that delegate to the fake's unexported
// controls fakehttp.Controls field, and the fault matcher Path.
//
//go:embed controls.go.tmpl
var fakeTemplate string
