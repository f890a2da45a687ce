package topology

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
)

var _ = Describe("ParseManifest", func() {
	It("reads certificates, jobs, properties and links", func() {
		m, err := ParseManifest([]byte(`
certificates: {doppler: doppler}
jobs:
- name: doppler-0
  job: doppler
  binary: router
  config: config/router.json
  wait_for: 127.0.0.1:8082
  endpoints: {router: 127.0.0.1:8082}
  properties: {doppler: {grpc_port: 8082}}
  links:
    loggregator:
      instances: [{name: doppler, index: 0, address: 127.0.0.1}]
`))
		Expect(err).NotTo(HaveOccurred())
		Expect(m.Certificates).To(Equal(map[string]string{"doppler": "doppler"}))
		Expect(m.Jobs).To(HaveLen(1))
		j := m.Jobs[0]
		Expect(j.JobDir()).To(Equal("doppler"))
		Expect(j.Properties).To(HaveKeyWithValue("doppler", boshtemplate.Map{{Key: "grpc_port", Value: 8082}}))
		Expect(j.Links["loggregator"].Instances[0].Address).To(Equal("127.0.0.1"))
	})

	It("defaults a job's directory to its name", func() {
		m, err := ParseManifest([]byte("jobs: [{name: doppler, binary: router, config: c.json}]"))
		Expect(err).NotTo(HaveOccurred())
		Expect(m.Jobs[0].JobDir()).To(Equal("doppler"))
	})

	It("names a job that lacks its name, binary or config", func() {
		for _, job := range []string{
			"{binary: router, config: c.json}",
			"{name: doppler, config: c.json}",
			"{name: doppler, binary: router}",
		} {
			_, err := ParseManifest([]byte("jobs: [{name: ok, binary: b, config: c}, " + job + "]"))
			Expect(err).To(MatchError(ContainSubstring("jobs[1] needs name, binary and config")), job)
		}
	})

	It("refuses a name used twice", func() {
		_, err := ParseManifest([]byte("jobs: [{name: a, binary: b, config: c}, {name: a, binary: b, config: c}]"))
		Expect(err).To(MatchError(ContainSubstring(`jobs[1]: name "a" is used twice`)))
	})

	It("refuses unknown fields, naming them", func() {
		_, err := ParseManifest([]byte("jobs: [{name: a, binary: b, config: c, wait: 127.0.0.1:1}]"))
		Expect(err).To(MatchError(ContainSubstring("field wait not found")))
		_, err = ParseManifest([]byte("certificate: {a: b}"))
		Expect(err).To(MatchError(ContainSubstring("field certificate not found")))
	})

	It("refuses a document that is not a manifest", func() {
		_, err := ParseManifest([]byte("- just\n- a list\n"))
		Expect(err).To(MatchError(ContainSubstring("parse manifest")))
	})

	It("names the file it could not load", func() {
		path := filepath.Join(GinkgoT().TempDir(), "m.yml")
		Expect(os.WriteFile(path, []byte("jobs: [{name: a}]"), 0o600)).To(Succeed())
		_, err := LoadManifest(path)
		Expect(err).To(MatchError(ContainSubstring(path + ": jobs[0] needs name")))
		_, err = LoadManifest(filepath.Join(GinkgoT().TempDir(), "missing.yml"))
		Expect(err).To(MatchError(ContainSubstring("missing.yml")))
	})
})

var _ = Describe("interpolate", func() {
	vars := map[string]string{"doppler.certificate": "CERT", "loggregator_ca.certificate": "CA"}

	It("replaces whole-value variables and references inside strings in nested maps and lists, and leaves everything else", func() {
		out, err := interpolate(map[string]any{
			"loggregator": map[string]any{"tls": map[string]any{
				"ca_cert": "((loggregator_ca.certificate))",
				"doppler": map[string]any{"cert": "((doppler.certificate))"},
			}},
			"certs":  []any{"((doppler.certificate))", "plain", 3},
			"port":   8082,
			"inline": "prefix ((doppler.certificate))",
		}, vars)
		Expect(err).NotTo(HaveOccurred())
		Expect(out).To(Equal(map[string]any{
			"loggregator": map[string]any{"tls": map[string]any{
				"ca_cert": "CA",
				"doppler": map[string]any{"cert": "CERT"},
			}},
			"certs":  []any{"CERT", "plain", 3},
			"port":   8082,
			"inline": "prefix CERT",
		}))
	})

	It("names an unknown variable, whole or inside a string", func() {
		_, err := interpolate(map[string]any{"a": []any{"((nope.certificate))"}}, vars)
		Expect(err).To(MatchError("unknown variable ((nope.certificate))"))
		_, err = interpolate(map[string]any{"glob": "((work)) /jobs"}, vars)
		Expect(err).To(MatchError("unknown variable ((work))"))
	})
})

var _ = Describe("MakeCerts", func() {
	It("writes a CA, every leaf and a client identity, and fills the variables", func() {
		dir := GinkgoT().TempDir()
		c, err := MakeCerts(dir, map[string]string{"doppler": "doppler"})
		Expect(err).NotTo(HaveOccurred())
		for _, f := range []string{"ca.crt", "doppler.crt", "doppler.key", "client.crt", "client.key"} {
			Expect(filepath.Join(dir, f)).To(BeAnExistingFile())
		}
		Expect(c.CA).To(Equal(filepath.Join(dir, "ca.crt")))
		Expect(c.ClientCert).To(Equal(filepath.Join(dir, "client.crt")))
		Expect(c.ClientKey).To(Equal(filepath.Join(dir, "client.key")))
		Expect(c.Vars).To(HaveKey("loggregator_ca.certificate"))
		Expect(c.Vars["doppler.ca"]).To(Equal(c.Vars["loggregator_ca.certificate"]))
		Expect(c.Vars["doppler.certificate"]).To(HavePrefix("-----BEGIN CERTIFICATE-----"))
		Expect(c.Vars["doppler.private_key"]).To(ContainSubstring("PRIVATE KEY"))
		Expect(c.Vars).To(HaveKey("client.certificate"))
	})
})
