package subscription

import (
	"fmt"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Validate checks req and returns the selectors it asks for: its selectors
// and its legacy_selector. A legacy selector without a message type selects
// every type from its source, as old clients expect. The error is a gRPC
// InvalidArgument status that says what is missing.
func Validate(req *loggregator_v2.EgressBatchRequest) ([]*loggregator_v2.Selector, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request: at least one selector is required")
	}
	sels := make([]*loggregator_v2.Selector, 0, len(req.GetSelectors())+5)
	for i, s := range req.GetSelectors() {
		if s.GetMessage() == nil {
			return nil, status.Errorf(codes.InvalidArgument,
				"selector %d (source_id %q) has no message type: set one of log, counter, gauge, timer or event", i, s.GetSourceId())
		}
		sels = append(sels, s)
	}
	if l := req.GetLegacySelector(); l != nil {
		if l.GetMessage() != nil {
			sels = append(sels, l)
		} else {
			sels = append(sels, allTypes(l.GetSourceId())...)
		}
	}
	if len(sels) == 0 {
		return nil, status.Error(codes.InvalidArgument,
			"no selectors: a request needs at least one selector (a source_id, which may be empty for every source, and a message type)")
	}
	return sels, nil
}

// FromRequest turns the unbatched Receiver's request into the batched one.
func FromRequest(r *loggregator_v2.EgressRequest) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{
		ShardId:           r.GetShardId(),
		DeterministicName: r.GetDeterministicName(),
		LegacySelector:    r.GetLegacySelector(),
		Selectors:         r.GetSelectors(),
		UsePreferredTags:  r.GetUsePreferredTags(),
	}
}

func allTypes(sourceID string) []*loggregator_v2.Selector {
	return []*loggregator_v2.Selector{
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{}}},
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{}}},
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Timer{Timer: &loggregator_v2.TimerSelector{}}},
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Event{Event: &loggregator_v2.EventSelector{}}},
	}
}

// describe is a selector's canonical text, the same for equal selectors.
func (s selector) describe() string {
	return fmt.Sprintf("%q/%s/%q/%q", s.sourceID, s.kind, s.name, s.names)
}
