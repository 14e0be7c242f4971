package main

import _ "embed"

// familyTemplate is the one source of the shared options and sentinels. A
// client package provides the options struct (with a core []transport.Option
// field) that Option configures.
//
//go:embed family.go.tmpl
var familyTemplate string
