package cyderes

import (
	"fmt"
	"strings"
	"testing"
)

// theHive4Rows are the enabled entries of attribute.mapping in TheHive 4's
// misp/connector/src/main/resources/reference.conf, in the file's order,
// as category|MISP type|data type.
const theHive4Rows = `Antivirus detection|link|url
Antivirus detection|attachment|file
Artifacts dropped|md5|hash
Artifacts dropped|sha1|hash
Artifacts dropped|sha224|hash
Artifacts dropped|sha256|hash
Artifacts dropped|sha384|hash
Artifacts dropped|sha512|hash
Artifacts dropped|sha512/224|hash
Artifacts dropped|sha512/256|hash
Artifacts dropped|ssdeep|hash
Artifacts dropped|imphash|hash
Artifacts dropped|impfuzzy|hash
Artifacts dropped|authentihash|hash
Artifacts dropped|cdhash|hash
Artifacts dropped|filename|filename
Artifacts dropped|regkey|registry
Artifacts dropped|attachment|file
Artifacts dropped|malware-sample|file
Artifacts dropped|x509-fingerprint-sha1|hash
Artifacts dropped|x509-fingerprint-md5|hash
Artifacts dropped|x509-fingerprint-sha256|hash
Attribution|x509-fingerprint-sha1|hash
Attribution|x509-fingerprint-md5|hash
Attribution|x509-fingerprint-sha256|hash
External analysis|md5|hash
External analysis|sha1|hash
External analysis|sha256|hash
External analysis|filename|filename
External analysis|ip-src|ip
External analysis|ip-dst|ip
External analysis|hostname|hostname
External analysis|domain|domain
External analysis|url|url
External analysis|regkey|registry
External analysis|AS|autonomous-system
External analysis|attachment|file
External analysis|malware-sample|file
External analysis|link|url
External analysis|x509-fingerprint-sha1|hash
External analysis|x509-fingerprint-md5|hash
External analysis|x509-fingerprint-sha256|hash
External analysis|ja3-fingerprint-md5|hash
External analysis|hassh-md5|hash
External analysis|hasshserver-md5|hash
Internal reference|link|url
Network activity|ip-src|ip
Network activity|ip-dst|ip
Network activity|domain|domain
Network activity|url|url
Network activity|uri|url
Network activity|AS|autonomous-system
Network activity|attachment|file
Network activity|x509-fingerprint-md5|hash
Network activity|x509-fingerprint-sha1|hash
Network activity|x509-fingerprint-sha256|hash
Network activity|ja3-fingerprint-md5|hash
Network activity|hassh-md5|hash
Network activity|hasshserver-md5|hash
Payload delivery|md5|hash
Payload delivery|sha1|hash
Payload delivery|sha224|hash
Payload delivery|sha256|hash
Payload delivery|sha384|hash
Payload delivery|sha512|hash
Payload delivery|sha512/224|hash
Payload delivery|sha512/256|hash
Payload delivery|ssdeep|hash
Payload delivery|imphash|hash
Payload delivery|impfuzzy|hash
Payload delivery|authentihash|hash
Payload delivery|pehash|hash
Payload delivery|tlsh|hash
Payload delivery|cdhash|hash
Payload delivery|filename|filename
Payload delivery|ip-src|ip
Payload delivery|ip-dst|ip
Payload delivery|hostname|hostname
Payload delivery|domain|domain
Payload delivery|email-src|mail
Payload delivery|email-dst|mail
Payload delivery|email-subject|mail-subject
Payload delivery|url|url
Payload delivery|AS|autonomous-system
Payload delivery|attachment|file
Payload delivery|malware-sample|file
Payload delivery|link|url
Payload delivery|x509-fingerprint-sha1|hash
Payload delivery|x509-fingerprint-md5|hash
Payload delivery|x509-fingerprint-sha256|hash
Payload delivery|ja3-fingerprint-md5|hash
Payload delivery|hassh-md5|hash
Payload delivery|hasshserver-md5|hash
Payload delivery|whois-registrant-email|mail
Payload installation|md5|hash
Payload installation|sha1|hash
Payload installation|sha224|hash
Payload installation|sha256|hash
Payload installation|sha384|hash
Payload installation|sha512|hash
Payload installation|sha512/224|hash
Payload installation|sha512/256|hash
Payload installation|ssdeep|hash
Payload installation|imphash|hash
Payload installation|impfuzzy|hash
Payload installation|authentihash|hash
Payload installation|pehash|hash
Payload installation|tlsh|hash
Payload installation|cdhash|hash
Payload installation|filename|filename
Payload installation|attachment|file
Payload installation|malware-sample|file
Payload installation|x509-fingerprint-sha1|hash
Payload installation|x509-fingerprint-md5|hash
Payload installation|x509-fingerprint-sha256|hash
Persistence mechanism|filename|filename
Persistence mechanism|regkey|registry
Support Tool|link|url
Support Tool|attachment|file`

// theHive3Rows are attribute2artifactLookup in TheHive 3's
// thehive-misp/app/connectors/misp/MispConverter.scala (3.5.2), in the
// file's order, as MISP type|data type.
const theHive3Rows = `md5|hash
sha1|hash
sha256|hash
filename|filename
pdb|other
filename|md5|other
filename|sha1|other
filename|sha256|other
ip-src|ip
ip-dst|ip
hostname|fqdn
domain|domain
domain|ip|other
email-src|mail
email-dst|mail
email-subject|mail_subject
email-attachment|other
float|other
url|url
http-method|other
user-agent|user-agent
regkey|registry
regkey|value|registry
AS|other
snort|other
pattern-in-file|other
pattern-in-traffic|other
pattern-in-memory|other
yara|other
sigma|other
vulnerability|other
attachment|file
malware-sample|file
link|other
comment|other
text|other
hex|other
other|other
named|other
mutex|other
target-user|other
target-email|mail
target-machine|fqdn
target-org|other
target-location|other
target-external|other
btc|other
iban|other
bic|other
bank-account-nr|other
aba-rtn|other
bin|other
cc-number|other
prtn|other
threat-actor|other
campaign-name|other
campaign-id|other
malware-type|other
uri|uri_path
authentihash|other
ssdeep|hash
imphash|hash
pehash|hash
impfuzzy|hash
sha224|hash
sha384|hash
sha512|hash
sha512/224|hash
sha512/256|hash
tlsh|other
filename|authentihash|other
filename|ssdeep|other
filename|imphash|other
filename|impfuzzy|other
filename|pehash|other
filename|sha224|other
filename|sha384|other
filename|sha512|other
filename|sha512/224|other
filename|sha512/256|other
filename|tlsh|other
windows-scheduled-task|other
windows-service-name|other
windows-service-displayname|other
whois-registrant-email|mail
whois-registrant-phone|other
whois-registrant-name|other
whois-registrar|other
whois-creation-date|other
x509-fingerprint-sha1|other
dns-soa-email|other
size-in-bytes|other
counter|other
datetime|other
cpe|other
port|other
ip-dst|port|other
ip-src|port|other
hostname|port|other
email-dst-display-name|other
email-src-display-name|other
email-header|other
email-reply-to|other
email-x-mailer|other
email-mime-boundary|other
email-thread-index|other
email-message-id|other
github-username|other
github-repository|other
github-organisation|other
jabber-id|other
twitter-id|other
first-name|other
middle-name|other
last-name|other
date-of-birth|other
place-of-birth|other
gender|other
passport-number|other
passport-country|other
passport-expiration|other
redress-number|other
nationality|other
visa-number|other
issue-date-of-the-visa|other
primary-residence|other
country-of-residence|other
special-service-request|other
frequent-flyer-number|other
travel-details|other
payment-details|other
place-port-of-original-embarkation|other
place-port-of-clearance|other
place-port-of-onward-foreign-destination|other
passenger-name-record-locator-number|other
mobile-application-id|other`

// TestTheHiveDataTypesAsTheSourcesSay checks every entry of both tables,
// TheHive 4's fallbacks (MispImportSrv.convertAttributeType: a type with
// no mapping for its category becomes the observable type of the same
// name when TheHive has one, else "other") and that the tables returned
// are copies.
func TestTheHiveDataTypesAsTheSourcesSay(t *testing.T) {
	rows4 := strings.Split(theHive4Rows, "\n")
	for _, row := range rows4 {
		category, rest, _ := strings.Cut(row, "|")
		i := strings.LastIndex(rest, "|")
		if got := TheHiveDataType(category, rest[:i]); got != rest[i+1:] {
			t.Errorf("TheHive 4: %s / %s → %q, want %q", category, rest[:i], got, rest[i+1:])
		}
	}
	if n := len(TheHiveDataTypes()); n != len(rows4) {
		t.Errorf("TheHive 4 table has %d entries, the source %d", n, len(rows4))
	}
	for _, tt := range []struct{ category, typ, want string }{
		{"Network activity", "hostname", "hostname"}, // commented out in the source: the type of the same name
		{"Network activity", "comment", "other"},
		{"Financial fraud", "btc", "other"},
		{"", "fqdn", "fqdn"},
		{"Payload delivery", "filename|md5", "other"}, // composites are split before
	} {
		if got := TheHiveDataType(tt.category, tt.typ); got != tt.want {
			t.Errorf("TheHive 4 fallback: %s / %s → %q, want %q", tt.category, tt.typ, got, tt.want)
		}
	}
	rows3 := strings.Split(theHive3Rows, "\n")
	for _, row := range rows3 {
		i := strings.LastIndex(row, "|")
		typ, want := row[:i], row[i+1:]
		if got := TheHive3DataType(typ); got != want {
			t.Errorf("TheHive 3: %s → %q, want %q", typ, got, want)
		}
	}
	if n := len(TheHive3DataTypes()); n != len(rows3) {
		t.Errorf("TheHive 3 table has %d entries, the source %d", n, len(rows3))
	}
	if got := TheHive3DataType("ip-dst|port"); got != "other" {
		t.Errorf("an unlisted type in TheHive 3: %q", got)
	}
	t4, t3 := TheHiveDataTypes(), TheHive3DataTypes()
	t4[MISPKind{"Network activity", "domain"}], t3["hostname"] = "changed", "changed"
	if TheHiveDataTypes()[MISPKind{"Network activity", "domain"}] != "domain" || TheHive3DataTypes()["hostname"] != "fqdn" {
		t.Error("a table is shared")
	}
}

// TestObservablesPerVersion converts one attribute as each version does.
func TestObservablesPerVersion(t *testing.T) {
	for _, tt := range []struct {
		a        MISPAttribute
		th4, th3 string
	}{
		{MISPAttribute{Category: "Network activity", Type: "hostname", Value: "evil.example"}, "[{hostname evil.example hostname}]", "[{fqdn evil.example hostname}]"},
		{MISPAttribute{Category: "Payload delivery", Type: "email-subject", Value: "Invoice"}, "[{mail-subject Invoice email-subject}]", "[{mail_subject Invoice email-subject}]"},
		{MISPAttribute{Category: "Network activity", Type: "uri", Value: "/wp-admin"}, "[{url /wp-admin uri}]", "[{uri_path /wp-admin uri}]"},
		{MISPAttribute{Category: "Payload delivery", Type: "malware-sample", Value: "evil.exe|9f86"}, "[{file evil.exe malware-sample}]", "[{file evil.exe malware-sample}]"},
		{MISPAttribute{Category: "Payload delivery", Type: "filename|sha256", Value: "evil.exe|9f86"},
			"[{filename evil.exe filename} {hash 9f86 sha256}]", "[{filename evil.exe filename} {hash 9f86 sha256}]"},
	} {
		if got := fmt.Sprint(tt.a.Observables()); got != tt.th4 {
			t.Errorf("TheHive 4: %s %s → %s, want %s", tt.a.Category, tt.a.Type, got, tt.th4)
		}
		if got := fmt.Sprint(tt.a.TheHive3Observables()); got != tt.th3 {
			t.Errorf("TheHive 3: %s → %s, want %s", tt.a.Type, got, tt.th3)
		}
	}
}
