// Package dropsonde is the v1 transport: it turns the marshalled dropsonde
// envelopes (github.com/cloudfoundry/sonde-go/events) that older platform
// components emit into v2 envelopes and back, with go-loggregator's
// conversion package doing the field mapping so that every field lands where
// Cloud Foundry's own components put it.
//
// Decode is the UDP forwarder's half: one datagram holds one protobuf
// events.Envelope. A datagram is refused with an error, never a panic, when it
// is not a protobuf message, lacks a required field (origin, eventType), names
// an event type it does not carry, or holds text that is not UTF-8 (the v2
// wire, being proto3, could not carry it, and one such envelope would fail a
// whole batch further on). Before conversion Decode fills what Cloud
// Foundry's UDP forwarder fills: the source_id tag from the origin when
// absent, and deployment, job, index and ip from the Decoder when the
// envelope has none.
//
// Encode is the traffic controller's half: one v2 envelope becomes the
// marshalled v1 envelopes Cloud Foundry's traffic controller sends (a gauge
// of several metrics becomes one ValueMetric each, unless it is a container
// metric). Envelopes without a v1 form (events, empty messages) give
// ErrNoV1.
//
// Both functions are safe for concurrent use and keep no reference to their
// arguments.
package dropsonde
