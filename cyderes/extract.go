package cyderes

import (
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Extractor finds observables in the free text of a ticket (its
// descriptions, analyst notes and comments): IPv4 and IPv6 addresses,
// domains, URLs, MD5/SHA-1/SHA-256/SHA-512 hashes, e-mail addresses and
// file names. It reads defanged indicators as Refang does and reports
// each observable once, in the order of its first mention.
//
// The zero Extractor reports every data type; NewExtractor configures
// one. An Extractor is never changed after construction and is safe for
// concurrent use.
//
// The rules favour precision over recall, so that ordinary prose yields
// nothing:
//
//   - A domain must end in a known top-level domain (generic and country
//     code ones, plus the special-use names example, test, invalid,
//     localhost, local, internal and onion) and consist of valid labels.
//     A two-label name with a one-letter first label is a domain only in
//     lower case ("t.co", but not "B.Sc"). Abbreviations ("e.g.", "i.e."),
//     version numbers ("1.2.3"), decimals, times and a sentence's final
//     dot are not observables.
//   - A file name must end in a known file extension. A name ending in an
//     extension that is also a top-level domain (.zip, .mov, .sh, .py,
//     .so, .one, .cab, .pub) is a file name, not a domain; in a URL or an
//     e-mail address the same name is a host.
//   - An IPv4 address has four decimal parts without leading zeros; one
//     followed by a prefix length or a port ("10.0.0.0/8", "10.0.0.1:443")
//     is reported as the address. An IPv6 address is reported as written,
//     without its zone, and two spellings of one address are one
//     observable.
//   - A hash is a whole word of 32, 40, 64 or 128 hexadecimal digits that
//     are not all decimal.
//   - A URL needs one of the schemes http, https, ftp, ftps or sftp; its
//     scheme and host are written in lower case. Trailing punctuation is
//     not part of it, nor is a closing parenthesis or bracket it did not
//     open. A host or a path with no scheme ("www.example.com/login") gives
//     a domain (and a file name for a last path segment like "a.php").
//   - The host of a URL and the domain of an e-mail address are part of
//     those observables and are not reported again on their own unless
//     ExtractURLHosts or ExtractMailDomains asks for them.
//   - Text mixing in letters beyond ASCII ("münchen.de") is not read as an
//     observable; other characters beyond ASCII, such as typographic
//     quotes and no-break spaces, separate words.
type Extractor struct {
	types       dataTypeBit // the data types reported; 0 means all
	urlHosts    bool
	mailDomains bool
}

// ExtractOption configures an Extractor made by NewExtractor.
type ExtractOption func(*Extractor) error

// NewExtractor returns an Extractor configured by opts. A nil option is
// ignored. An option that cannot be valid (an unknown data type) is
// refused with an *incidentkit.InputError that matches ErrInvalidInput.
func NewExtractor(opts ...ExtractOption) (*Extractor, error) {
	x := &Extractor{}
	if err := transport.Apply(serviceName, x, opts); err != nil {
		return nil, err
	}
	return x, nil
}

// ExtractDataTypes limits the observables reported to the given data
// types (the DataType constants). The other kinds are still recognised,
// so that, for example, the host of a URL is not mistaken for a domain
// when only domains are asked for. At least one data type is required;
// a later ExtractDataTypes replaces an earlier one.
func ExtractDataTypes(dataTypes ...string) ExtractOption {
	return func(x *Extractor) error {
		if len(dataTypes) == 0 {
			return inputErr("ExtractDataTypes", "no data types")
		}
		var set dataTypeBit
		for _, t := range dataTypes {
			b := dataTypeBitOf(t)
			if b == 0 {
				return inputErr("ExtractDataTypes", "unknown data type "+strconv.Quote(t)+
					"; want "+strings.Join(allDataTypeNames(), ", "))
			}
			set |= b
		}
		x.types = set
		return nil
	}
}

// ExtractURLHosts also reports the host of every URL, right after the
// URL: as a domain when it is a domain with a known top-level domain, as
// an IP address when it is one. A host that is already reported is not
// repeated.
func ExtractURLHosts() ExtractOption {
	return func(x *Extractor) error {
		x.urlHosts = true
		return nil
	}
}

// ExtractMailDomains also reports the domain of every e-mail address as a
// domain, right after the address.
func ExtractMailDomains() ExtractOption {
	return func(x *Extractor) error {
		x.mailDomains = true
		return nil
	}
}

// ExtractObservables returns the observables in text, as the zero
// Extractor finds them.
func ExtractObservables(text string) []Indicator {
	var x Extractor
	return x.Extract(text)
}

// Extract returns the observables in text, each once, in the order of
// their first mention. It returns nil when there are none. A value that
// needed no change is a substring of text and shares its memory.
func (x *Extractor) Extract(text string) []Indicator {
	types := x.types
	if types == 0 {
		types = allDataTypes
	}
	sc := scanner{types: types, urlHosts: x.urlHosts, mailDomains: x.mailDomains}
	sc.scan(text)
	return sc.out
}

// allDataTypeNames lists the data types an Extractor reports.
func allDataTypeNames() []string {
	var names []string
	for b := dataTypeBit(1); b&allDataTypes != 0; b <<= 1 {
		names = append(names, b.name())
	}
	return names
}
