package config_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

// sample is a small component config: a required name, a port with a
// default, a nested section and a duration.
type sample struct {
	Name     string          `json:"name"`
	Port     int             `json:"port"`
	Interval config.Duration `json:"interval"`
	Router   struct {
		Addr string `json:"addr"`
	} `json:"router"`
}

func defaults() *sample {
	return &sample{Port: 8082, Interval: config.Duration(15 * time.Second)}
}

func (s *sample) Validate() error {
	if s.Name == "" {
		return errors.New("name: required")
	}
	return nil
}

func decode(doc string) (*sample, error) {
	cfg := defaults()
	return cfg, config.Decode([]byte(doc), cfg)
}

var _ = Describe("Decode", func() {
	It("fills the fields present and keeps the defaults of the absent ones", func() {
		cfg, err := decode(`{"name": "router", "router": {"addr": "10.0.0.1:8082"}}`)
		Expect(err).NotTo(HaveOccurred())
		Expect(cfg.Name).To(Equal("router"))
		Expect(cfg.Router.Addr).To(Equal("10.0.0.1:8082"))
		Expect(cfg.Port).To(Equal(8082))
		Expect(cfg.Interval.D()).To(Equal(15 * time.Second))
	})

	It("rejects an unknown field and names it", func() {
		_, err := decode(`{"name": "router", "prot": 1}`)
		Expect(err).To(MatchError(ContainSubstring(`unknown field "prot"`)))
	})

	It("rejects an unknown field inside a nested section", func() {
		_, err := decode(`{"name": "router", "router": {"adr": "x"}}`)
		Expect(err).To(MatchError(ContainSubstring(`unknown field "adr"`)))
	})

	It("names the field whose value has the wrong type", func() {
		_, err := decode(`{"name": "router", "port": "8082"}`)
		Expect(err).To(MatchError(ContainSubstring(`field "port"`)))
		Expect(err).To(MatchError(ContainSubstring("string")))
	})

	It("names a nested field by its full path", func() {
		_, err := decode(`{"name": "router", "router": {"addr": 5}}`)
		Expect(err).To(MatchError(ContainSubstring(`field "router.addr"`)))
	})

	It("gives the byte offset of malformed JSON", func() {
		_, err := decode(`{"name": "router",, }`)
		Expect(err).To(MatchError(ContainSubstring("malformed JSON at byte 19")))
	})

	It("gives the byte offset where truncated JSON ends", func() {
		_, err := decode(`{"name": `)
		Expect(err).To(MatchError(ContainSubstring("malformed JSON at byte 9")))
	})

	It("rejects an empty document", func() {
		_, err := decode("  \n")
		Expect(err).To(MatchError(ContainSubstring("empty")))
	})

	It("rejects data after the top-level object", func() {
		_, err := decode(`{"name": "router"} {"name": "agent"}`)
		Expect(err).To(MatchError(ContainSubstring("unexpected data after the top-level JSON object")))
	})

	It("accepts trailing white space", func() {
		_, err := decode("{\"name\": \"router\"}\n\n")
		Expect(err).NotTo(HaveOccurred())
	})

	It("returns Validate's error", func() {
		_, err := decode(`{"port": 1}`)
		Expect(err).To(MatchError(ContainSubstring("name: required")))
	})
})

var _ = Describe("Duration", func() {
	It("parses a Go duration string", func() {
		cfg, err := decode(`{"name": "x", "interval": "250ms"}`)
		Expect(err).NotTo(HaveOccurred())
		Expect(cfg.Interval.D()).To(Equal(250 * time.Millisecond))
	})

	It("rejects a number and names the field", func() {
		_, err := decode(`{"name": "x", "interval": 250}`)
		Expect(err).To(MatchError(ContainSubstring(`field "interval"`)))
		Expect(err).To(MatchError(ContainSubstring(`duration string such as "1s"`)))
	})

	It("rejects a string that is not a duration and names the field", func() {
		_, err := decode(`{"name": "x", "interval": "soon"}`)
		Expect(err).To(MatchError(ContainSubstring(`field "interval"`)))
		Expect(err).To(MatchError(ContainSubstring(`"soon"`)))
	})

	It("rejects a bad duration on its own", func() {
		var d config.Duration
		Expect(json.Unmarshal([]byte(`"10 parsecs"`), &d)).NotTo(Succeed())
		Expect(json.Unmarshal([]byte(`10`), &d)).NotTo(Succeed())
	})

	It("writes itself as the string it reads", func() {
		out, err := json.Marshal(config.Duration(1500 * time.Millisecond))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(out)).To(Equal(`"1.5s"`))

		var d config.Duration
		Expect(json.Unmarshal(out, &d)).To(Succeed())
		Expect(d.D()).To(Equal(1500 * time.Millisecond))
	})
})

var _ = Describe("Load", func() {
	It("reads and validates a file", func() {
		path := filepath.Join(GinkgoT().TempDir(), "router.json")
		Expect(os.WriteFile(path, []byte(`{"name": "router", "port": 9000}`), 0o600)).To(Succeed())

		cfg := defaults()
		Expect(config.Load(path, cfg)).To(Succeed())
		Expect(cfg.Name).To(Equal("router"))
		Expect(cfg.Port).To(Equal(9000))
	})

	It("names the path of a missing file", func() {
		path := filepath.Join(GinkgoT().TempDir(), "missing.json")
		err := config.Load(path, defaults())
		Expect(err).To(MatchError(ContainSubstring(path)))
		Expect(errors.Is(err, os.ErrNotExist)).To(BeTrue())
	})

	It("names the path of a file with a bad field", func() {
		path := filepath.Join(GinkgoT().TempDir(), "router.json")
		Expect(os.WriteFile(path, []byte(`{"name": "router", "bogus": true}`), 0o600)).To(Succeed())

		err := config.Load(path, defaults())
		Expect(err).To(MatchError(ContainSubstring(path)))
		Expect(err).To(MatchError(ContainSubstring(`unknown field "bogus"`)))
	})
})

// withRuntime is a component config that embeds the runtime settings.
type withRuntime struct {
	config.Runtime
	Name string `json:"name"`
}

func (w *withRuntime) Validate() error { return w.Runtime.Validate() }

var _ = Describe("Runtime", func() {
	It("is read from top-level fields of the config that embeds it", func() {
		cfg := &withRuntime{Runtime: config.Runtime{MemoryLimitMiB: 256}}
		Expect(config.Decode([]byte(`{"name": "router", "max_procs": 2}`), cfg)).To(Succeed())
		Expect(*cfg.RuntimeSettings()).To(Equal(config.Runtime{MaxProcs: 2, MemoryLimitMiB: 256}))
	})

	It("names a negative setting", func() {
		Expect(config.Decode([]byte(`{"max_procs": -1}`), &withRuntime{})).To(MatchError(ContainSubstring("max_procs: must not be negative")))
		Expect(config.Decode([]byte(`{"memory_limit_mib": -5}`), &withRuntime{})).To(MatchError(ContainSubstring("memory_limit_mib: must not be negative")))
	})
})
