package e2e_test

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/binding"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/mtls"
	"loggregator/tools/topology"
)

// bindingCacheManifest runs the loggr-syslog-binding-cache job as a Cloud
// Foundry deployment configures it, pointed at a Cloud Controller stand-in
// whose URL becomes the variable ((cc_url)) once it runs.
const bindingCacheManifest = `
certificates:
  binding_cache: binding-cache
  binding_cache_api: binding-cache-api
  cc: cloud-controller-ng.service.cf.internal
  syslog_agent: syslog-agent

jobs:
- name: loggr-syslog-binding-cache
  binary: binding-cache
  config: config/binding-cache.json
  wait_for: 127.0.0.1:%[1]d
  properties:
    external_port: %[1]d
    aggregate_drains: "syslog-tls://aggregate.example.com:6514,https://aggregate.example.com/logs"
    tls:
      ca_cert: ((loggregator_ca.certificate))
      cert: ((binding_cache.certificate))
      key: ((binding_cache.private_key))
      cn: binding-cache
    api:
      override_url: ((cc_url))
      polling_interval: 1s
      batch_size: 1000
      tls:
        ca_cert: ((loggregator_ca.certificate))
        cert: ((binding_cache_api.certificate))
        key: ((binding_cache_api.private_key))
        cn: cloud-controller-ng.service.cf.internal
    metrics:
      port: %[2]d
  links:
    cloud_controller:
      address: cloud-controller-ng.service.cf.internal
`

var _ = Describe("Binding cache path", func() {
	It("renders the job, reads every page of Cloud Controller and serves the drains and the aggregate drains to a syslog agent", func() {
		bin := binDir

		port, metricsPort := bindingCacheFreePort(), bindingCacheFreePort()
		m, err := topology.ParseManifest(fmt.Appendf(nil, bindingCacheManifest, port, metricsPort))
		Expect(err).NotTo(HaveOccurred())
		work := GinkgoT().TempDir()
		sys, err := topology.New(repo, bin, work, m)
		Expect(err).NotTo(HaveOccurred())
		sys.Progress = GinkgoWriter
		certFiles := func(name string) mtls.Files {
			dir := filepath.Join(work, "certs")
			return mtls.Files{CA: sys.Certs.CA, Cert: filepath.Join(dir, name+".crt"), Key: filepath.Join(dir, name+".key")}
		}

		cc, err := cfauthtest.NewSyslogDrains(certFiles("cc"))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(cc.Close)
		var drains []cfauthtest.DrainBinding
		for i := range 2500 {
			drains = append(drains, cfauthtest.DrainBinding{
				URL: fmt.Sprintf("syslog://drain-%04d.example.com:514", i), AppID: fmt.Sprintf("app-%04d", i), Hostname: "org.space.app",
			})
		}
		cc.SetBindings(drains)
		sys.Certs.Vars["cc_url"] = cc.URL()

		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		DeferCleanup(sys.Stop)
		if err := sys.Start(ctx); err != nil {
			Fail(fmt.Sprintf("start the binding cache: %v\n%s", err, logs(sys)))
		}

		tlsCfg, err := mtls.Client(certFiles("syslog_agent"), "binding-cache", nil)
		Expect(err).NotTo(HaveOccurred())
		client := binding.NewClient(fmt.Sprintf("https://127.0.0.1:%d", port), tlsCfg)
		DeferCleanup(client.Close)

		Eventually(func(g Gomega) int {
			bs, err := client.Bindings(context.Background())
			g.Expect(err).NotTo(HaveOccurred())
			return len(bs)
		}).Should(Equal(2500))
		Expect(cc.Requests()).To(ContainElements(
			cfauthtest.DrainsRequest{BatchSize: 1000, NextID: 0},
			cfauthtest.DrainsRequest{BatchSize: 1000, NextID: 2000},
			cfauthtest.DrainsRequest{BatchSize: 1000, NextID: 3000},
		))
		agg, err := client.Aggregate(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(agg).To(HaveLen(2))
		Expect(agg[0].URL).To(Equal("syslog-tls://aggregate.example.com:6514"))
	})
})

// bindingCacheFreePort is a loopback port nothing listens on now.
func bindingCacheFreePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
