package egress

import (
	"errors"

	"loggregator/internal/config"
)

// Settings is the "egress" section of the config of a component that serves
// the Egress API (the router, the reverse log proxy): Config as it is
// written in JSON.
type Settings struct {
	// BufferSize is the number of envelopes buffered per subscriber; beyond
	// it the oldest are dropped.
	BufferSize int `json:"buffer_size"`
	// BatchSize is the most envelopes sent to a subscriber in one message.
	BatchSize int `json:"batch_size"`
	// FlushInterval paces the sends to a subscriber: at most one message
	// per interval, so it is also the longest a batch waits to fill up.
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
		FlushInterval:       s.FlushInterval.D(),
		SlowConsumerTimeout: s.SlowConsumerTimeout.D(),
		MaxSubscriptions:    s.MaxSubscriptions,
	}
}
