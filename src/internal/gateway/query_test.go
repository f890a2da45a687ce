package gateway

import (
	"fmt"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

var _ = Describe("parseQuery", func() {
	parse := func(raw string) ([]string, *apiError) {
		query, apiErr := parseQuery(raw, 100)
		if apiErr != nil {
			return nil, apiErr
		}
		var out []string
		for _, s := range query.req.GetSelectors() {
			kind := ""
			switch {
			case s.GetLog() != nil:
				kind = "log"
			case s.GetCounter() != nil:
				kind = "counter=" + s.GetCounter().GetName()
			case s.GetGauge() != nil:
				kind = "gauge=" + joinNames(s.GetGauge().GetNames())
			case s.GetTimer() != nil:
				kind = "timer"
			case s.GetEvent() != nil:
				kind = "event"
			}
			out = append(out, s.GetSourceId()+":"+kind)
		}
		return out, nil
	}

	It("makes one selector per source id and type", func() {
		Expect(parse("source_id=a&source_id=b&log&timer")).To(Equal([]string{"a:log", "a:timer", "b:log", "b:timer"}))
	})

	It("selects every source when no source id is named", func() {
		Expect(parse("event")).To(Equal([]string{":event"}))
	})

	It("lets counter.name and gauge.name imply their type, with comma-separated gauge names", func() {
		Expect(parse("counter.name=a&counter.name=b&gauge.name=x,y")).To(Equal([]string{":counter=a", ":counter=b", ":gauge=x,y"}))
	})

	It("prefers named counters over all counters when both are asked for, as Cloud Foundry's clients send", func() {
		Expect(parse("counter&counter.name=a")).To(Equal([]string{":counter=a"}))
	})

	It("refuses a query without an envelope type", func() {
		_, err := parse("source_id=a&shard_id=s")
		Expect(err).To(Equal(errMissingType))
	})

	It("refuses empty names", func() {
		_, err := parse("counter.name=")
		Expect(err).To(Equal(errEmptyCounterName))
		_, err = parse("gauge.name=")
		Expect(err).To(Equal(errEmptyGaugeName))
	})

	It("carries shard id and deterministic name and always asks for preferred tags", func() {
		query, _ := parseQuery("log&shard_id=s&deterministic_name=d", 100)
		Expect(query.req.GetShardId()).To(Equal("s"))
		Expect(query.req.GetDeterministicName()).To(Equal("d"))
		Expect(query.req.GetUsePreferredTags()).To(BeTrue())
	})

	DescribeTable("refuses a malformed query with 400, naming the parameter",
		func(raw, message string) {
			_, err := parse(raw)
			Expect(err).NotTo(BeNil())
			Expect(err.Status).To(Equal(400))
			Expect(err.Message).To(ContainSubstring(message))
		},
		Entry("a bad escape in a value", "log&source_id=%zz", `query: invalid URL escape "%zz"`),
		Entry("a bad escape in a key", "log&%%%%", "query: invalid URL escape"),
		Entry("a gauge name list with empty names", "gauge.name=,,,", `gauge.name: ",,," has an empty name`),
		Entry("an empty gauge name beside a good one", "gauge.name=cpu,", "gauge.name:"),
		Entry("an empty source id", "log&source_id=", "source_id: needs a value"),
		Entry("a 60 KB source id", "log&source_id="+strings.Repeat("a", 60<<10), "source_id: a value is 61440 bytes long; at most 1024"),
		Entry("an oversized counter name", "counter.name="+strings.Repeat("c", 2000), "counter.name: a value is 2000 bytes"),
		Entry("an oversized shard id", "log&shard_id="+strings.Repeat("s", 2000), "shard_id: a value is 2000 bytes"),
	)

	It("caps the selectors of one request", func() {
		var raw strings.Builder
		raw.WriteString("log&event")
		for i := range 51 {
			fmt.Fprintf(&raw, "&source_id=app-%d", i)
		}
		_, err := parse(raw.String())
		Expect(err).NotTo(BeNil())
		Expect(err.Message).To(Equal("source_id: 51 source ids × 2 envelope types make 102 selectors; at most 100 are allowed per stream"))

		_, err = parse(strings.Repeat("counter.name=x&", 101))
		Expect(err).NotTo(BeNil())
		Expect(err.Message).To(ContainSubstring("make 101 selectors"))
	})

	It("counts a repeated source id once, so 1,000 copies of one id make one selector", func() {
		query, err := parseQuery("log"+strings.Repeat("&source_id=a", 1000), 100)
		Expect(err).To(BeNil())
		Expect(query.sourceIDs).To(Equal([]string{"a"}))
		Expect(query.req.GetSelectors()).To(HaveLen(1))
	})
})

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ","
		}
		out += n
	}
	return out
}
