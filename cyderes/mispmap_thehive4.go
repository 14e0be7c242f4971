package cyderes

// theHive4Mapping returns the attribute mapping TheHive 4's MISP connector
// enables by default, by category: for each MISP type, TheHive's
// observable data type (attribute.mapping in TheHive's
// misp/connector/src/main/resources/reference.conf, its entries that are
// not commented out).
func theHive4Mapping() map[string][][2]string {
	return map[string][][2]string{
		"Antivirus detection": {
			{"link", "url"}, {"attachment", "file"},
		},
		"Artifacts dropped": {
			{"md5", "hash"}, {"sha1", "hash"}, {"sha224", "hash"}, {"sha256", "hash"}, {"sha384", "hash"},
			{"sha512", "hash"}, {"sha512/224", "hash"}, {"sha512/256", "hash"}, {"ssdeep", "hash"},
			{"imphash", "hash"}, {"impfuzzy", "hash"}, {"authentihash", "hash"}, {"cdhash", "hash"},
			{"filename", "filename"}, {"regkey", "registry"}, {"attachment", "file"}, {"malware-sample", "file"},
			{"x509-fingerprint-sha1", "hash"}, {"x509-fingerprint-md5", "hash"}, {"x509-fingerprint-sha256", "hash"},
		},
		"Attribution": {
			{"x509-fingerprint-sha1", "hash"}, {"x509-fingerprint-md5", "hash"}, {"x509-fingerprint-sha256", "hash"},
		},
		"External analysis": {
			{"md5", "hash"}, {"sha1", "hash"}, {"sha256", "hash"}, {"filename", "filename"}, {"ip-src", "ip"},
			{"ip-dst", "ip"}, {"hostname", "hostname"}, {"domain", "domain"}, {"url", "url"}, {"regkey", "registry"},
			{"AS", "autonomous-system"}, {"attachment", "file"}, {"malware-sample", "file"}, {"link", "url"},
			{"x509-fingerprint-sha1", "hash"}, {"x509-fingerprint-md5", "hash"}, {"x509-fingerprint-sha256", "hash"},
			{"ja3-fingerprint-md5", "hash"}, {"hassh-md5", "hash"}, {"hasshserver-md5", "hash"},
		},
		"Internal reference": {
			{"link", "url"},
		},
		"Network activity": {
			{"ip-src", "ip"}, {"ip-dst", "ip"}, {"domain", "domain"}, {"url", "url"}, {"uri", "url"},
			{"AS", "autonomous-system"}, {"attachment", "file"}, {"x509-fingerprint-md5", "hash"},
			{"x509-fingerprint-sha1", "hash"}, {"x509-fingerprint-sha256", "hash"}, {"ja3-fingerprint-md5", "hash"},
			{"hassh-md5", "hash"}, {"hasshserver-md5", "hash"},
		},
		"Payload delivery": {
			{"md5", "hash"}, {"sha1", "hash"}, {"sha224", "hash"}, {"sha256", "hash"}, {"sha384", "hash"},
			{"sha512", "hash"}, {"sha512/224", "hash"}, {"sha512/256", "hash"}, {"ssdeep", "hash"},
			{"imphash", "hash"}, {"impfuzzy", "hash"}, {"authentihash", "hash"}, {"pehash", "hash"}, {"tlsh", "hash"},
			{"cdhash", "hash"}, {"filename", "filename"}, {"ip-src", "ip"}, {"ip-dst", "ip"},
			{"hostname", "hostname"}, {"domain", "domain"}, {"email-src", "mail"}, {"email-dst", "mail"},
			{"email-subject", "mail-subject"}, {"url", "url"}, {"AS", "autonomous-system"}, {"attachment", "file"},
			{"malware-sample", "file"}, {"link", "url"}, {"x509-fingerprint-sha1", "hash"},
			{"x509-fingerprint-md5", "hash"}, {"x509-fingerprint-sha256", "hash"}, {"ja3-fingerprint-md5", "hash"},
			{"hassh-md5", "hash"}, {"hasshserver-md5", "hash"}, {"whois-registrant-email", "mail"},
		},
		"Payload installation": {
			{"md5", "hash"}, {"sha1", "hash"}, {"sha224", "hash"}, {"sha256", "hash"}, {"sha384", "hash"},
			{"sha512", "hash"}, {"sha512/224", "hash"}, {"sha512/256", "hash"}, {"ssdeep", "hash"},
			{"imphash", "hash"}, {"impfuzzy", "hash"}, {"authentihash", "hash"}, {"pehash", "hash"}, {"tlsh", "hash"},
			{"cdhash", "hash"}, {"filename", "filename"}, {"attachment", "file"}, {"malware-sample", "file"},
			{"x509-fingerprint-sha1", "hash"}, {"x509-fingerprint-md5", "hash"}, {"x509-fingerprint-sha256", "hash"},
		},
		"Persistence mechanism": {
			{"filename", "filename"}, {"regkey", "registry"},
		},
		"Support Tool": {
			{"link", "url"}, {"attachment", "file"},
		},
	}
}
