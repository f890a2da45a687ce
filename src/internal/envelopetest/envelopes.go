package envelopetest

import (
	"fmt"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
)

// Logs returns n log envelopes from sourceID whose payloads are
// "<prefix>-0" to "<prefix>-<n-1>", so a spec can tell which arrived.
func Logs(sourceID, prefix string, n int) []*loggregator_v2.Envelope {
	out := make([]*loggregator_v2.Envelope, n)
	for i := range out {
		out[i] = &loggregator_v2.Envelope{
			SourceId: sourceID,
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: fmt.Appendf(nil, "%s-%d", prefix, i)}},
		}
	}
	return out
}
