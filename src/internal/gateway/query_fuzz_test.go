package gateway

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseQuery checks that any query gets a request or a 400 naming a
// parameter, never a panic, and that an accepted one keeps every limit. Run
// it with go test ./internal/gateway -run '^$' -fuzz FuzzParseQuery; the
// seeds and the corpus in testdata/fuzz run with every go test.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{
		"log", "source_id=a&source_id=b&log&timer", "counter.name=a&gauge.name=x,y",
		"log&source_id=%zz", "gauge.name=,,,", "log&%%%%", "log&source_id=a&source_id=a",
		"event&shard_id=s&deterministic_name=d", "counter&counter.name=a", "log;timer",
	} {
		f.Add(seed)
	}
	const limit = 10
	f.Fuzz(func(t *testing.T, raw string) {
		query, apiErr := parseQuery(raw, limit)
		if apiErr != nil {
			if apiErr.Status != 400 || apiErr.Message == "" {
				t.Fatalf("refused %q with %d %q", raw, apiErr.Status, apiErr.Message)
			}
			return
		}
		if n := len(query.req.GetSelectors()); n == 0 || n > limit {
			t.Fatalf("%q gave %d selectors (limit %d)", raw, n, limit)
		}
		seen := map[string]bool{}
		for _, id := range query.sourceIDs {
			if id == "" || len(id) > maxValueBytes || seen[id] {
				t.Fatalf("%q gave source id %q (empty, oversized or repeated)", raw, id)
			}
			seen[id] = true
		}
		for _, s := range query.req.GetSelectors() {
			for _, name := range s.GetGauge().GetNames() {
				if name == "" || strings.Contains(name, ",") {
					t.Fatalf("%q gave gauge name %q", raw, name)
				}
			}
			if !utf8.ValidString(s.GetSourceId()) && s.GetSourceId() != "" {
				// Not a limit of the gateway (gRPC refuses invalid UTF-8
				// upstream), but worth knowing when the fuzzer finds one.
				t.Logf("%q gave a source id that is not UTF-8", raw)
			}
		}
	})
}
