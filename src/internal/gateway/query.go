package gateway

import (
	"net/url"
	"strings"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
)

// requestFromQuery turns the query of GET /v2/read into the request the
// gateway sends upstream, as Cloud Foundry's gateway does: for every
// source_id (or once, for all sources, when there is none) one selector per
// requested envelope type. counter.name and gauge.name select named
// counters and gauges and imply the type; a gauge.name value may list
// several names separated by commas, all of which the gauge must carry.
//
// For example `?source_id=a&source_id=b&log&counter.name=cpu` gives four
// selectors: log and counter "cpu" for a, the same two for b.
func requestFromQuery(q url.Values) (*loggregator_v2.EgressBatchRequest, *apiError) {
	if !hasAny(q, "log", "counter", "gauge", "timer", "event", "counter.name", "gauge.name") {
		return nil, errMissingType
	}
	if emptyValue(q["counter.name"]) {
		return nil, errEmptyCounterName
	}
	if emptyValue(q["gauge.name"]) {
		return nil, errEmptyGaugeName
	}

	sourceIDs := q["source_id"]
	if len(sourceIDs) == 0 {
		sourceIDs = []string{""}
	}
	var selectors []*loggregator_v2.Selector
	for _, id := range sourceIDs {
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
	return &loggregator_v2.EgressBatchRequest{
		ShardId:           q.Get("shard_id"),
		DeterministicName: q.Get("deterministic_name"),
		UsePreferredTags:  true,
		Selectors:         selectors,
	}, nil
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
