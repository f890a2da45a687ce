// Package subscription decides which subscribers get an envelope.
//
// A subscription is an EgressBatchRequest: selectors (source id, message
// type, counter name, gauge names), an optional shard id and the
// deterministic_name flag. Validate checks a request before it is
// registered. Registry indexes subscriptions by source id (selectors without
// one go to a wildcard list) and routes encoded envelopes, looking only at
// the fields wire.Scan extracts.
//
// Subscriptions with the same shard id and the same selectors form a shard
// group: each envelope that matches goes to exactly one member, round-robin,
// or, when a member asked for deterministic_name, counters and gauges by a
// hash of their name so one name always reaches the same member while the
// group does not change. Without a shard id every subscription is a group of
// one and gets every envelope it selects. docs/sharding.md has the rules
// with examples.
package subscription
