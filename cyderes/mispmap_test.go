package cyderes

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// The MISP mappings as their sources state them, one entry a line:
//
//   - testdata/thehive4-misp-mapping.txt: the enabled entries of
//     attribute.mapping in TheHive 4's
//     misp/connector/src/main/resources/reference.conf, in the file's
//     order, as category|MISP type|data type;
//   - testdata/thehive3-misp-mapping.txt: attribute2artifactLookup in
//     TheHive 3's thehive-misp/app/connectors/misp/MispConverter.scala
//     (3.5.2), in the file's order, as MISP type|data type.
const (
	theHive4Source = "testdata/thehive4-misp-mapping.txt"
	theHive3Source = "testdata/thehive3-misp-mapping.txt"
)

// sourceRows returns the lines of the mapping source file name.
func sourceRows(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestTheHiveDataTypesAsTheSourcesSay checks every entry of both tables,
// TheHive 4's fallbacks (MispImportSrv.convertAttributeType: a type with
// no mapping for its category becomes the observable type of the same
// name when TheHive has one, else "other") and that the tables returned
// are copies.
func TestTheHiveDataTypesAsTheSourcesSay(t *testing.T) {
	rows4 := sourceRows(t, theHive4Source)
	for _, row := range rows4 {
		category, rest, _ := strings.Cut(row, "|")
		i := strings.LastIndex(rest, "|")
		if got := TheHiveDataType(category, rest[:i]); got != rest[i+1:] {
			t.Errorf("TheHive 4: %s / %s → %q, want %q", category, rest[:i], got, rest[i+1:])
		}
	}
	if n := len(TheHiveDataTypes()); n != len(rows4) {
		t.Errorf("TheHive 4 table has %d entries, the source %d", n, len(rows4))
	}
	for _, tt := range []struct{ category, typ, want string }{
		{"Network activity", "hostname", "hostname"}, // commented out in the source: the type of the same name
		{"Network activity", "comment", "other"},
		{"Financial fraud", "btc", "other"},
		{"", "fqdn", "fqdn"},
		{"Payload delivery", "filename|md5", "other"}, // composites are split before
	} {
		if got := TheHiveDataType(tt.category, tt.typ); got != tt.want {
			t.Errorf("TheHive 4 fallback: %s / %s → %q, want %q", tt.category, tt.typ, got, tt.want)
		}
	}
	rows3 := sourceRows(t, theHive3Source)
	for _, row := range rows3 {
		i := strings.LastIndex(row, "|")
		typ, want := row[:i], row[i+1:]
		if got := TheHive3DataType(typ); got != want {
			t.Errorf("TheHive 3: %s → %q, want %q", typ, got, want)
		}
	}
	if n := len(TheHive3DataTypes()); n != len(rows3) {
		t.Errorf("TheHive 3 table has %d entries, the source %d", n, len(rows3))
	}
	if got := TheHive3DataType("ip-dst|port"); got != "other" {
		t.Errorf("an unlisted type in TheHive 3: %q", got)
	}
	t4, t3 := TheHiveDataTypes(), TheHive3DataTypes()
	t4[MISPKind{"Network activity", "domain"}], t3["hostname"] = "changed", "changed"
	if TheHiveDataTypes()[MISPKind{"Network activity", "domain"}] != "domain" || TheHive3DataTypes()["hostname"] != "fqdn" {
		t.Error("a table is shared")
	}
}

// TestObservablesPerVersion converts one attribute as each version does.
func TestObservablesPerVersion(t *testing.T) {
	for _, tt := range []struct {
		a        MISPAttribute
		th4, th3 string
	}{
		{MISPAttribute{Category: "Network activity", Type: "hostname", Value: "evil.example"}, "[{hostname evil.example hostname}]", "[{fqdn evil.example hostname}]"},
		{MISPAttribute{Category: "Payload delivery", Type: "email-subject", Value: "Invoice"}, "[{mail-subject Invoice email-subject}]", "[{mail_subject Invoice email-subject}]"},
		{MISPAttribute{Category: "Network activity", Type: "uri", Value: "/wp-admin"}, "[{url /wp-admin uri}]", "[{uri_path /wp-admin uri}]"},
		{MISPAttribute{Category: "Payload delivery", Type: "malware-sample", Value: "evil.exe|9f86"}, "[{file evil.exe malware-sample}]", "[{file evil.exe malware-sample}]"},
		{MISPAttribute{Category: "Payload delivery", Type: "filename|sha256", Value: "evil.exe|9f86"},
			"[{filename evil.exe filename} {hash 9f86 sha256}]", "[{filename evil.exe filename} {hash 9f86 sha256}]"},
	} {
		if got := fmt.Sprint(tt.a.Observables()); got != tt.th4 {
			t.Errorf("TheHive 4: %s %s → %s, want %s", tt.a.Category, tt.a.Type, got, tt.th4)
		}
		if got := fmt.Sprint(tt.a.TheHive3Observables()); got != tt.th3 {
			t.Errorf("TheHive 3: %s → %s, want %s", tt.a.Type, got, tt.th3)
		}
	}
}
