package cyderes

import "strings"

// mail reports an e-mail address, local@domain, whose domain is a domain
// name with a known top-level domain; upper says whether a has capital
// letters. When a is none, its parts between at signs are read on their
// own ("@example.com").
func (sc *scanner) mail(a string, upper bool) {
	lower := a
	if upper {
		lower = strings.ToLower(a)
	}
	at := strings.LastIndexByte(lower, '@')
	local, domain := lower[:at], lower[at+1:]
	if i := strings.LastIndexByte(local, '@'); i >= 0 {
		// The address starts after the previous at sign, trimmed as an atom
		// is, so that it reads the same on its own.
		local = local[i+1:]
		for local != "" && isAtomPunct(local[0]) {
			local = local[1:]
		}
	}
	if !isMailLocal(local) || !isDomainName(domain) {
		sc.split(a, '@')
		return
	}
	sc.emit(bitMail, lower[at-len(local):], "")
	if sc.mailDomains {
		sc.emit(bitDomain, domain, "")
	}
}

// isMailLocal reports whether s is the local part of an address as found
// in tickets: letters, digits and . _ % + -, no dot at either end and no
// two dots in a row.
func isMailLocal(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; !isASCIILetter(b) && !isDigit(b) && b != '.' && b != '_' && b != '%' && b != '+' && b != '-' {
			return false
		}
	}
	return true
}

// hash reports a hexadecimal digest by its length; upper says whether a
// has capital letters.
func (sc *scanner) hash(a string, upper bool) {
	var alg string
	switch len(a) {
	case 32:
		alg = "md5"
	case 40:
		alg = "sha1"
	case 64:
		alg = "sha256"
	case 128:
		alg = "sha512"
	default:
		return
	}
	if upper {
		a = strings.ToLower(a)
	}
	sc.emit(bitHash, a, alg)
}

// name reports a file name or a domain, and whether a is one; upper says
// whether a has capital letters.
func (sc *scanner) name(a string, upper bool) bool {
	d := a
	if upper {
		d = strings.ToLower(a)
	}
	ext := d[strings.LastIndexByte(d, '.')+1:]
	if isFileExtension(ext) {
		if !isFileName(a) {
			return false
		}
		sc.emit(bitFilename, a, "")
		return true
	}
	if !isDomainName(d) {
		return false
	}
	// "t.co", but not "B.Sc".
	if len(d) == len(ext)+2 && d != a {
		return false
	}
	sc.emit(bitDomain, d, "")
	return true
}

// isFileName reports whether a, which ends in a known extension, is a
// file name: letters, digits and . _ - with a name before the extension.
func isFileName(a string) bool {
	if len(a) > 255 {
		return false
	}
	named := false
	for _, b := range []byte(a[:strings.LastIndexByte(a, '.')]) {
		switch {
		case isASCIILetter(b) || isDigit(b):
			named = true
		case b != '.' && b != '_' && b != '-':
			return false
		}
	}
	return named
}

// isDomainName reports whether d, in lower case, is a domain name of at
// least two labels ending in a known top-level domain. Labels are made of
// letters, digits and inner hyphens.
func isDomainName(d string) bool {
	if len(d) > 253 {
		return false
	}
	labels := 0
	for d != "" {
		i := strings.IndexByte(d, '.')
		label := d
		if i >= 0 {
			label, d = d[:i], d[i+1:]
			if d == "" {
				return false
			}
		} else {
			d = ""
		}
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for j := 0; j < len(label); j++ {
			if b := label[j]; (b < 'a' || b > 'z') && !isDigit(b) && b != '-' {
				return false
			}
		}
		labels++
		if d == "" {
			return labels >= 2 && isTopLevelDomain(label)
		}
	}
	return false
}
