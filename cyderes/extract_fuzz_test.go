package cyderes

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
)

// FuzzExtract checks the extractor on any text: it does not panic; every
// value it reports is in the refanged text (ignoring case, which the
// extractor normalises) and is well formed for its data type; no
// observable is reported twice; reading the text refanged gives the same
// observables; and extraction is idempotent: the values, one a line, give
// the same observables again.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"beacon to 203.0.113.45 and update-cdn.example.net.",
		"hxxps://invoices-portal[.]example/login?u=a@b.com (see) e.g. 1.2.3 file.txt 10:30",
		"bob [at] example [dot] com, 2001:DB8::1%eth0 [fe80::1]:443 ::ffff:10.0.0.1",
		md5Hex + " " + strings.ToUpper(sha256Hex) + ". invoice.pdf.exe C:\\x\\y.dll",
		"http://[::1]:80/a(b)c) HXXP[:]//EVIL{dot}COM/Path evil[[.]]com a..b.com",
		"„münchen.de“ “10.9.8.7” t.co B.Sc. X.com 1.1.1.1-1.1.1.9 mailto:x@y.zip",
	} {
		f.Add(s)
	}
	hosts, err := NewExtractor(ExtractURLHosts(), ExtractMailDomains())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := ExtractObservables(text)
		refanged := Refang(text)
		if again := Refang(refanged); again != refanged {
			t.Fatalf("Refang is not idempotent: %q -> %q -> %q", text, refanged, again)
		}
		lower := strings.ToLower(refanged)
		seen := map[seenKey]bool{}
		values := make([]string, 0, len(got))
		for _, in := range got {
			if !strings.Contains(lower, strings.ToLower(in.Value)) {
				t.Fatalf("%s %q is not in the refanged text %q", in.DataType, in.Value, refanged)
			}
			k := checkIndicator(t, in)
			if seen[k] {
				t.Fatalf("%s %q reported twice in %q", in.DataType, in.Value, text)
			}
			seen[k] = true
			values = append(values, in.Value)
		}
		if fromRefanged := ExtractObservables(refanged); !slices.Equal(fromRefanged, got) {
			t.Fatalf("text %q:%s\nrefanged %q:%s", text, formatIndicators(got), refanged, formatIndicators(fromRefanged))
		}
		joined := strings.Join(values, "\n")
		if again := ExtractObservables(joined); !slices.Equal(again, got) {
			t.Fatalf("text %q:%s\nvalues %q:%s", text, formatIndicators(got), joined, formatIndicators(again))
		}
		for _, in := range hosts.Extract(text) {
			if !strings.Contains(lower, strings.ToLower(in.Value)) {
				t.Fatalf("with hosts: %s %q is not in the refanged text %q", in.DataType, in.Value, refanged)
			}
		}
	})
}

// checkIndicator fails t unless in is well formed, and returns its
// de-duplication key.
func checkIndicator(t *testing.T, in Indicator) seenKey {
	t.Helper()
	bad := func(why string) { t.Fatalf("%s %q (%+v): %s", in.DataType, in.Value, in, why) }
	if in.Value == "" || strings.ContainsAny(in.Value, " \t\r\n") {
		bad("empty or spaced value")
	}
	if (in.Algorithm != "") != (in.DataType == DataTypeHash) || (in.Private && in.DataType != DataTypeIP) {
		bad("facts of another data type")
	}
	lowered := map[string]bool{DataTypeDomain: true, DataTypeMail: true, DataTypeHash: true}
	if lowered[in.DataType] && in.Value != strings.ToLower(in.Value) {
		bad("not in lower case")
	}
	k := seenKey{dataType: dataTypeBitOf(in.DataType), key: in.Value}
	switch in.DataType {
	case DataTypeIP:
		a, err := netip.ParseAddr(in.Value)
		if err != nil || a.Zone() != "" || isNonRoutable(a) != in.Private {
			bad("not an address, or a wrong private flag")
		}
		if a.Is6() {
			k = seenKey{dataType: bitIP, addr: a}
		}
	case DataTypeDomain:
		if !isDomainName(in.Value) {
			bad("not a domain name")
		}
	case DataTypeMail:
		at := strings.LastIndexByte(in.Value, '@')
		if at < 0 || !isMailLocal(in.Value[:at]) || !isDomainName(in.Value[at+1:]) {
			bad("not a mail address")
		}
	case DataTypeHash:
		if want := map[int]string{32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}[len(in.Value)]; want != in.Algorithm ||
			strings.Trim(in.Value, "0123456789abcdef") != "" {
			bad("not a hash of that algorithm")
		}
	case DataTypeFilename:
		if !isFileName(in.Value) {
			bad("not a file name")
		}
	case DataTypeURL:
		if !knownScheme(in.Value[:max(0, strings.Index(in.Value, "://"))]) {
			bad("not a URL")
		}
	default:
		bad("unknown data type")
	}
	return k
}
