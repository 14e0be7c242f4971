package main

import (
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

func (s *systems) bridge(now time.Time) *bridge {
	return &bridge{sys: s, now: now, policy: sla.DefaultPolicy(), fakes: s.fakes}
}

// connect builds each client from the environment, or starts its fake.
func connect(env func(string) string, now time.Time) (*systems, error) {
	sys := &systems{}
	clock := func() time.Time { return now }
	timeout := servicenow.WithTimeout(30 * time.Second)

	if tok := env("CYDERES_TOKEN"); tok != "" {
		base := cyderes.DefaultBaseURL
		if u := env("CYDERES_URL"); u != "" {
			base = u
		}
		c, err := cyderes.NewClient(base, cyderes.WithToken(tok), cyderes.WithTimeout(30*time.Second))
		if err != nil {
			return nil, err
		}
		sys.cyderes = c
	} else {
		srv := cyderestest.New(cyderestest.WithClock(clock))
		seedCyderes(srv, now)
		sys.cyderesFake = srv
		sys.closers = append(sys.closers, srv.Close)
		sys.fakes = append(sys.fakes, "Cyderes")
		c, err := cyderes.NewClient(srv.URL(), cyderes.WithToken(cyderestest.Token))
		if err != nil {
			return nil, err
		}
		sys.cyderes = c
	}

	if u := env("THEHIVE_URL"); u != "" {
		opts := []thehive.Option{thehive.WithAPIKey(env("THEHIVE_API_KEY")), thehive.WithTimeout(30 * time.Second)}
		if org := env("THEHIVE_ORG"); org != "" {
			opts = append(opts, thehive.WithOrganisation(org))
		}
		c, err := thehive.NewClient(u, opts...)
		if err != nil {
			return nil, err
		}
		sys.thehive = c
	} else {
		srv := thehivetest.New(thehivetest.WithClock(clock))
		sys.thehiveFake = srv
		sys.closers = append(sys.closers, srv.Close)
		sys.fakes = append(sys.fakes, "TheHive")
		c, err := thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey))
		if err != nil {
			return nil, err
		}
		sys.thehive = c
	}

	if u := env("SERVICENOW_INSTANCE"); u != "" {
		opts := []servicenow.Option{timeout, servicenow.WithBasicAuth(env("SERVICENOW_USER"), env("SERVICENOW_PASSWORD"))}
		if tok := env("SERVICENOW_TOKEN"); tok != "" {
			opts = []servicenow.Option{timeout, servicenow.WithBearerToken(tok)}
		}
		c, err := servicenow.NewClient(u, opts...)
		if err != nil {
			return nil, err
		}
		sys.servicenow = c
	} else {
		srv := servicenowtest.New(servicenowtest.WithClock(clock))
		srv.Seed("sys_user_group", servicenowtest.Record{"name": "SOC Tier 2"})
		sys.servicenowFake = srv
		sys.closers = append(sys.closers, srv.Close)
		sys.fakes = append(sys.fakes, "ServiceNow")
		c, err := servicenow.NewClient(srv.URL(), timeout, servicenow.WithBasicAuth("admin", "admin"))
		if err != nil {
			return nil, err
		}
		sys.servicenow = c
	}
	return sys, nil
}
