package gateway

import (
	"net/url"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

var _ = Describe("requestFromQuery", func() {
	parse := func(raw string) ([]string, *apiError) {
		q, err := url.ParseQuery(raw)
		Expect(err).NotTo(HaveOccurred())
		req, apiErr := requestFromQuery(q)
		if apiErr != nil {
			return nil, apiErr
		}
		var out []string
		for _, s := range req.GetSelectors() {
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
		q, _ := url.ParseQuery("log&shard_id=s&deterministic_name=d")
		req, _ := requestFromQuery(q)
		Expect(req.GetShardId()).To(Equal("s"))
		Expect(req.GetDeterministicName()).To(Equal("d"))
		Expect(req.GetUsePreferredTags()).To(BeTrue())
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
