package udpforwarder_test

import (
	"encoding/json"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/mtls"
	"loggregator/internal/udpforwarder"
)

var _ = leakcheck.EverySpec()

// validConfig is the defaults with the certificate paths set.
func validConfig() *udpforwarder.Config {
	cfg := udpforwarder.DefaultConfig()
	cfg.Agent.TLS = mtls.Files{CA: "ca.crt", Cert: "c.crt", Key: "c.key"}
	return cfg
}

var _ = Describe("Config", func() {
	It("accepts the defaults once the agent certificates are set", func() {
		Expect(validConfig().Validate()).To(Succeed())
		cfg := udpforwarder.DefaultConfig()
		Expect(cfg.UDP.Addr).To(Equal("127.0.0.1:3457"))
		Expect(cfg.Agent.Targets[0].Addr).To(Equal("127.0.0.1:3458"))
		Expect(cfg.Agent.ServerName).To(Equal("metron"))
		Expect(cfg.Metrics.Addr).To(Equal("127.0.0.1:14829"))
	})

	DescribeTable("names the bad field",
		func(change func(*udpforwarder.Config), field string) {
			cfg := validConfig()
			change(cfg)
			Expect(cfg.Validate()).To(MatchError(ContainSubstring(field)))
		},
		Entry("udp address", func(c *udpforwarder.Config) { c.UDP.Addr = "nope" }, "udp.addr"),
		Entry("receive buffer", func(c *udpforwarder.Config) { c.UDP.ReceiveBufferBytes = -1 }, "udp.receive_buffer_bytes"),
		Entry("diode size", func(c *udpforwarder.Config) { c.UDP.BufferSize = 0 }, "udp.buffer_size"),
		Entry("byte budget", func(c *udpforwarder.Config) { c.UDP.BufferBytes = 1000 }, "udp.buffer_bytes"),
		Entry("batch size", func(c *udpforwarder.Config) { c.Batch.Size = 0 }, "batch.size"),
		Entry("flush interval", func(c *udpforwarder.Config) { c.Batch.FlushInterval = 0 }, "batch.flush_interval"),
		Entry("linger", func(c *udpforwarder.Config) { c.Batch.Linger = -1 }, "batch.linger"),
		Entry("shutdown timeout", func(c *udpforwarder.Config) { c.ShutdownTimeout = 0 }, "shutdown_timeout"),
		Entry("agent certificates", func(c *udpforwarder.Config) { c.Agent.TLS = mtls.Files{} }, "agent.tls"),
		Entry("agent address", func(c *udpforwarder.Config) { c.Agent.Targets = nil }, "agent.targets"),
		Entry("metrics address", func(c *udpforwarder.Config) { c.Metrics.Addr = "x" }, "metrics.addr"),
	)

	It("rejects unknown fields when loaded", func() {
		path := filepath.Join(GinkgoT().TempDir(), "udp-forwarder.json")
		data, err := json.Marshal(map[string]any{"udp": map[string]any{"receive_buffer": 1}})
		Expect(err).NotTo(HaveOccurred())
		Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
		Expect(config.Load(path, udpforwarder.DefaultConfig())).To(MatchError(ContainSubstring("receive_buffer")))
	})
})

var _ = Describe("Kernel counters", func() {
	It("reads Udp RcvbufErrors from /proc/net/snmp and a socket's drops from /proc/net/udp", func() {
		dir := GinkgoT().TempDir()
		snmp := filepath.Join(dir, "snmp")
		Expect(os.WriteFile(snmp, []byte("Ip: Forwarding DefaultTTL\nIp: 1 64\n"+
			"Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors\n"+
			"Udp: 100 0 7 90 42 0\n"+
			"UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors\nUdpLite: 0 0 0 0 9 0\n"), 0o600)).To(Succeed())
		udp := filepath.Join(dir, "udp")
		Expect(os.WriteFile(udp, []byte(
			"   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"+
				"  1: 0100007F:0D81 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 0000000000000000 17\n"+
				"  2: 0100007F:0D82 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4343 2 0000000000000000 5\n"), 0o600)).To(Succeed())
		DeferCleanup(udpforwarder.UseProc(snmp, udp))

		n, err := udpforwarder.RcvbufErrors()
		Expect(err).NotTo(HaveOccurred())
		Expect(n).To(Equal(uint64(42)))
		d, err := udpforwarder.SocketDrops("4343")
		Expect(err).NotTo(HaveOccurred())
		Expect(d).To(Equal(uint64(5)))
		_, err = udpforwarder.SocketDrops("1")
		Expect(err).To(HaveOccurred())
	})
})
