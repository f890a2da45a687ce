package syslog_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/syslog"
	"loggregator/internal/wire"
)

var _ = Describe("ParseURL", func() {
	DescribeTable("picks the kinds a drain receives from its query",
		func(query string, want syslog.Kinds) {
			u, err := syslog.ParseURL("syslog://drain.example.com:514/"+query, true)
			Expect(err).NotTo(HaveOccurred())
			Expect(u.Kinds).To(Equal(want))
		},
		Entry("no parameter: logs and events", "", syslog.KindsDefault),
		Entry("drain-data=logs: logs and events", "?drain-data=logs", syslog.KindsDefault),
		Entry("drain-type=logs: logs", "?drain-type=logs", syslog.KindsLogs),
		Entry("drain-type=metrics: counters and gauges", "?drain-type=metrics", syslog.KindsMetrics),
		Entry("drain-data=metrics: counters and gauges", "?drain-data=metrics", syslog.KindsMetrics),
		Entry("drain-type=all: logs, counters and gauges", "?drain-type=all", syslog.KindsTypeAll),
		Entry("drain-data=traces: timers", "?drain-data=traces", syslog.KindsTraces),
		Entry("drain-data=all: everything", "?drain-data=all", syslog.KindsAll),
		Entry("include-metrics-deprecated=true: everything", "?include-metrics-deprecated=true", syslog.KindsAll),
	)

	It("says which kinds a set holds", func() {
		Expect(syslog.KindsTypeAll.Has(wire.KindGauge)).To(BeTrue())
		Expect(syslog.KindsTypeAll.Has(wire.KindEvent)).To(BeFalse())
		Expect(syslog.KindsDefault.Has(wire.KindEvent)).To(BeTrue())
	})

	It("omits tags when the URL or the job's default says so", func() {
		for raw, want := range map[string]bool{
			"syslog://h:1":                        false,
			"syslog://h:1?disable-metadata=true":  true,
			"syslog://h:1?omit-metadata=true":     true,
			"syslog://h:1?disable-metadata=false": false,
		} {
			u, err := syslog.ParseURL(raw, true)
			Expect(err).NotTo(HaveOccurred())
			Expect(u.OmitTags).To(Equal(want), raw)
		}
		u, err := syslog.ParseURL("syslog://h:1", false)
		Expect(err).NotTo(HaveOccurred())
		Expect(u.OmitTags).To(BeTrue())
		u, err = syslog.ParseURL("syslog://h:1?disable-metadata=false", false)
		Expect(err).NotTo(HaveOccurred())
		Expect(u.OmitTags).To(BeFalse())
	})

	It("anonymises the URL and decodes the user info of an https drain", func() {
		u, err := syslog.ParseURL("https-batch://us%40r:p%3Ass@logs.example.com/path/x?token=secret&drain-type=all", true)
		Expect(err).NotTo(HaveOccurred())
		Expect(u.Scheme).To(Equal(syslog.SchemeHTTPSBatch))
		Expect(u.Anonymous).To(Equal("https-batch://logs.example.com:443/path/x"))
		Expect(u.HTTPS).To(Equal("https://logs.example.com/path/x?token=secret&drain-type=all"))
		Expect([]any{u.HasUser, u.User, u.Password}).To(Equal([]any{true, "us@r", "p:ss"}))
		Expect(u.Kinds).To(Equal(syslog.KindsTypeAll))
	})

	It("gives each scheme its default port", func() {
		for raw, addr := range map[string]string{
			"syslog://h": "h:514", "syslog-tls://h": "h:6514", "https://h": "h:443", "syslog://[::1]:99": "[::1]:99",
		} {
			u, err := syslog.ParseURL(raw, true)
			Expect(err).NotTo(HaveOccurred())
			Expect(u.Addr).To(Equal(addr))
		}
	})

	It("refuses bad URLs without repeating their credentials", func() {
		for _, raw := range []string{
			"http://u:secret@h:1", "syslog://", "syslog://u:secret@h:99999", "syslog://h:1?drain-type=bogus",
			"syslog://h:1?drain-data=bogus", "syslog://h:1?disable-metadata=maybe", "::", "syslog://h:1?include-metrics-deprecated=x",
		} {
			_, err := syslog.ParseURL(raw, true)
			Expect(err).To(MatchError(syslog.ErrInvalidURL), raw)
			Expect(err.Error()).NotTo(ContainSubstring("secret"))
		}
	})
})
