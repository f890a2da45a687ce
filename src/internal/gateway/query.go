package gateway

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
)

// maxValueBytes bounds every value of a /v2/read query (a source id, a
// counter or gauge name, a shard id). Source ids are GUIDs or component
// names; a longer value is a mistake or an attack, never a selector.
const maxValueBytes = 1024

// readQuery is a checked /v2/read query.
type readQuery struct {
	// req is what the gateway asks the reverse log proxy for.
	req *loggregator_v2.EgressBatchRequest
	// sourceIDs are the distinct source ids asked for, in query order; none
	// means every source.
	sourceIDs []string
}

// parseQuery checks the raw query of GET /v2/read and turns it into the
// request the gateway sends upstream, as Cloud Foundry's gateway does: for
// every source_id (or once, for all sources, when there is none) one
// selector per requested envelope type. counter.name and gauge.name select
// named counters and gauges and imply the type; a gauge.name value may list
// several names separated by commas, all of which the gauge must carry.
//
// For example `?source_id=a&source_id=b&log&counter.name=cpu` gives four
// selectors: log and counter "cpu" for a, the same two for b.
//
// Unlike url.URL.Query, which skips what it cannot decode, a query that
// does not decode is refused, and so are empty or oversized values and a
// request for more than maxSelectors selectors; each error names the
// parameter. Repeated source ids count once.
func parseQuery(rawQuery string, maxSelectors int) (*readQuery, *apiError) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, badQuery("query", err.Error())
	}
	if !hasAny(q, "log", "counter", "gauge", "timer", "event", "counter.name", "gauge.name") {
		return nil, errMissingType
	}
	if emptyValue(q["counter.name"]) {
		return nil, errEmptyCounterName
	}
	if emptyValue(q["gauge.name"]) {
		return nil, errEmptyGaugeName
	}
	for _, key := range []string{"source_id", "counter.name", "gauge.name", "shard_id", "deterministic_name"} {
		for _, v := range q[key] {
			if len(v) > maxValueBytes {
				return nil, badQuery(key, fmt.Sprintf("a value is %d bytes long; at most %d are allowed", len(v), maxValueBytes))
			}
		}
	}
	if emptyValue(q["source_id"]) {
		return nil, badQuery("source_id", "needs a value; leave the parameter out to read every source")
	}
	for _, v := range q["gauge.name"] {
		for _, name := range strings.Split(v, ",") {
			if name == "" {
				return nil, badQuery("gauge.name", fmt.Sprintf("%q has an empty name in its comma-separated list", v))
			}
		}
	}

	sourceIDs := distinct(q["source_id"])
	perSource := countTypes(q)
	sources := max(len(sourceIDs), 1)
	if sources*perSource > maxSelectors {
		return nil, badQuery("source_id", fmt.Sprintf("%d source ids × %d envelope types make %d selectors; at most %d are allowed per stream",
			sources, perSource, sources*perSource, maxSelectors))
	}

	ids := sourceIDs
	if len(ids) == 0 {
		ids = []string{""}
	}
	selectors := make([]*loggregator_v2.Selector, 0, sources*perSource)
	for _, id := range ids {
		if has(q, "log") {
			selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
				Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}})
		}
		switch names := q["counter.name"]; {
		case len(names) > 0:
			for _, n := range names {
				selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
					Message: &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{Name: n}}})
			}
		case has(q, "counter"):
			selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
				Message: &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{}}})
		}
		switch names := q["gauge.name"]; {
		case len(names) > 0:
			for _, n := range names {
				selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
					Message: &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{Names: strings.Split(n, ",")}}})
			}
		case has(q, "gauge"):
			selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
				Message: &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{}}})
		}
		if has(q, "timer") {
			selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
				Message: &loggregator_v2.Selector_Timer{Timer: &loggregator_v2.TimerSelector{}}})
		}
		if has(q, "event") {
			selectors = append(selectors, &loggregator_v2.Selector{SourceId: id,
				Message: &loggregator_v2.Selector_Event{Event: &loggregator_v2.EventSelector{}}})
		}
	}
	return &readQuery{
		req: &loggregator_v2.EgressBatchRequest{
			ShardId:           q.Get("shard_id"),
			DeterministicName: q.Get("deterministic_name"),
			UsePreferredTags:  true,
			Selectors:         selectors,
		},
		sourceIDs: sourceIDs,
	}, nil
}

// countTypes is the number of selectors the query asks for per source id.
func countTypes(q url.Values) int {
	n := 0
	if has(q, "log") {
		n++
	}
	switch {
	case len(q["counter.name"]) > 0:
		n += len(q["counter.name"])
	case has(q, "counter"):
		n++
	}
	switch {
	case len(q["gauge.name"]) > 0:
		n += len(q["gauge.name"])
	case has(q, "gauge"):
		n++
	}
	if has(q, "timer") {
		n++
	}
	if has(q, "event") {
		n++
	}
	return n
}

// badQuery is a 400 answer naming the parameter at fault.
func badQuery(param, problem string) *apiError {
	return &apiError{http.StatusBadRequest, "invalid_query", param + ": " + problem}
}

func distinct(values []string) []string {
	if len(values) < 2 {
		return values
	}
	seen := make(map[string]struct{}, len(values))
	out := values[:0:0]
	for _, v := range values {
		if _, ok := seen[v]; !ok {
			seen[v] = struct{}{}
			out = append(out, v)
		}
	}
	return out
}

func has(q url.Values, key string) bool {
	_, ok := q[key]
	return ok
}

func hasAny(q url.Values, keys ...string) bool {
	for _, k := range keys {
		if has(q, k) {
			return true
		}
	}
	return false
}

func emptyValue(values []string) bool {
	for _, v := range values {
		if v == "" {
			return true
		}
	}
	return false
}
