package cyderes

import (
	"slices"
	"strings"
)

// mispHashTypes returns the MISP types that TheHive files under "hash".
func mispHashTypes() []string {
	return []string{
		"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512/224", "sha512/256",
		"sha3-224", "sha3-256", "sha3-384", "sha3-512", "ssdeep", "imphash", "telfhash",
		"impfuzzy", "authentihash", "pehash", "tlsh", "cdhash", "vhash", "x509-fingerprint-md5",
		"x509-fingerprint-sha1", "x509-fingerprint-sha256", "ja3-fingerprint-md5", "hassh-md5",
		"hasshserver-md5",
	}
}

// TheHiveDataTypes returns the mapping from MISP attribute types to TheHive
// 4/5 observable data types used by TheHive's MISP connector. Types not in
// the map are "other". The map is a fresh copy the caller may change.
func TheHiveDataTypes() map[string]string {
	m := map[string]string{
		"ip-src": "ip", "ip-dst": "ip", "ip": "ip",
		"domain":   "domain",
		"hostname": "hostname",
		"url":      "url", "uri": "url", "link": "url",
		"email": "mail", "email-src": "mail", "email-dst": "mail",
		"email-subject":  "mail-subject",
		"filename":       "filename",
		"regkey":         "registry",
		"user-agent":     "user-agent",
		"AS":             "autonomous-system",
		"attachment":     "file",
		"malware-sample": "file",
	}
	for _, h := range mispHashTypes() {
		m[h] = "hash"
	}
	return m
}

// TheHive3DataTypes is TheHiveDataTypes for TheHive 3, which calls a host
// name "fqdn".
func TheHive3DataTypes() map[string]string {
	m := TheHiveDataTypes()
	m["hostname"] = "fqdn"
	return m
}

// TheHiveDataType returns TheHive 4/5 data type for one MISP type (not a
// composite; see SplitComposite), or "other".
func TheHiveDataType(mispType string) string {
	switch t := strings.TrimSpace(mispType); t {
	case "ip-src", "ip-dst", "ip":
		return "ip"
	case "domain", "hostname", "url", "filename", "user-agent":
		return t
	case "uri", "link":
		return "url"
	case "email", "email-src", "email-dst":
		return "mail"
	case "email-subject":
		return "mail-subject"
	case "regkey":
		return "registry"
	case "AS":
		return "autonomous-system"
	case "attachment", "malware-sample":
		return "file"
	}
	if slices.Contains(mispHashTypes(), strings.TrimSpace(mispType)) {
		return "hash"
	}
	return "other"
}
