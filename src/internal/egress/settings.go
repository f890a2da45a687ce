package egress

import (
	"errors"
	"fmt"

	"loggregator/internal/config"
)

// DefaultBatchBytes is the default Settings.BatchBytes: 64 KiB, one of the
// codec's buffer sizes, so a full message takes its pooled buffer whole. It
// is what a stalled subscriber's message in flight costs, and a quarter of
// what 1,000 envelopes of 200 bytes took before messages had a byte limit;
// at 100,000 envelopes/s it is about 350 messages a second to a subscriber
// that keeps up.
const DefaultBatchBytes = 64 << 10

// MinBatchBytes is the smallest Settings.BatchBytes accepted.
const MinBatchBytes = 1024

// Settings is the "egress" section of the config of a component that serves
// the Egress API (the router, the reverse log proxy): Config as it is
// written in JSON.
type Settings struct {
	// BufferSize is the number of envelopes buffered per subscriber; beyond
	// it the oldest are dropped.
	BufferSize int `json:"buffer_size"`
	// BatchSize is the most envelopes sent to a subscriber in one message.
	BatchSize int `json:"batch_size"`
	// BatchBytes is the most bytes of envelopes sent to a subscriber in
	// one message; a message is cut at BatchSize envelopes or BatchBytes
	// bytes, whichever comes first.
	BatchBytes int `json:"batch_bytes"`
	// FlushInterval paces the sends of small batches to a subscriber: at
	// most one message per interval, so it is also the longest a batch
	// waits to fill up; a quarter-full batch goes at once.
	FlushInterval config.Duration `json:"flush_interval"`
	// SlowConsumerTimeout disconnects a subscriber that has kept losing
	// envelopes, or could not take one batch, for this long.
	SlowConsumerTimeout config.Duration `json:"slow_consumer_timeout"`
	// MaxSubscriptions bounds connected subscribers; one more is refused
	// with ResourceExhausted.
	MaxSubscriptions int `json:"max_subscriptions"`
}

// Validate names the first bad field under the prefix field ("egress").
func (s Settings) Validate(field string) error {
	switch {
	case s.BufferSize < 1:
		return errors.New(field + ".buffer_size: must be at least 1")
	case s.BatchSize < 1:
		return errors.New(field + ".batch_size: must be at least 1")
	case s.BatchBytes < MinBatchBytes:
		return fmt.Errorf("%s.batch_bytes: must be at least %d", field, MinBatchBytes)
	case s.FlushInterval.D() < 0:
		return errors.New(field + ".flush_interval: must not be negative")
	case s.SlowConsumerTimeout.D() <= 0:
		return errors.New(field + ".slow_consumer_timeout: must be positive")
	case s.MaxSubscriptions < 1:
		return errors.New(field + ".max_subscriptions: must be at least 1")
	}
	return nil
}

// Config returns the Server configuration the settings describe.
func (s Settings) Config() Config {
	return Config{
		BufferSize:          s.BufferSize,
		BatchSize:           s.BatchSize,
		BatchBytes:          s.BatchBytes,
		FlushInterval:       s.FlushInterval.D(),
		SlowConsumerTimeout: s.SlowConsumerTimeout.D(),
		MaxSubscriptions:    s.MaxSubscriptions,
	}
}
