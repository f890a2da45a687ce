package syslog_test

import (
	"fmt"
	"math"
	"strings"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/influxdata/go-syslog/v3/rfc5424"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/syslog"
)

// at is 2026-11-30T07:44:13.123456789Z, truncated to .123456 in messages.
var at = time.Date(2026, 11, 30, 7, 44, 13, 123456789, time.UTC).UnixNano()

func encode(e *loggregator_v2.Envelope) []byte {
	b, err := proto.Marshal(e)
	Expect(err).NotTo(HaveOccurred())
	return b
}

func logEnvelope(text string, typ loggregator_v2.Log_Type, tags map[string]string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		Timestamp: at, SourceId: "app-guid", InstanceId: "3", Tags: tags,
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(text), Type: typ}},
	}
}

func format(e *loggregator_v2.Envelope, opts syslog.Options) []string {
	var f syslog.Formatter
	msgs, err := f.Format(encode(e), opts)
	Expect(err).NotTo(HaveOccurred())
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = string(m)
	}
	return out
}

// parse checks that m is a valid RFC 5424 message to a real parser.
func parse(m string) *rfc5424.SyslogMessage {
	msg, err := rfc5424.NewMachine().Parse([]byte(m))
	ExpectWithOffset(1, err).NotTo(HaveOccurred(), m)
	return msg.(*rfc5424.SyslogMessage)
}

var _ = Describe("Formatter", func() {
	It("writes a log as Cloud Foundry does, with the tags sorted and one newline", func() {
		e := logEnvelope("hello wörld", loggregator_v2.Log_OUT, map[string]string{"source_type": "app/proc", "b": "2", "a": "1"})
		Expect(format(e, syslog.Options{Hostname: "org.space.app"})).To(Equal([]string{
			`<14>1 2026-11-30T07:44:13.123456+00:00 org.space.app app-guid [APP/PROC/3] - [tags@47450 a="1" b="2" source_type="app/proc"] hello wörld` + "\n",
		}))
		m := parse(format(e, syslog.Options{Hostname: "org.space.app"})[0])
		Expect(*m.Priority).To(BeEquivalentTo(14))
		Expect(m.Version).To(BeEquivalentTo(1))
		Expect(m.Timestamp.UnixNano()).To(Equal(at / 1000 * 1000))
		Expect(*m.Hostname).To(Equal("org.space.app"))
		Expect(*m.Appname).To(Equal("app-guid"))
		Expect(*m.ProcID).To(Equal("[APP/PROC/3]"))
		Expect(m.MsgID).To(BeNil())
		Expect(*m.StructuredData).To(Equal(map[string]map[string]string{"tags@47450": {"a": "1", "b": "2", "source_type": "app/proc"}}))
		Expect(*m.Message).To(Equal("hello wörld\n"))
	})

	It("gives errors priority 11 and an unknown log type 14", func() {
		Expect(format(logEnvelope("x", loggregator_v2.Log_ERR, nil), syslog.Options{})[0]).To(HavePrefix("<11>1 "))
		Expect(format(logEnvelope("x", loggregator_v2.Log_Type(7), nil), syslog.Options{})[0]).To(HavePrefix("<14>1 "))
	})

	It("adds a newline only when the text lacks one, removes NULs and keeps inner newlines", func() {
		Expect(format(logEnvelope("a\nb\n", 0, nil), syslog.Options{})[0]).To(HaveSuffix("- - a\nb\n"))
		Expect(format(logEnvelope("a\x00b\x00", 0, nil), syslog.Options{})[0]).To(HaveSuffix("- - ab\n"))
		Expect(format(logEnvelope("", 0, nil), syslog.Options{})[0]).To(HaveSuffix("- - \n"))
	})

	It("passes a payload that is not UTF-8 on byte for byte, as MSG-ANY", func() {
		Expect(format(logEnvelope("00\x80\xff", 0, nil), syslog.Options{})[0]).To(HaveSuffix("- - 00\x80\xff\n"))
	})

	It("writes the timestamp with +00:00, microseconds at most and no trailing zeros", func() {
		stamp := func(ns int64) string {
			e := logEnvelope("x", 0, nil)
			e.Timestamp = ns
			return format(e, syslog.Options{})[0]
		}
		base := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).UnixNano()
		Expect(stamp(base)).To(HavePrefix("<14>1 2026-01-02T03:04:05+00:00 - "))
		Expect(stamp(base + 120_000_000)).To(HavePrefix("<14>1 2026-01-02T03:04:05.12+00:00 - "))
		Expect(stamp(base + 999)).To(HavePrefix("<14>1 2026-01-02T03:04:05+00:00 - "))
		Expect(stamp(base + 1_999)).To(HavePrefix("<14>1 2026-01-02T03:04:05.000001+00:00 - "))
		Expect(stamp(base + 100_000_000)).To(HavePrefix("<14>1 2026-01-02T03:04:05.1+00:00 - "))
		Expect(stamp(base + 999_999_999)).To(HavePrefix("<14>1 2026-01-02T03:04:05.999999+00:00 - "))
		Expect(stamp(time.Date(1999, 12, 31, 23, 59, 59, 10_000, time.UTC).UnixNano())).To(HavePrefix("<14>1 1999-12-31T23:59:59.00001+00:00 - "))
		Expect(stamp(0)).To(HavePrefix("<14>1 1970-01-01T00:00:00+00:00 - "))
	})

	It("derives the hostname from the org, space and app tags, cleaned", func() {
		e := logEnvelope("x", 0, map[string]string{"organization_name": "My Org!", "space_name": "dev  space", "app_name": "café app--"})
		Expect(parse(format(e, syslog.Options{})[0]).Hostname).To(HaveValue(Equal("My-Org.dev-space.caf-app")))
		Expect(parse(format(e, syslog.Options{OmitTags: true})[0]).Hostname).To(HaveValue(Equal("My-Org.dev-space.caf-app")))
		long := logEnvelope("x", 0, map[string]string{"app_name": string(make([]byte, 0)) + "a234567890123456789012345678901234567890123456789012345678901234567890"})
		Expect(format(long, syslog.Options{})[0]).To(ContainSubstring(" ..a23456789012345678901234567890123456789012345678901234567890123 "))
		Expect(format(logEnvelope("x", 0, nil), syslog.Options{})[0]).To(HavePrefix("<14>1 2026-11-30T07:44:13.123456+00:00 - app-guid "))
	})

	It("names the app by source id, else by origin, else -", func() {
		e := logEnvelope("x", 0, map[string]string{"origin": "gorouter"})
		e.SourceId = ""
		Expect(parse(format(e, syslog.Options{})[0]).Appname).To(HaveValue(Equal("gorouter")))
		e.Tags = nil
		Expect(parse(format(e, syslog.Options{})[0]).Appname).To(BeNil())
		e.SourceId = "0123456789012345678901234567890123456789012345678901234567890"
		Expect(parse(format(e, syslog.Options{})[0]).Appname).To(HaveValue(Equal(e.SourceId[:48])))
	})

	It("writes the process id from source type and instance", func() {
		procID := func(sourceType, instance string) string {
			e := logEnvelope("x", 0, nil)
			if sourceType != "" {
				e.Tags = map[string]string{"source_type": sourceType}
			}
			e.InstanceId = instance
			return format(e, syslog.Options{OmitTags: true})[0]
		}
		Expect(procID("api", "")).To(ContainSubstring(" app-guid [API] - - x\n"))
		Expect(procID("", "0")).To(ContainSubstring(" app-guid [/0] - - x\n"))
		Expect(procID("", "")).To(ContainSubstring(" app-guid [] - - x\n"))
		Expect(procID("app web", "1")).To(ContainSubstring(" app-guid [APP-WEB/1] - - x\n"))
	})

	It("escapes quote, backslash and bracket in values and leaves out tags when asked", func() {
		e := logEnvelope("x", 0, map[string]string{"k": `a"b\c]d[e`})
		m := format(e, syslog.Options{})[0]
		Expect(m).To(ContainSubstring(`[tags@47450 k="a\"b\\c\]d[e"] x` + "\n"))
		Expect(parse(m).StructuredData).To(HaveValue(Equal(map[string]map[string]string{"tags@47450": {"k": `a"b\c]d[e`}})))
		Expect(format(e, syslog.Options{OmitTags: true})[0]).To(HaveSuffix(" [/3] - - x\n"))
	})

	It("writes a counter with its block before the tags and an empty message", func() {
		e := &loggregator_v2.Envelope{Timestamp: at, SourceId: "doppler", InstanceId: "2", Tags: map[string]string{"job": "router"},
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "ingress", Delta: 5, Total: 120}}}
		m := format(e, syslog.Options{})
		Expect(m).To(Equal([]string{`<14>1 2026-11-30T07:44:13.123456+00:00 - doppler [2] - [counter@47450 name="ingress" total="120" delta="5"][tags@47450 job="router"] ` + "\n"}))
		p := parse(m[0])
		Expect(*p.StructuredData).To(HaveKeyWithValue("counter@47450", map[string]string{"name": "ingress", "total": "120", "delta": "5"}))
	})

	It("writes one message per gauge metric, sorted by name, values as Go writes them", func() {
		e := &loggregator_v2.Envelope{Timestamp: at, SourceId: "cell", InstanceId: "0",
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"mem": {Unit: "bytes", Value: 123456789}, "cpu": {Unit: "percentage", Value: math.NaN()},
				"inf": {Unit: "", Value: math.Inf(1)}, "neg": {Unit: "x", Value: math.Copysign(0, -1)},
				"small": {Unit: "s", Value: 0.25},
			}}}}
		head := `<14>1 2026-11-30T07:44:13.123456+00:00 - cell [0] - `
		Expect(format(e, syslog.Options{})).To(Equal([]string{
			head + `[gauge@47450 name="cpu" value="NaN" unit="percentage"] ` + "\n",
			head + `[gauge@47450 name="inf" value="+Inf" unit=""] ` + "\n",
			head + `[gauge@47450 name="mem" value="1.23456789e+08" unit="bytes"] ` + "\n",
			head + `[gauge@47450 name="neg" value="-0" unit="x"] ` + "\n",
			head + `[gauge@47450 name="small" value="0.25" unit="s"] ` + "\n",
		}))
		for _, m := range format(e, syslog.Options{}) {
			parse(m)
		}
	})

	It("writes timers and events", func() {
		timer := &loggregator_v2.Envelope{Timestamp: at, SourceId: "gorouter", InstanceId: "1",
			Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 10, Stop: 25}}}
		Expect(format(timer, syslog.Options{})).To(Equal([]string{`<14>1 2026-11-30T07:44:13.123456+00:00 - gorouter [1] - [timer@47450 name="http" start="10" stop="25"] ` + "\n"}))
		event := &loggregator_v2.Envelope{Timestamp: at, SourceId: "cc", Tags: map[string]string{"a": "b"},
			Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "crash", Body: `exit "1"`}}}
		m := format(event, syslog.Options{})
		Expect(m).To(Equal([]string{`<14>1 2026-11-30T07:44:13.123456+00:00 - cc [] - [event@47450 title="crash" body="exit \"1\""][tags@47450 a="b"] ` + "\n"}))
		Expect(*parse(m[0]).StructuredData).To(HaveKeyWithValue("event@47450", map[string]string{"title": "crash", "body": `exit "1"`}))
	})

	It("refuses an envelope whose tag key cannot be a parameter name, and a malformed one", func() {
		var f syslog.Formatter
		_, err := f.Format(encode(logEnvelope("x", 0, map[string]string{"bad key": "v"})), syslog.Options{})
		Expect(err).To(MatchError(syslog.ErrInvalidEnvelope))
		_, err = f.Format([]byte{0x12, 0x40, 'a'}, syslog.Options{})
		Expect(err).To(MatchError(syslog.ErrInvalidEnvelope))
	})

	It("reads tags in any layout protobuf accepts as it reads them as encoders write them, the last of equal keys winning", func() {
		long := strings.Repeat("v", 200) // a two-byte length
		want := format(logEnvelope("x", 0, map[string]string{"a": "1", "b": long, "c": "", "d": "4", "source_type": "APP"}), syslog.Options{})
		entry := func(fields ...func([]byte) []byte) []byte {
			var b []byte
			for _, f := range fields {
				b = f(b)
			}
			return b
		}
		str := func(num protowire.Number, s string) func([]byte) []byte {
			return func(b []byte) []byte {
				return protowire.AppendString(protowire.AppendTag(b, num, protowire.BytesType), s)
			}
		}
		unknown := func(b []byte) []byte {
			return protowire.AppendVarint(protowire.AppendTag(b, 7, protowire.VarintType), 1)
		}
		env := protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.VarintType), uint64(at))
		env = protowire.AppendString(protowire.AppendTag(env, 2, protowire.BytesType), "app-guid")
		env = protowire.AppendString(protowire.AppendTag(env, 8, protowire.BytesType), "3")
		for _, e := range [][]byte{
			entry(str(1, "d"), str(2, "stale")),                  // replaced by the later "d"
			entry(str(2, "1"), str(1, "a")),                      // value before key
			entry(str(1, "b"), str(2, long)),                     // a length of 128 or more
			entry(str(1, "c")),                                   // no value
			entry(str(1, "source_type"), str(2, "APP"), unknown), // an unknown field after
			entry(str(1, "d"), str(2, "4")),
		} {
			env = protowire.AppendBytes(protowire.AppendTag(env, 9, protowire.BytesType), e)
		}
		log := protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), []byte("x"))
		env = protowire.AppendBytes(protowire.AppendTag(env, 4, protowire.BytesType), log)
		Expect(proto.Unmarshal(env, &loggregator_v2.Envelope{})).To(Succeed())

		var f syslog.Formatter
		msgs, err := f.Format(env, syslog.Options{})
		Expect(err).NotTo(HaveOccurred())
		Expect(msgs).To(HaveLen(1))
		Expect(string(msgs[0])).To(Equal(want[0]))

		// More tags than the insertion sort takes: the same order and winner.
		many := map[string]string{}
		for i := range 40 {
			many[fmt.Sprintf("k%02d", 39-i)] = fmt.Sprint(i)
		}
		env = encode(logEnvelope("x", 0, many))
		env = protowire.AppendBytes(protowire.AppendTag(env, 9, protowire.BytesType), entry(str(1, "k07"), str(2, "last")))
		msgs, err = f.Format(env, syslog.Options{})
		Expect(err).NotTo(HaveOccurred())
		many["k07"] = "last"
		Expect(string(msgs[0])).To(Equal(format(logEnvelope("x", 0, many), syslog.Options{})[0]))
		Expect(string(msgs[0])).To(ContainSubstring(` k06="33" k07="last" k08="31"`))
	})

	It("writes nothing for an envelope without a message", func() {
		Expect(format(&loggregator_v2.Envelope{SourceId: "x"}, syslog.Options{})).To(BeEmpty())
	})
})
