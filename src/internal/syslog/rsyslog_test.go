package syslog_test

import (
	"context"
	"crypto/x509"
	"os"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/syslog"
	"loggregator/internal/syslog/syslogtest"
)

var _ = Describe("Drain to a real rsyslog", func() {
	var (
		ca     *certgen.CA
		files  certgen.Files
		client certgen.Pair
	)
	BeforeEach(func() {
		var err error
		ca, err = certgen.NewCA("drainCA")
		Expect(err).NotTo(HaveOccurred())
		fs, err := ca.WriteFiles(GinkgoT().TempDir(), "127.0.0.1")
		Expect(err).NotTo(HaveOccurred())
		files = fs["127.0.0.1"]
		client, err = ca.Leaf("app-binding", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
	})

	start := func(mode syslogtest.Mode) *syslogtest.Rsyslog {
		r, err := syslogtest.Start(GinkgoT().TempDir(), mode, files)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(r.Stop)
		return r
	}

	envelopes := func() []*loggregator_v2.Envelope {
		tags := map[string]string{"source_type": "APP/PROC/WEB", "quote": `say "hi" \ ]`}
		return []*loggregator_v2.Envelope{
			logEnvelope("line one\nline two", loggregator_v2.Log_OUT, tags),
			logEnvelope("stderr ünïcode", loggregator_v2.Log_ERR, nil),
			{Timestamp: at, SourceId: "app-guid", InstanceId: "1", Tags: tags,
				Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 2, Total: 42}}},
			{Timestamp: at, SourceId: "app-guid", InstanceId: "1",
				Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
					"memory": {Unit: "bytes", Value: 1.5e9}, "cpu": {Unit: "percentage", Value: 0.5}}}}},
			{Timestamp: at, SourceId: "app-guid", InstanceId: "1",
				Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 1, Stop: 2}}},
			{Timestamp: at, SourceId: "app-guid",
				Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "crashed", Body: "exit 1"}}},
		}
	}

	// expected is what the formatter makes of envelopes; rsyslog must have
	// received exactly these bytes and read these fields from them.
	expected := func(envs []*loggregator_v2.Envelope) []syslogtest.Message {
		var f syslog.Formatter
		var out []syslogtest.Message
		for _, e := range envs {
			msgs, err := f.Format(encode(e), syslog.Options{Hostname: "org.space.app"})
			Expect(err).NotTo(HaveOccurred())
			for _, m := range msgs {
				out = append(out, syslogtest.Message{Raw: string(m)})
			}
		}
		return out
	}

	deliver := func(raw string, creds syslog.Credentials, cfg syslog.Config, r *syslogtest.Rsyslog) []syslogtest.Message {
		d := newDrain(raw+"?drain-data=all", creds, cfg)
		envs := envelopes()
		batch := make([]syslog.Entry, len(envs))
		for i, e := range envs {
			batch[i] = syslog.Entry{Envelope: encode(e), Hostname: "org.space.app"}
		}
		Expect(d.Write(context.Background(), batch)).To(Succeed())
		want := expected(envs)
		Eventually(r.Messages).Should(HaveLen(len(want)))
		got, err := r.Messages()
		Expect(err).NotTo(HaveOccurred())
		for i := range want {
			Expect(got[i].Raw).To(Equal(want[i].Raw))
		}
		return got
	}

	checkFields := func(got []syslogtest.Message) {
		Expect(got).To(HaveLen(7))
		Expect(got[0]).To(Equal(syslogtest.Message{
			Raw: got[0].Raw, Pri: "14", Timestamp: "2026-11-30T07:44:13.123456+00:00", Hostname: "org.space.app",
			AppName: "app-guid", ProcID: "[APP/PROC/WEB/3]", MsgID: "-",
			SD:  `[tags@47450 quote="say \"hi\" \\ \]" source_type="APP/PROC/WEB"]`,
			Msg: "line one\nline two\n",
		}))
		Expect([]string{got[1].Pri, got[1].ProcID, got[1].SD, got[1].Msg}).To(Equal([]string{"11", "[/3]", "-", "stderr ünïcode\n"}))
		Expect([]string{got[2].Pri, got[2].ProcID, got[2].SD, got[2].Msg}).To(Equal([]string{"14", "[1]",
			`[counter@47450 name="requests" total="42" delta="2"][tags@47450 quote="say \"hi\" \\ \]" source_type="APP/PROC/WEB"]`, "\n"}))
		Expect(got[3].SD).To(Equal(`[gauge@47450 name="cpu" value="0.5" unit="percentage"]`))
		Expect(got[4].SD).To(Equal(`[gauge@47450 name="memory" value="1.5e+09" unit="bytes"]`))
		Expect(got[5].SD).To(Equal(`[timer@47450 name="http" start="1" stop="2"]`))
		Expect([]string{got[6].SD, got[6].ProcID}).To(Equal([]string{`[event@47450 title="crashed" body="exit 1"]`, "[]"}))
		for _, m := range got {
			Expect([]string{m.Timestamp, m.Hostname, m.AppName, m.MsgID}).To(Equal([]string{"2026-11-30T07:44:13.123456+00:00", "org.space.app", "app-guid", "-"}))
			parse(m.Raw)
		}
	}

	It("receives every kind over TCP, byte for byte, and reads every field as we wrote it", func() {
		r := start(syslogtest.TCP)
		checkFields(deliver("syslog://"+r.Addr, syslog.Credentials{}, quickConfig(), r))
	})

	It("receives over TLS, trusting the job's drain CA", func() {
		r := start(syslogtest.TLS)
		cfg := quickConfig()
		pem, err := os.ReadFile(files.CA)
		Expect(err).NotTo(HaveOccurred())
		cfg.RootCAs = x509.NewCertPool()
		Expect(cfg.RootCAs.AppendCertsFromPEM(pem)).To(BeTrue())
		checkFields(deliver("syslog-tls://"+r.Addr, syslog.Credentials{}, cfg, r))
	})

	It("receives over mutual TLS with the binding's certificate and CA, and refuses a drain without one", func() {
		r := start(syslogtest.MutualTLS)
		cfg := quickConfig()
		cfg.MaxAttempts = 1
		noCert := newDrain("syslog-tls://"+r.Addr, syslog.Credentials{CA: string(ca.CertPEM)}, cfg)
		Expect(noCert.Write(context.Background(), entries("refused"))).To(Succeed()) // TLS 1.3: the refusal comes after the write
		creds := syslog.Credentials{Cert: string(client.CertPEM), Key: string(client.KeyPEM), CA: string(ca.CertPEM)}
		checkFields(deliver("syslog-tls://"+r.Addr, creds, quickConfig(), r))
	})
})
