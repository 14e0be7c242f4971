package cyderes

import (
	"net/netip"
	"strings"
)

// foundURL is a URL in a word: s[start:end] as written (its scheme and
// host in any case), value as reported, and its host.
type foundURL struct {
	start, end int
	value      string
	host       string // lower case, without brackets or port
}

// parseURL reads the URL whose "://" is at s[k:], or reports false.
func (sc *scanner) parseURL(s string, k int) (foundURL, bool) {
	start := k
	for start > 0 && isASCIILetter(s[start-1]) {
		start--
	}
	if !knownScheme(s[start:k]) || (start > 0 && (class(s[start-1])&cAlnum != 0 || s[start-1] == '_')) {
		return foundURL{}, false
	}
	end := k + 3
	for end < len(s) && isURLByte(s[end]) {
		end++
	}
	u := trimURL(s[start:end])
	rest := u[k-start+3:]
	auth := rest
	if i := strings.IndexAny(auth, "/?#"); i >= 0 {
		auth = auth[:i]
	}
	hostStart := strings.LastIndexByte(auth, '@') + 1
	host, ok := urlHost(auth[hostStart:])
	if !ok {
		return foundURL{}, false
	}
	// The scheme and the host are written in lower case.
	value := u
	hostAt := k - start + 3 + hostStart
	if hasUpper(u[:k-start]) || hasUpper(u[hostAt:hostAt+len(host)]) {
		value = strings.ToLower(u[:k-start]) + u[k-start:hostAt] + strings.ToLower(u[hostAt:hostAt+len(host)]) + u[hostAt+len(host):]
	}
	host = strings.ToLower(host)
	if host != "" && host[0] == '[' {
		host = host[1 : len(host)-1]
	}
	return foundURL{start: start, end: end, value: value, host: host}, true
}

// emitURL reports a URL and, when asked for, its host.
func (sc *scanner) emitURL(u foundURL) {
	sc.emit(bitURL, u.value, "")
	if !sc.urlHosts {
		return
	}
	if a, err := netip.ParseAddr(u.host); err == nil {
		sc.emitAddr(u.host, a)
		return
	}
	if name := strings.TrimSuffix(u.host, "."); isDomainName(name) {
		sc.emit(bitDomain, name, "")
	}
}

// knownScheme reports whether scheme is one of the URL schemes reported.
func knownScheme(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "http", "https", "ftp", "ftps", "sftp":
		return true
	}
	return false
}

// isURLByte reports whether b may be part of a URL as found in text:
// printable ASCII without the characters RFC 3986 excludes.
func isURLByte(b byte) bool {
	switch b {
	case '"', '<', '>', '\\', '^', '`', '{', '|', '}':
		return false
	}
	return b > ' ' && b < 0x7f
}

// trimURL removes the punctuation that ends a sentence or encloses the URL
// from its end: . , ; : ! ? * ' and a closing parenthesis or bracket the
// URL did not open.
func trimURL(u string) string {
	// Trimming removes none of these, so they are looked for once.
	opened := strings.IndexByte(u, '(') >= 0
	bracketed := strings.IndexByte(u, '[') >= 0
	for len(u) > 0 {
		switch u[len(u)-1] {
		case '.', ',', ';', ':', '!', '?', '*', '\'':
		case ')':
			if opened {
				return u
			}
		case ']':
			if bracketed {
				return u
			}
		default:
			return u
		}
		u = u[:len(u)-1]
	}
	return u
}

// urlHost returns the host of a URL's host and port, as written: a name,
// an IPv4 address, or an IPv6 address in brackets.
func urlHost(hostport string) (string, bool) {
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return "", false
		}
		host, port = hostport[:end+1], hostport[end+1:]
		if a, err := netip.ParseAddr(host[1:end]); err != nil || !a.Is6() || a.Zone() != "" {
			return "", false
		}
		if port != "" && port[0] != ':' {
			return "", false
		}
	} else if i := strings.IndexByte(hostport, ':'); i >= 0 {
		host, port = hostport[:i], hostport[i:]
	}
	if port != "" && !isDigits(port[1:]) {
		return "", false
	}
	if host == "" || host[0] == '[' {
		return host, host != ""
	}
	if !isASCIILetter(host[0]) && !isDigit(host[0]) || strings.Contains(host, "..") {
		return "", false
	}
	for i := 0; i < len(host); i++ {
		b := host[i]
		if !isASCIILetter(b) && !isDigit(b) && b != '.' && b != '-' && b != '_' {
			return "", false
		}
	}
	return host, true
}

// hasUpper reports whether s holds an ASCII capital letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isDigits reports whether s is made of ASCII digits only (true for "").
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
