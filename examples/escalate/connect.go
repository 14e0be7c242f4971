package main

import (
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/sla"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// systems holds the three clients and the fakes started for them.
type systems struct {
	cyderes    *cyderes.Client
	thehive    *thehive.Client
	servicenow *servicenow.Client
	// theHiveURL and serviceNowURL are the web interfaces' addresses, for
	// links in reports; empty for the fakes.
	thehiveURL, servicenowURL string
	// fakes lists what runs in memory, for the banner; closers stop it.
	fakes   []string
	closers []func()
	// The fakes themselves, nil for real systems.
	cyderesFake    *cyderestest.Server
	thehiveFake    *thehivetest.Server
	servicenowFake *servicenowtest.Server
}

func (s *systems) close() {
	for _, c := range s.closers {
		c()
	}
}

func (s *systems) bridge(now time.Time, box *box) *bridge {
	return &bridge{sys: s, box: box, now: now, policy: sla.DefaultPolicy(), fakes: s.fakes, shard: shard{0, 1}}
}

// connect builds each client from the environment, or starts its fake.
func connect(env func(string) string, now time.Time) (*systems, error) {
	sys := &systems{}
	clock := func() time.Time { return now }
	var err error
	if sys.cyderes, err = sys.connectCyderes(env, now, clock); err == nil {
		if sys.thehive, err = sys.connectTheHive(env, clock); err == nil {
			sys.servicenow, err = sys.connectServiceNow(env, clock)
		}
	}
	if err != nil {
		sys.close() // the fakes started before the error
		return nil, err
	}
	return sys, nil
}

// started notes a fake: the banner names it and close stops it.
func (s *systems) started(name string, stop func()) {
	s.fakes = append(s.fakes, name)
	s.closers = append(s.closers, stop)
}

func (s *systems) connectCyderes(env func(string) string, now time.Time, clock func() time.Time) (*cyderes.Client, error) {
	if tok := env("CYDERES_TOKEN"); tok != "" {
		base := cyderes.DefaultBaseURL
		if u := env("CYDERES_URL"); u != "" {
			base = u
		}
		return cyderes.NewClient(base, cyderes.WithToken(tok), cyderes.WithTimeout(30*time.Second))
	}
	srv := cyderestest.New(cyderestest.WithClock(clock))
	seedCyderes(srv, now)
	s.cyderesFake = srv
	s.started("Cyderes", srv.Close)
	return cyderes.NewClient(srv.URL(), cyderes.WithToken(cyderestest.Token))
}

func (s *systems) connectTheHive(env func(string) string, clock func() time.Time) (*thehive.Client, error) {
	dialect := thehive.V1
	switch v := env("THEHIVE_VERSION"); v {
	case "", "5":
	case "3", "4":
		dialect = thehive.V0
	default:
		return nil, fmt.Errorf("THEHIVE_VERSION %q: want 5 (the default), 4 or 3", v)
	}
	if u := env("THEHIVE_URL"); u != "" {
		opts := []thehive.Option{thehive.WithAPIKey(env("THEHIVE_API_KEY")), thehive.WithTimeout(30 * time.Second), thehive.WithDialect(dialect)}
		s.thehiveURL = u
		if org := env("THEHIVE_ORG"); org != "" {
			opts = append(opts, thehive.WithOrganisation(org))
		}
		return thehive.NewClient(u, opts...)
	}
	srv := thehivetest.New(thehivetest.WithClock(clock))
	s.thehiveFake = srv
	s.started("TheHive", srv.Close)
	return thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithDialect(dialect))
}

func (s *systems) connectServiceNow(env func(string) string, clock func() time.Time) (*servicenow.Client, error) {
	timeout := servicenow.WithTimeout(30 * time.Second)
	if u := env("SERVICENOW_INSTANCE"); u != "" {
		s.servicenowURL = u
		auth := servicenow.WithBasicAuth(env("SERVICENOW_USER"), env("SERVICENOW_PASSWORD"))
		if tok := env("SERVICENOW_TOKEN"); tok != "" {
			auth = servicenow.WithBearerToken(tok)
		}
		return servicenow.NewClient(u, timeout, auth)
	}
	srv := servicenowtest.New(servicenowtest.WithClock(clock))
	srv.Seed("sys_user_group", servicenowtest.Record{"name": "SOC Tier 2"})
	s.servicenowFake = srv
	s.started("ServiceNow", srv.Close)
	return servicenow.NewClient(srv.URL(), timeout, servicenow.WithBasicAuth("admin", "admin"))
}
