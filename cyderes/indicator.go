package cyderes

// TheHive's names of the observable data types an Extractor reports.
const (
	DataTypeIP       = "ip"       // an IPv4 or IPv6 address
	DataTypeDomain   = "domain"   // a fully qualified domain name
	DataTypeURL      = "url"      // an http, https, ftp, ftps or sftp URL
	DataTypeHash     = "hash"     // an MD5, SHA-1, SHA-256 or SHA-512 digest in hex
	DataTypeMail     = "mail"     // an e-mail address
	DataTypeFilename = "filename" // a file name with a known extension
)

// Indicator is one observable found in free text by an Extractor.
type Indicator struct {
	// DataType is TheHive's data type: one of the DataType constants.
	DataType string
	// Value is the observable as TheHive should store it: refanged, and in
	// lower case for domains, mail addresses, hashes and IPv6 addresses.
	// A URL keeps the case of its path, query and fragment; a file name
	// keeps its case.
	Value string
	// Private is set for an IP address that is not routable on the public
	// internet: RFC 1918 and unique-local (fc00::/7) networks, loopback,
	// link-local, shared address space (100.64.0.0/10), documentation and
	// benchmarking ranges, "this network", multicast and reserved space.
	Private bool
	// Algorithm names a hash's algorithm as MISP names the type: "md5",
	// "sha1", "sha256" or "sha512", told apart by length. It is empty for
	// other data types.
	Algorithm string
}

// dataTypeBit is an Extractor's selection of data types: one bit each.
type dataTypeBit uint8

// The bits of the data types.
const (
	bitIP dataTypeBit = 1 << iota
	bitDomain
	bitURL
	bitHash
	bitMail
	bitFilename

	allDataTypes = bitIP | bitDomain | bitURL | bitHash | bitMail | bitFilename
)

// dataTypeBitOf returns the bit of a data type name, or 0 for a name the
// Extractor does not report.
func dataTypeBitOf(name string) dataTypeBit {
	switch name {
	case DataTypeIP:
		return bitIP
	case DataTypeDomain:
		return bitDomain
	case DataTypeURL:
		return bitURL
	case DataTypeHash:
		return bitHash
	case DataTypeMail:
		return bitMail
	case DataTypeFilename:
		return bitFilename
	}
	return 0
}

// name returns the data type name of a single bit.
func (b dataTypeBit) name() string {
	switch b {
	case bitIP:
		return DataTypeIP
	case bitDomain:
		return DataTypeDomain
	case bitURL:
		return DataTypeURL
	case bitHash:
		return DataTypeHash
	case bitMail:
		return DataTypeMail
	case bitFilename:
		return DataTypeFilename
	}
	return ""
}
