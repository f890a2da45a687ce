package fuzz_test

import (
	"encoding/json"
	"testing"

	"loggregator/internal/agent"
	"loggregator/internal/config"
	"loggregator/internal/gateway"
	"loggregator/internal/lossprobe"
	"loggregator/internal/rlp"
	"loggregator/internal/router"
)

// components are the configurations the fuzz target decodes into, each
// built fresh with its defaults as command.Main builds it.
var components = map[string]func() config.Validator{
	"agent":     func() config.Validator { return agent.DefaultConfig() },
	"router":    func() config.Validator { return router.DefaultConfig() },
	"rlp":       func() config.Validator { return rlp.DefaultConfig() },
	"gateway":   func() config.Validator { return gateway.DefaultConfig() },
	"lossprobe": func() config.Validator { return lossprobe.DefaultConfig() },
}

// FuzzConfigs checks that no input makes a component's config loading
// panic: every file is either loaded and valid or refused with an error.
func FuzzConfigs(f *testing.F) {
	for _, build := range components {
		b, err := json.Marshal(build())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, seed := range []string{
		`{}`, `[]`, `null`, `{"ingress":{"buffer_size":-1}}`, `{"metrics":{"addr":"::::"}}`,
		`{"shutdown_timeout":"-1s"}`, `{"shutdown_timeout":1e400}`, `{"routers":{"targets":[{"addr":"a"}]}}`,
		`{"max_procs":-3,"memory_limit_mib":1e18}`, `{"tags":{"":""}}`, `{} {}`, `{"egress":{"batch_size":0}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for name, build := range components {
			cfg := build()
			if err := config.Decode(data, cfg); err != nil && err.Error() == "" {
				t.Fatalf("%s: an error without a message for %q", name, data)
			}
		}
	})
}
