package udpforwarder

import (
	"errors"
	"fmt"
	"net"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/resolve"
	"loggregator/internal/routerpool"
)

// Config is the UDP forwarder's configuration, config/udp-forwarder.json.
type Config struct {
	// UDP is the socket v1 emitters write to.
	UDP UDPConfig `json:"udp"`
	// Agent is the local agent's v2 Ingress API the envelopes go to: its
	// address as the one target, this job's client identity, the server
	// name "metron", and the number of BatchSender streams.
	Agent routerpool.Config `json:"agent"`
	// Batch sets how envelopes are grouped into writes to the agent.
	Batch BatchConfig `json:"batch"`

	// Deployment, Job, Index and IP are given to every v1 envelope that
	// lacks them before conversion, as Cloud Foundry's forwarder does.
	Deployment string `json:"deployment"`
	Job        string `json:"job"`
	Index      string `json:"index"`
	IP         string `json:"ip"`

	// Runtime is "max_procs" and "memory_limit_mib".
	config.Runtime
	// ShutdownTimeout bounds how long a stop spends delivering what was read.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Metrics is the /metrics server and the self-metrics interval (own
	// metrics go to the agent as envelopes with source_id SourceID).
	Metrics metrics.Config `json:"metrics"`
}

// UDPConfig is the v1 UDP socket.
type UDPConfig struct {
	// Addr is the host:port the socket binds, 127.0.0.1:3457 by default.
	Addr string `json:"addr"`
	// ReceiveBufferBytes is the socket's kernel receive buffer (SO_RCVBUF):
	// what the kernel holds while the reader is not scheduled. The kernel
	// caps it at net.core.rmem_max; New then logs a warning naming the size
	// obtained (see the package doc).
	ReceiveBufferBytes int `json:"receive_buffer_bytes"`
	// BufferSize is the number of envelopes the diode between the reader
	// and the batcher holds; when full the oldest are dropped and counted.
	BufferSize int `json:"buffer_size"`
	// BufferBytes bounds the bytes of the encoded envelopes held between
	// the reader and the agent: in the diode, in batches, in a write. When
	// a new one does not fit the diode drops its oldest (counted). At least
	// 131072, so the envelope of the largest datagram fits.
	BufferBytes int `json:"buffer_bytes"`
}

// BatchConfig groups envelopes into writes to the agent.
type BatchConfig struct {
	// Size is the most envelopes in one write.
	Size int `json:"size"`
	// FlushInterval is the longest an envelope waits while every stream is busy.
	FlushInterval config.Duration `json:"flush_interval"`
	// Linger is how long a batch that is not full waits for more even when
	// a stream is free; 0 sends at once.
	Linger config.Duration `json:"linger"`
}

// DefaultConfig returns the defaults; the certificates have none.
func DefaultConfig() *Config {
	agent := routerpool.DefaultConfig()
	agent.Targets = resolve.Targets{{Addr: "127.0.0.1:3458"}}
	agent.ServerName = "metron"
	agent.Streams = 1
	agent.RecycleAfterEnvelopes = 0
	// The agent's ingress offers no acknowledgements (only routers do):
	// asking would cost a second dial per connection (routerpool dials an
	// acknowledged stream's connection with a longer keepalive).
	agent.Acknowledgements = false
	return &Config{
		UDP: UDPConfig{
			Addr:               "127.0.0.1:3457",
			ReceiveBufferBytes: 4 << 20,
			BufferSize:         50_000,
			BufferBytes:        32 << 20,
		},
		Agent:           agent,
		Batch:           BatchConfig{Size: 1000, FlushInterval: config.Duration(10 * time.Millisecond), Linger: config.Duration(2 * time.Millisecond)},
		Runtime:         config.Runtime{MaxProcs: 1, MemoryLimitMiB: 64, TimerSlack: config.DefaultTimerSlack},
		ShutdownTimeout: config.Duration(5 * time.Second),
		Metrics:         metrics.DefaultConfig("127.0.0.1:14829"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.UDP.Addr); err != nil {
		return fmt.Errorf("udp.addr: %w", err)
	}
	switch {
	case c.UDP.ReceiveBufferBytes < 0:
		return errors.New("udp.receive_buffer_bytes: must not be negative")
	case c.UDP.BufferSize < 1:
		return errors.New("udp.buffer_size: must be at least 1")
	case c.UDP.BufferBytes < 1<<17:
		return errors.New("udp.buffer_bytes: must be at least 131072 (the envelope of the largest datagram)")
	case c.Batch.Size < 1:
		return errors.New("batch.size: must be at least 1")
	case c.Batch.FlushInterval.D() <= 0:
		return errors.New("batch.flush_interval: must be positive")
	case c.Batch.Linger.D() < 0:
		return errors.New("batch.linger: must not be negative")
	case c.ShutdownTimeout.D() <= 0:
		return errors.New("shutdown_timeout: must be positive")
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	return c.Metrics.Validate("metrics")
}
