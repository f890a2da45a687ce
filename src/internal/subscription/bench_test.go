package subscription_test

import (
	"fmt"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/diode"
	"loggregator/internal/subscription"
)

// The routing path of the router: scan an encoded envelope, find the
// subscriptions that select it, and hand it to each one's diode. Run with
//
//	go test ./internal/subscription -run '^$' -bench . -benchmem -cpu 1
//
// envelopes/s counts envelopes routed; deliveries/s counts diode writes.

func benchEnvelope(src string, i int) []byte {
	b, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: 1700000000000000000 + int64(i), SourceId: src, InstanceId: "0",
		Tags:    map[string]string{"deployment": "cf", "job": "diego-cell", "index": "0", "ip": "10.0.0.1"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: make([]byte, 120), Type: loggregator_v2.Log_OUT}},
	})
	if err != nil {
		panic(err)
	}
	return b
}

func subscribeDiode(b *testing.B, r *subscription.Registry, req *loggregator_v2.EgressBatchRequest) {
	d := diode.NewOneToOne[[]byte](1000, nil)
	if _, err := r.Subscribe(req, d.Set); err != nil {
		b.Fatal(err)
	}
}

func runRoute(b *testing.B, r *subscription.Registry, envs [][]byte, fanout int) {
	const batch = 256
	b.ReportAllocs()
	b.ResetTimer()
	routed := 0
	for routed < b.N {
		n := min(batch, b.N-routed)
		start := routed % (len(envs) - batch)
		if bad := r.RouteBatch(envs[start : start+n]); bad != 0 {
			b.Fatal("malformed envelopes")
		}
		routed += n
	}
	b.StopTimer()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "envelopes/s")
	b.ReportMetric(float64(b.N*fanout)/secs, "deliveries/s")
}

func BenchmarkRoute(b *testing.B) {
	for _, subs := range []int{1, 10, 1000} {
		b.Run(fmt.Sprintf("subscribers=%d", subs), func(b *testing.B) {
			r := subscription.NewRegistry()
			for range subs {
				subscribeDiode(b, r, req(logSel("app")))
			}
			envs := make([][]byte, 4096)
			for i := range envs {
				envs[i] = benchEnvelope("app", i)
			}
			runRoute(b, r, envs, subs)
		})
	}

	b.Run("subscriptions=10000/sources=2000", func(b *testing.B) {
		r := subscription.NewRegistry()
		const sources = 2000
		for i := range 10000 {
			src := fmt.Sprint("app-", i%sources)
			switch i % 5 {
			case 0, 1:
				subscribeDiode(b, r, req(logSel(src)))
			case 2:
				subscribeDiode(b, r, req(logSel(src), counterSel(src, "")))
			case 3:
				subscribeDiode(b, r, req(counterSel(src, "requests")))
			case 4:
				shard := req(logSel(src))
				shard.ShardId = "group-" + src
				subscribeDiode(b, r, shard)
			}
		}
		envs := make([][]byte, 8192)
		for i := range envs {
			envs[i] = benchEnvelope(fmt.Sprint("app-", i%sources), i)
		}
		runRoute(b, r, envs, 4) // each log envelope matches 4 of its source's 5 subscriptions
	})

	b.Run("shard-group=10", func(b *testing.B) {
		r := subscription.NewRegistry()
		shard := req(logSel(""))
		shard.ShardId = "g"
		for range 10 {
			subscribeDiode(b, r, shard)
		}
		envs := make([][]byte, 4096)
		for i := range envs {
			envs[i] = benchEnvelope(fmt.Sprint("app-", i%100), i)
		}
		runRoute(b, r, envs, 1)
	})
}
