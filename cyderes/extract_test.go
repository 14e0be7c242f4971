package cyderes

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/incidentkit/incidentkit"
)

// Shorthands for expected indicators.
func wantIP(v string, private bool) Indicator {
	return Indicator{DataType: DataTypeIP, Value: v, Private: private}
}
func wantDomain(v string) Indicator { return Indicator{DataType: DataTypeDomain, Value: v} }
func wantURL(v string) Indicator    { return Indicator{DataType: DataTypeURL, Value: v} }
func wantMail(v string) Indicator   { return Indicator{DataType: DataTypeMail, Value: v} }
func wantFile(v string) Indicator   { return Indicator{DataType: DataTypeFilename, Value: v} }
func wantHash(v, alg string) Indicator {
	return Indicator{DataType: DataTypeHash, Value: v, Algorithm: alg}
}

const (
	md5Hex    = "d41d8cd98f00b204e9800998ecf8427e"
	sha1Hex   = "da39a3ee5e6b4b0d3255bfef95601890afd80709"
	sha256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	sha512Hex = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" +
		"47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
)

type extractCase struct {
	name string
	text string
	want []Indicator
}

// checkExtract runs the cases through x.
func checkExtract(t *testing.T, x *Extractor, cases []extractCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Extract(tc.text)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q)\n got:%s\nwant:%s", tc.text, formatIndicators(got), formatIndicators(tc.want))
			}
		})
	}
}

func TestExtractKinds(t *testing.T) {
	checkExtract(t, &Extractor{}, []extractCase{
		{"ipv4", "beacon from 8.8.8.8 to 10.20.4.12.", []Indicator{wantIP("8.8.8.8", false), wantIP("10.20.4.12", true)}},
		{"ipv4 port and prefix", "RDP to 10.0.0.1:3389, scan of 192.168.0.0/16", []Indicator{wantIP("10.0.0.1", true), wantIP("192.168.0.0", true)}},
		{"ipv4 range", "blocked 45.9.148.1-45.9.148.9", []Indicator{wantIP("45.9.148.1", false), wantIP("45.9.148.9", false)}},
		{"ipv4 in punctuation", `(185.220.101.4); "185.220.101.5", [185.220.101.6] src=185.220.101.7&x`,
			[]Indicator{wantIP("185.220.101.4", false), wantIP("185.220.101.5", false), wantIP("185.220.101.6", false), wantIP("185.220.101.7", false)}},
		{"ipv6", "2606:4700:4700::1111 and 2001:DB8::A", []Indicator{wantIP("2606:4700:4700::1111", false), wantIP("2001:db8::a", true)}},
		{"ipv6 zone, brackets, mapped, loopback", "fe80::1%eth0 [2001:db8::1]:443 ::ffff:10.0.0.1 ::1",
			[]Indicator{wantIP("fe80::1", true), wantIP("2001:db8::1", true), wantIP("::ffff:10.0.0.1", true), wantIP("::1", true)}},
		{"domain", "resolved update-cdn.example.net and Login.MicrosoftOnline.Support.", []Indicator{wantDomain("update-cdn.example.net"), wantDomain("login.microsoftonline.support")}},
		{"domain cc and punycode", "evil.co.uk xn--80ak6aa92e.com", []Indicator{wantDomain("evil.co.uk"), wantDomain("xn--80ak6aa92e.com")}},
		{"domain one-letter label", "t.co x.com", []Indicator{wantDomain("t.co"), wantDomain("x.com")}},
		{"domain and path without scheme", "www.evil.com/wp-admin/x.php", []Indicator{wantDomain("www.evil.com"), wantFile("x.php")}},
		{"url", "see https://evil.com/a/b?c=d#e and ftp://files.evil.com:2121/drop/",
			[]Indicator{wantURL("https://evil.com/a/b?c=d#e"), wantURL("ftp://files.evil.com:2121/drop/")}},
		{"url userinfo and ip hosts", "http://admin:pw@10.1.2.3:8080/x http://[2001:db8::7]/y",
			[]Indicator{wantURL("http://admin:pw@10.1.2.3:8080/x"), wantURL("http://[2001:db8::7]/y")}},
		{"url trailing punctuation", "(see https://evil.com/a). Or https://evil.com/b, https://evil.com/c!",
			[]Indicator{wantURL("https://evil.com/a"), wantURL("https://evil.com/b"), wantURL("https://evil.com/c")}},
		{"url keeps parentheses it opened", "https://en.wikipedia.org/wiki/Emotet_(malware).", []Indicator{wantURL("https://en.wikipedia.org/wiki/Emotet_(malware)")}},
		{"url markdown", "[portal](https://portal.evil.com/login)", []Indicator{wantURL("https://portal.evil.com/login")}},
		{"url case", "HTTPS://Portal.EVIL.com/Login?ID=A", []Indicator{wantURL("https://portal.evil.com/Login?ID=A")}},
		{"url in quotes and json", `{"url":"http://evil.com/x","ip":"1.2.3.4"}`, []Indicator{wantURL("http://evil.com/x"), wantIP("1.2.3.4", false)}},
		{"url unknown scheme", "tcp://1.2.3.4:80 mailto:bob@evil.com", []Indicator{wantIP("1.2.3.4", false), wantMail("bob@evil.com")}},
		{"hash lengths", strings.Join([]string{md5Hex, sha1Hex, sha256Hex, sha512Hex}, " "),
			[]Indicator{wantHash(md5Hex, "md5"), wantHash(sha1Hex, "sha1"), wantHash(sha256Hex, "sha256"), wantHash(sha512Hex, "sha512")}},
		{"hash labelled, upper case", "md5:" + strings.ToUpper(md5Hex) + " sha256=" + sha256Hex + ".",
			[]Indicator{wantHash(md5Hex, "md5"), wantHash(sha256Hex, "sha256")}},
		{"mail", "from Bob.Smith+inv@Invoices-Portal.Example via mailto:it@corp.local",
			[]Indicator{wantMail("bob.smith+inv@invoices-portal.example"), wantMail("it@corp.local")}},
		{"mail that is not", "@evil.com bob@file.txt user@localhost", []Indicator{wantDomain("evil.com"), wantFile("file.txt")}},
		{"filename", "invoice.pdf.exe wrote C:\\Users\\bob\\AppData\\Roaming\\svc.dll and /tmp/.x/kinsing.sh",
			[]Indicator{wantFile("invoice.pdf.exe"), wantFile("svc.dll"), wantFile("kinsing.sh")}},
		{"filename keeps case", "Report.ZIP __init__.py ~$Budget.xlsx", []Indicator{wantFile("Report.ZIP"), wantFile("__init__.py"), wantFile("Budget.xlsx")}},
		{"extension that is a tld", "invoice.zip http://invoice.zip/x", []Indicator{wantFile("invoice.zip"), wantURL("http://invoice.zip/x")}},
		{"typographic quotes", "“10.9.8.7” ‘evil.com’", []Indicator{wantIP("10.9.8.7", true), wantDomain("evil.com")}},
	})
}

func TestExtractRefang(t *testing.T) {
	checkExtract(t, &Extractor{}, []extractCase{
		{"hxxp", "hxxp://evil.com/a", []Indicator{wantURL("http://evil.com/a")}},
		{"hxxps", "hxxps://evil.com/a", []Indicator{wantURL("https://evil.com/a")}},
		{"hXXps", "hXXps://evil.com/a", []Indicator{wantURL("https://evil.com/a")}},
		{"HXXP", "HXXP://evil.com/a", []Indicator{wantURL("http://evil.com/a")}},
		{"[.]", "evil[.]com", []Indicator{wantDomain("evil.com")}},
		{"(.)", "evil(.)com", []Indicator{wantDomain("evil.com")}},
		{"{.}", "evil{.}com", []Indicator{wantDomain("evil.com")}},
		{"[dot]", "evil[dot]com", []Indicator{wantDomain("evil.com")}},
		{"(dot)", "evil(dot)com", []Indicator{wantDomain("evil.com")}},
		{"(DOT)", "evil(DOT)com", []Indicator{wantDomain("evil.com")}},
		{"[:]", "http[:]//evil.com/a", []Indicator{wantURL("http://evil.com/a")}},
		{"[://]", "https[://]evil.com/a", []Indicator{wantURL("https://evil.com/a")}},
		{"[@]", "bob[@]evil.com", []Indicator{wantMail("bob@evil.com")}},
		{"[at]", "bob[at]evil.com", []Indicator{wantMail("bob@evil.com")}},
		{"(at)", "bob(at)evil.com", []Indicator{wantMail("bob@evil.com")}},
		{"combined", "hxxp[:]//evil[.]com/x[.]php", []Indicator{wantURL("http://evil.com/x.php")}},
		{"ip", "10[.]0[.]0[.]1", []Indicator{wantIP("10.0.0.1", true)}},
		{"spaced", "bob [at] evil [dot] com and evil [.] net", []Indicator{wantMail("bob@evil.com"), wantDomain("evil.net")}},
		{"nested", "evil[[.]]com", []Indicator{wantDomain("evil.com")}},
		{"not a form", "a [b] c (see) {x} [:: 1]", nil},
	})
}

func TestExtractDedupe(t *testing.T) {
	checkExtract(t, &Extractor{}, []extractCase{
		{"domains by case", "Evil.com evil.COM EVIL.com", []Indicator{wantDomain("evil.com")}},
		{"hashes by case", md5Hex + " " + strings.ToUpper(md5Hex), []Indicator{wantHash(md5Hex, "md5")}},
		{"mails by case", "Bob@Evil.com bob@evil.com", []Indicator{wantMail("bob@evil.com")}},
		{"defanged and plain", "evil[.]com evil.com", []Indicator{wantDomain("evil.com")}},
		{"ipv6 spellings", "2001:db8::1 2001:0DB8:0:0::1", []Indicator{wantIP("2001:db8::1", true)}},
		{"file names keep case", "a.exe A.EXE a.exe", []Indicator{wantFile("a.exe"), wantFile("A.EXE")}},
		{"first-seen order", "1.1.1.1 evil.com 2.2.2.2 1.1.1.1 evil.com", []Indicator{wantIP("1.1.1.1", false), wantDomain("evil.com"), wantIP("2.2.2.2", false)}},
		{"url host is not a domain", "https://evil.com/a evil.com", []Indicator{wantURL("https://evil.com/a"), wantDomain("evil.com")}},
	})
}

func TestExtractNothing(t *testing.T) {
	for _, s := range []string{
		"", "e.g. this", "i.e., that", "version 1.2.3", "v1.2.3.4", "build 10.0.19045.3803",
		"the end.", "pi is 3.14", "at 10:30", "at 10:30:45.120", "by 5 p.m.", "a.m.", "$4.5M", "99.9%",
		"U.S.-based", "B.Sc.", "X.Com", "std::string", "::", "00:1a:2b:3c:4d:5e", "2024-05-01",
		"01.02.2024", "münchen.de", "FS-02", "550e8400-e29b-41d4-a716-446655440000", "http://",
		"http://.com", "ftp://-x/", "foo@bar", "the .NET runtime", "256.1.1.1", "01.2.3.4",
		"1.2.3.4.5", md5Hex[:31], md5Hex + "0", "12345678901234567890123456789012", "svc_backup.local",
		"xhttp://", "word.unknowntld", "a..b.com", "-.com",
	} {
		if got := ExtractObservables(s); got != nil {
			t.Errorf("ExtractObservables(%q) = %v, want nil", s, got)
		}
	}
}

func TestExtractPrivate(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		private bool
	}{
		{"10.1.2.3", true}, {"172.16.0.1", true}, {"172.31.255.255", true}, {"172.32.0.1", false},
		{"192.168.1.1", true}, {"127.0.0.1", true}, {"169.254.169.254", true}, {"100.64.0.1", true},
		{"100.127.255.255", true}, {"100.128.0.1", false}, {"192.0.2.1", true}, {"198.51.100.7", true},
		{"203.0.113.9", true}, {"0.0.0.0", true}, {"255.255.255.255", true}, {"224.0.0.251", true},
		{"198.18.0.1", true}, {"8.8.8.8", false}, {"1.1.1.1", false}, {"203.0.114.1", false},
		{"::1", true}, {"::", true}, {"fc00::1", true}, {"fd12:3456::1", true}, {"fe80::1", true},
		{"ff02::1", true}, {"2001:db8::1", true}, {"3fff::1", true}, {"::ffff:192.168.0.1", true},
		{"::ffff:8.8.8.8", false}, {"2606:4700::1111", false}, {"2001:4860:4860::8888", false},
	} {
		if got := isNonRoutable(netip.MustParseAddr(tc.addr)); got != tc.private {
			t.Errorf("isNonRoutable(%s) = %v, want %v", tc.addr, got, tc.private)
		}
	}
}

func TestExtractorOptions(t *testing.T) {
	text := "bob@evil.com sent https://Portal.Evil.net/login and http://10.0.0.9/x from 1.2.3.4"
	only, err := NewExtractor(ExtractDataTypes(DataTypeDomain, DataTypeIP))
	if err != nil {
		t.Fatal(err)
	}
	hosts, err := NewExtractor(ExtractURLHosts(), nil, ExtractMailDomains())
	if err != nil {
		t.Fatal(err)
	}
	both, err := NewExtractor(ExtractDataTypes(DataTypeDomain), ExtractURLHosts())
	if err != nil {
		t.Fatal(err)
	}
	checkExtract(t, only, []extractCase{{"data types", text, []Indicator{wantIP("1.2.3.4", false)}}})
	checkExtract(t, hosts, []extractCase{{"hosts", text, []Indicator{
		wantMail("bob@evil.com"), wantDomain("evil.com"), wantURL("https://portal.evil.net/login"), wantDomain("portal.evil.net"),
		wantURL("http://10.0.0.9/x"), wantIP("10.0.0.9", true), wantIP("1.2.3.4", false)}}})
	checkExtract(t, both, []extractCase{{"hosts and data types", text, []Indicator{wantDomain("portal.evil.net")}}})
}

func TestNewExtractorErrors(t *testing.T) {
	for _, opt := range []ExtractOption{ExtractDataTypes(), ExtractDataTypes(DataTypeIP, "fqdn")} {
		x, err := NewExtractor(opt)
		if x != nil || !errors.Is(err, ErrInvalidInput) {
			t.Fatalf("NewExtractor = %v, %v; want an invalid input error", x, err)
		}
		var ie *incidentkit.InputError
		if !errors.As(err, &ie) || ie.Field != "ExtractDataTypes" || !strings.HasPrefix(err.Error(), "cyderes: invalid ExtractDataTypes: ") {
			t.Errorf("error %q (%#v)", err, ie)
		}
	}
}

func TestRefang(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, 1.2.3.4":                "plain text, 1.2.3.4",
		"hxxp://a[.]b hXXps[:]//c(dot)d":     "http://a.b https://c.d",
		"bob [at] example [DOT] com, thanks": "bob@example.com, thanks",
		"x{.}y [://] z[at]w (x)":             "x.y :// z@w (x)",
		"meet [at] noon":                     "meet@noon",
		"a [at]b, a [x] b":                   "a @b, a [x] b",
		"ahxxp://x hxxpx":                    "ahxxp://x hxxpx",
		"evil[[.]]com":                       "evil.com",
	} {
		if got := Refang(in); got != want {
			t.Errorf("Refang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExtractConcurrent(t *testing.T) {
	x, err := NewExtractor(ExtractURLHosts())
	if err != nil {
		t.Fatal(err)
	}
	want := x.Extract(extractBenchText(1 << 14))
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			if got := x.Extract(extractBenchText(1 << 14)); !slices.Equal(got, want) {
				t.Errorf("goroutine %d: %d indicators, want %d", i, len(got), len(want))
			}
		})
	}
	wg.Wait()
}

// formatIndicators writes indicators readably for a failure message.
func formatIndicators(inds []Indicator) string {
	var b strings.Builder
	for _, i := range inds {
		fmt.Fprintf(&b, "\n\t%s %q", i.DataType, i.Value)
		if i.Private {
			b.WriteString(" private")
		}
		if i.Algorithm != "" {
			b.WriteString(" " + i.Algorithm)
		}
	}
	return b.String()
}
