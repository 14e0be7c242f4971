package cyderes

// theHive3Types returns TheHive 3's artifact data type for each MISP type
// it lists: attribute2artifactLookup in TheHive 3's
// thehive-misp/app/connectors/misp/MispConverter.scala (3.5.2). TheHive 3
// files any other type under "other".
func theHive3Types() map[string]string {
	return map[string]string{
		"md5": "hash", "sha1": "hash", "sha256": "hash", "filename": "filename", "pdb": "other",
		"filename|md5": "other", "filename|sha1": "other", "filename|sha256": "other", "ip-src": "ip",
		"ip-dst": "ip", "hostname": "fqdn", "domain": "domain", "domain|ip": "other", "email-src": "mail",
		"email-dst": "mail", "email-subject": "mail_subject", "email-attachment": "other", "float": "other",
		"url": "url", "http-method": "other", "user-agent": "user-agent", "regkey": "registry",
		"regkey|value": "registry", "AS": "other", "snort": "other", "pattern-in-file": "other",
		"pattern-in-traffic": "other", "pattern-in-memory": "other", "yara": "other", "sigma": "other",
		"vulnerability": "other", "attachment": "file", "malware-sample": "file", "link": "other",
		"comment": "other", "text": "other", "hex": "other", "other": "other", "named": "other", "mutex": "other",
		"target-user": "other", "target-email": "mail", "target-machine": "fqdn", "target-org": "other",
		"target-location": "other", "target-external": "other", "btc": "other", "iban": "other", "bic": "other",
		"bank-account-nr": "other", "aba-rtn": "other", "bin": "other", "cc-number": "other", "prtn": "other",
		"threat-actor": "other", "campaign-name": "other", "campaign-id": "other", "malware-type": "other",
		"uri": "uri_path", "authentihash": "other", "ssdeep": "hash", "imphash": "hash", "pehash": "hash",
		"impfuzzy": "hash", "sha224": "hash", "sha384": "hash", "sha512": "hash", "sha512/224": "hash",
		"sha512/256": "hash", "tlsh": "other", "filename|authentihash": "other", "filename|ssdeep": "other",
		"filename|imphash": "other", "filename|impfuzzy": "other", "filename|pehash": "other",
		"filename|sha224": "other", "filename|sha384": "other", "filename|sha512": "other",
		"filename|sha512/224": "other", "filename|sha512/256": "other", "filename|tlsh": "other",
		"windows-scheduled-task": "other", "windows-service-name": "other", "windows-service-displayname": "other",
		"whois-registrant-email": "mail", "whois-registrant-phone": "other", "whois-registrant-name": "other",
		"whois-registrar": "other", "whois-creation-date": "other", "x509-fingerprint-sha1": "other",
		"dns-soa-email": "other", "size-in-bytes": "other", "counter": "other", "datetime": "other",
		"cpe": "other", "port": "other", "ip-dst|port": "other", "ip-src|port": "other", "hostname|port": "other",
		"email-dst-display-name": "other", "email-src-display-name": "other", "email-header": "other",
		"email-reply-to": "other", "email-x-mailer": "other", "email-mime-boundary": "other",
		"email-thread-index": "other", "email-message-id": "other", "github-username": "other",
		"github-repository": "other", "github-organisation": "other", "jabber-id": "other", "twitter-id": "other",
		"first-name": "other", "middle-name": "other", "last-name": "other", "date-of-birth": "other",
		"place-of-birth": "other", "gender": "other", "passport-number": "other", "passport-country": "other",
		"passport-expiration": "other", "redress-number": "other", "nationality": "other", "visa-number": "other",
		"issue-date-of-the-visa": "other", "primary-residence": "other", "country-of-residence": "other",
		"special-service-request": "other", "frequent-flyer-number": "other", "travel-details": "other",
		"payment-details": "other", "place-port-of-original-embarkation": "other",
		"place-port-of-clearance": "other", "place-port-of-onward-foreign-destination": "other",
		"passenger-name-record-locator-number": "other", "mobile-application-id": "other",
	}
}
