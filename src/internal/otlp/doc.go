// Package otlp is the agent's OpenTelemetry destination in its forwarder
// role: it turns encoded v2 envelopes into OTLP export requests and sends
// them over gRPC (mutual TLS) to an OpenTelemetry Collector. It is the only
// package that imports the OTLP protos (go.opentelemetry.io/proto/otlp).
//
// Mapping, as Cloud Foundry's forwarder agent maps envelopes:
//
//	log     → LogRecord: body the payload as a string, severity INFO for OUT
//	          and ERROR for ERR, time the envelope's timestamp
//	event   → LogRecord whose body is the map {title, body}
//	counter → Sum, cumulative and monotonic, one int data point: the
//	          running total (deltas are added up per series, see counters)
//	gauge   → one Gauge per gauge entry, named by the entry, with its unit
//	          and a double data point
//	timer   → a Span when the envelope carries trace_id and span_id tags
//	          (hex) and is not peer_type Client: name the path of its uri tag
//	          or the timer's name, kind SERVER for peer_type Server, else
//	          INTERNAL; start and stop the timer's. Other timers are skipped.
//
// Every record, point and span carries source_id, instance_id and the
// envelope's tags as string attributes (trace_id, span_id and __v1_type
// left out). Config.EmitLogs, EmitMetrics and EmitTraces switch the three
// signals off one by one.
//
// An Exporter is a fanout.Writer: Write converts one batch and exports each
// signal with one request, retrying a request the collector refused with a
// retryable status (Unavailable, ResourceExhausted, DeadlineExceeded,
// Aborted) up to Config.MaxRetries times with exponential backoff. While it
// retries, the lane in front of it (its queue, Config.QueueSize batches)
// fills and drops its oldest envelopes, counted there; a batch given up on
// is counted by the lane as failed. Records the collector rejects in a
// partial success are counted in otlp_rejected.
package otlp
