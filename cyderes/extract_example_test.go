package cyderes_test

import (
	"fmt"
	"log"

	"github.com/incidentkit/incidentkit/cyderes"
)

func ExampleExtractObservables() {
	notes := `Beacon from FS-02 (10.20.4.12) to 203.0.113.45 and update-cdn[.]example[.]net.
Phish from Billing[at]Invoices-Portal.example linking to hxxps://invoices-portal[.]example/login,
dropping invoice.pdf.exe (SHA-256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855).
Analyst note: e.g. version 1.2.3 at 10:30, see report.txt. Update-CDN.example.net again.`
	for _, o := range cyderes.ExtractObservables(notes) {
		switch {
		case o.DataType == cyderes.DataTypeIP:
			fmt.Println(o.DataType, o.Value, "private:", o.Private)
		case o.Algorithm != "":
			fmt.Println(o.DataType, o.Value[:12]+"…", o.Algorithm)
		default:
			fmt.Println(o.DataType, o.Value)
		}
	}
	// Output:
	// ip 10.20.4.12 private: true
	// ip 203.0.113.45 private: true
	// domain update-cdn.example.net
	// mail billing@invoices-portal.example
	// url https://invoices-portal.example/login
	// filename invoice.pdf.exe
	// hash e3b0c44298fc… sha256
	// filename report.txt
}

func ExampleNewExtractor() {
	// Domains and IP addresses only, including the hosts of URLs.
	x, err := cyderes.NewExtractor(
		cyderes.ExtractDataTypes(cyderes.DataTypeDomain, cyderes.DataTypeIP),
		cyderes.ExtractURLHosts())
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range x.Extract("GET hxxp://198.51.100.7/a.php, then https://cdn.evil.example/b from bob@corp.example") {
		fmt.Println(o.DataType, o.Value)
	}
	// Output:
	// ip 198.51.100.7
	// domain cdn.evil.example
}

func ExampleRefang() {
	fmt.Println(cyderes.Refang("Blocked hXXps[:]//login.evil[.]com/reset and mail from it-help [at] evil (dot) com."))
	// Output:
	// Blocked https://login.evil.com/reset and mail from it-help@evil.com.
}
