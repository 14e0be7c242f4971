package transport

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/jarcoal/httpmock"
)

// clientCert makes a certificate authority and a client certificate it
// signs.
func clientCert(t *testing.T) (*x509.CertPool, tls.Certificate) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"}, IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "soc-automation"},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	return pool, tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// TestTLSConfigForMutualTLS reaches a server that requires a client
// certificate, trusting its private CA, and checks that the configuration
// cannot be combined with a caller's HTTP client.
func TestTLSConfigForMutualTLS(t *testing.T) {
	clientCAs, cert := clientCert(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.TLS.PeerCertificates) == 0 || r.TLS.PeerCertificates[0].Subject.CommonName != "soc-automation" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: clientCAs, MinVersion: tls.VersionTLS12}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())

	c, _ := newClient(t, srv.URL, WithTLSConfig(&tls.Config{RootCAs: roots, Certificates: []tls.Certificate{cert}}))
	if _, err := c.Do(context.Background(), &Request{Path: "/x"}, nil); err != nil {
		t.Fatalf("with the client certificate: %v", err)
	}
	c, _ = newClient(t, srv.URL, WithTLSConfig(&tls.Config{RootCAs: roots}))
	if _, err := c.Do(context.Background(), &Request{Path: "/x"}, nil); err == nil {
		t.Fatal("without a client certificate the call succeeded")
	}
	c, _ = newClient(t, srv.URL)
	if _, err := c.Do(context.Background(), &Request{Path: "/x"}, nil); err == nil {
		t.Fatal("without the private CA the call succeeded")
	}
	s, err := NewSettings(WithTLSConfig(&tls.Config{}), WithHTTPClient(&http.Client{}))
	if err != nil {
		t.Fatal(err)
	}
	s.Service, s.BaseURL = "testapi", srv.URL
	if _, err := New(s); !errors.Is(err, incidentkit.ErrInvalidInput) {
		t.Errorf("TLS config with an HTTP client: %v", err)
	}
	if _, err := NewSettings(WithTLSConfig(nil)); err == nil {
		t.Error("a nil TLS config was accepted")
	}
}

// TestTransportWrapperKeepsTheRules wraps the transport, as a tracer
// would, and checks that it sees every attempt and that the client's
// rules hold around it: the credential never reaches another origin a
// redirect points to.
func TestTransportWrapperKeepsTheRules(t *testing.T) {
	var seen atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			t.Errorf("the credential reached another origin")
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(other.Close)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/moved", http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	wrap := func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			seen.Add(1)
			return next.RoundTrip(r)
		})
	}
	c, _ := newClient(t, srv.URL, WithTransportWrapper(wrap))
	if _, err := c.Do(context.Background(), &Request{Path: "/x"}, nil); err != nil {
		t.Fatal(err)
	}
	if n := seen.Load(); n != 2 {
		t.Errorf("the wrapper saw %d requests, want 2 (the request and its redirect)", n)
	}
	if _, err := NewSettings(WithTransportWrapper(nil)); err == nil {
		t.Error("a nil wrapper was accepted")
	}
}

// TestRetryPolicyNarrowsRetries checks that a caller's policy is asked
// before each retry, can refuse it, and is never asked about a write the
// client would not repeat.
func TestRetryPolicyNarrowsRetries(t *testing.T) {
	var asked []incidentkit.RetryAttempt
	policy := incidentkit.RetryPolicyFunc(func(_ context.Context, a incidentkit.RetryAttempt) bool {
		asked = append(asked, a)
		return a.Attempt < 2
	})
	c, mock, _ := newMockClient(t, WithRetryPolicy(policy))
	mock.RegisterResponder("GET", mockURL, sequence([]int{503, 503, 503, 200}, ""))
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Fatalf("error %v, want the last 503", err)
	}
	if n := mock.GetCallCountInfo()["GET "+mockURL]; n != 2 || len(asked) != 2 || asked[0].StatusCode != 503 ||
		!asked[0].Idempotent || asked[0].Path != "/base/api/thing" || asked[0].Service != "testapi" {
		t.Errorf("%d attempts, asked %+v", n, asked)
	}

	asked = nil
	c, mock, _ = newMockClient(t, WithRetryPolicy(policy))
	mock.RegisterResponder("POST", mockURL, sequence([]int{502, 200}, ""))
	if _, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/api/thing", JSON: map[string]string{"a": "b"},
		Replay: ReplayUnsafe}, nil); err == nil {
		t.Fatal("a create answered 502 was repeated")
	}
	if len(asked) != 0 {
		t.Errorf("the policy was asked about an unsafe write: %+v", asked)
	}
	if _, err := NewSettings(WithRetryPolicy(nil)); err == nil {
		t.Error("a nil policy was accepted")
	}
}

// TestAdaptiveLimiterHearsTheServer sends through an adaptive limiter to
// a server that throttles once: the limiter slows down, then climbs back.
func TestAdaptiveLimiterHearsTheServer(t *testing.T) {
	lim, err := incidentkit.NewAdaptiveLimiter(100, 5)
	if err != nil {
		t.Fatal(err)
	}
	c, mock, _ := newMockClient(t, WithLimiter(lim))
	mock.RegisterResponder("GET", mockURL, sequence([]int{429, 200}, "0"))
	if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil); err != nil {
		t.Fatal(err)
	}
	if r := lim.Rate(); r != 50+100.0/32 {
		t.Errorf("rate after a 429 and a success: %v, want %v", r, 50+100.0/32)
	}
	mock.RegisterResponder("GET", mockURL, httpmock.NewStringResponder(200, `{}`))
	for range 20 {
		if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if r := lim.Rate(); r != 100 {
		t.Errorf("rate after 20 successes: %v, want back to 100", r)
	}
}
