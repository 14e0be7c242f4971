package cyderes

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// extractBenchText returns at least n bytes of ticket text: SOC prose
// with an indicator in about one sentence in four, a quarter of them
// defanged. As in a queue of real tickets, indicators come back: each is
// drawn from a pool of a few hundred. The text is the same for the same n.
func extractBenchText(n int) string {
	r := rand.New(rand.NewPCG(7, 11))
	prose := []string{
		"The analyst reviewed the alert and confirmed that the activity started shortly after the user signed in.",
		"No lateral movement was observed during the first 2.5 hours, i.e. before the host was isolated.",
		"The detection rule (version 3.1.4) fired at 10:42 UTC and again at 11:05 UTC.",
		"Endpoint telemetry shows the process tree was spawned by the mail client, e.g. after opening an attachment.",
		"Please reset the credentials of the affected account and review sign-in logs for the last 30 days.",
		"The customer confirmed the change window; the firewall team will apply the block list by 5 p.m. today.",
		"Threat intelligence rates the campaign as medium confidence, with roughly 97.5% of samples matching.",
		"Containment was completed, eradication is pending, and the ticket stays open until the rebuild.",
		"All times are in UTC. The SIEM correlation ID is attached to the case for reference.",
	}
	words := []string{"update", "cdn", "portal", "invoices", "secure", "login", "files", "sync", "mail", "cloud", "auth", "static"}
	tlds := []string{"com", "net", "org", "io", "xyz", "top", "ru", "info", "online", "example"}
	exts := []string{"exe", "dll", "ps1", "js", "docm", "zip", "lnk", "hta"}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	pool := func(size int, f func() string) func() string {
		p := make([]string, size)
		for i := range p {
			p[i] = f()
		}
		return func() string { return pick(p) }
	}
	domain := pool(300, func() string { return pick(words) + "-" + pick(words) + "." + pick(tlds) })
	hexs := func(n int) func() string {
		return pool(200, func() string {
			const digits = "0123456789abcdef"
			b := make([]byte, n)
			for i := range b {
				b[i] = digits[r.IntN(16)]
			}
			return string(b)
		})
	}
	md5, sha1, sha256 := hexs(32), hexs(40), hexs(64)
	ip := pool(300, func() string {
		return fmt.Sprintf("%d.%d.%d.%d", 1+r.IntN(222), r.IntN(256), r.IntN(256), 1+r.IntN(254))
	})
	host := pool(100, func() string { return fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), 1+r.IntN(254)) })
	ipv6 := pool(100, func() string { return fmt.Sprintf("2001:%x:%x::%x", r.IntN(0xffff), r.IntN(0xffff), 1+r.IntN(0xfff)) })
	defang := func(s string) string {
		if r.IntN(4) != 0 {
			return s
		}
		s = strings.ReplaceAll(s, ".", "[.]")
		return strings.Replace(strings.Replace(s, "http", "hxxp", 1), "@", "[at]", 1)
	}
	indicators := []func() string{
		func() string {
			return fmt.Sprintf("Outbound connection from %s to %s on port 443.", host(), defang(ip()))
		},
		func() string {
			return fmt.Sprintf("The user opened %s/login.php and entered credentials.", defang("https://"+domain()))
		},
		func() string {
			return fmt.Sprintf("Sample %s.%s (SHA-256 %s) was quarantined.", pick(words), pick(exts), sha256())
		},
		func() string {
			return fmt.Sprintf("Mail from %s carried the attachment.", defang(pick(words)+"@"+domain()))
		},
		func() string {
			return fmt.Sprintf("DNS queries for %s were blocked by the resolver.", defang(domain()))
		},
		func() string { return fmt.Sprintf("The dropper's MD5 is %s; its SHA-1 is %s.", md5(), sha1()) },
		func() string { return fmt.Sprintf("IPv6 peer %s answered.", ipv6()) },
	}
	var b strings.Builder
	b.Grow(n + 256)
	for b.Len() < n {
		if r.IntN(4) == 0 {
			b.WriteString(indicators[r.IntN(len(indicators))]())
		} else {
			b.WriteString(pick(prose))
		}
		if r.IntN(6) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// regexpExtractor is the comparison point of the benchmarks: the same job
// done the usual way, with regular expressions for refanging and for
// finding candidates, and the extractor's own tables and rules to check
// them.
type regexpExtractor struct {
	refang    *regexp.Regexp
	candidate *regexp.Regexp
}

func newRegexpExtractor() *regexpExtractor {
	return &regexpExtractor{
		refang: regexp.MustCompile(`(?i)\bhxxp(s?)([:\[({])|` +
			` *[\[({](\.|dot)[\])}] *|` +
			` *[\[({](@|at)[\])}] *|` +
			`[\[({](://|:)[\])}]`),
		candidate: regexp.MustCompile(`(?i)` +
			`\b((?:https?|ftps?|sftp)://[^\s"'<>` + "`" + `|\\^{}]+)|` + // 1 URL
			`([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)|` + // 2 mail
			`((?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%[a-z0-9]+)?)|` + // 3 IPv6
			`\b((?:\d{1,3}\.){3}\d{1,3})\b|` + // 4 IPv4
			`\b([0-9a-f]{32,128})\b|` + // 5 hash
			`\b([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)\b`), // 6 domain or file name
	}
}

func (x *regexpExtractor) extract(text string) []Indicator {
	text = x.refang.ReplaceAllStringFunc(text, func(m string) string {
		t := strings.ToLower(strings.TrimSpace(m))
		switch {
		case strings.HasPrefix(t, "hxxp"):
			return "http" + m[4:]
		case strings.Contains(t, "://"):
			return "://"
		case strings.Contains(t, ":"):
			return ":"
		case strings.Contains(t, "@") || strings.Contains(t, "at"):
			return "@"
		}
		return "."
	})
	seen := map[[2]string]bool{}
	var out []Indicator
	add := func(in Indicator, key string) {
		k := [2]string{in.DataType, key}
		if !seen[k] {
			seen[k] = true
			out = append(out, in)
		}
	}
	for _, m := range x.candidate.FindAllStringSubmatch(text, -1) {
		switch {
		case m[1] != "":
			u := trimURL(m[1])
			add(Indicator{DataType: DataTypeURL, Value: u}, u)
		case m[2] != "":
			v := strings.ToLower(strings.TrimRight(m[2], "."))
			if isDomainName(v[strings.IndexByte(v, '@')+1:]) {
				add(Indicator{DataType: DataTypeMail, Value: v}, v)
			}
		case m[3] != "":
			v, _, _ := strings.Cut(m[3], "%")
			if a, err := netip.ParseAddr(v); err == nil {
				add(Indicator{DataType: DataTypeIP, Value: strings.ToLower(v), Private: isNonRoutable(a)}, a.String())
			}
		case m[4] != "":
			if a, err := netip.ParseAddr(m[4]); err == nil {
				add(Indicator{DataType: DataTypeIP, Value: m[4], Private: isNonRoutable(a)}, m[4])
			}
		case m[5] != "":
			alg := map[int]string{32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}[len(m[5])]
			if v := strings.ToLower(m[5]); alg != "" {
				add(Indicator{DataType: DataTypeHash, Value: v, Algorithm: alg}, v)
			}
		case m[6] != "":
			v := m[6]
			ext := strings.ToLower(v[strings.LastIndexByte(v, '.')+1:])
			if isFileExtension(ext) {
				add(Indicator{DataType: DataTypeFilename, Value: v}, v)
			} else if d := strings.ToLower(v); isDomainName(d) {
				add(Indicator{DataType: DataTypeDomain, Value: d}, d)
			}
		}
	}
	return out
}

// TestExtractBaselineAgrees checks that the benchmarks compare like with
// like: on the benchmark text, the scanner and the regular expressions
// find the same observables.
func TestExtractBaselineAgrees(t *testing.T) {
	text := extractBenchText(1 << 18)
	got, want := ExtractObservables(text), newRegexpExtractor().extract(text)
	if len(got) < 500 || !slices.Equal(got, want) {
		t.Fatalf("scanner found %d observables, regexp %d; first difference at %d", len(got), len(want), firstDifference(got, want))
	}
}

func firstDifference(a, b []Indicator) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// BenchmarkExtract extracts the observables of 4 MiB of ticket text with
// the scanner and with the regular expression baseline.
func BenchmarkExtract(b *testing.B) {
	text := extractBenchText(4 << 20)
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var n int
		for b.Loop() {
			n = len(ExtractObservables(text))
		}
		b.ReportMetric(float64(n), "observables")
	})
	b.Run("regexp", func(b *testing.B) {
		x := newRegexpExtractor()
		b.SetBytes(int64(len(text)))
		var n int
		for b.Loop() {
			n = len(x.extract(text))
		}
		b.ReportMetric(float64(n), "observables")
	})
}
